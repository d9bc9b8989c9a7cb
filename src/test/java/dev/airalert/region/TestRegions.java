package dev.airalert.region;

import java.util.List;

/** The built-in gazetteer outside a running service, for plain unit tests of other packages. */
public final class TestRegions {

    private static final RegionResolver RESOLVER = new RegionResolver(new Gazetteer(List.of()));

    private TestRegions() {
    }

    public static RegionResolver resolver() {
        return RESOLVER;
    }
}
