package dev.airalert.status;

import java.util.Map;

/**
 * The state of every region at one moment: those some active alert concerns are held, every
 * other region's state is {@link RegionState#NONE}. Look regions up by their own code (the one
 * the gazetteer lists), not by another code of theirs.
 */
public final class RegionStates {

    private final Map<String, RegionState> concerned;

    RegionStates(Map<String, RegionState> concerned) {
        this.concerned = Map.copyOf(concerned);
    }

    public RegionState of(String code) {
        return concerned.getOrDefault(code, RegionState.NONE);
    }
}
