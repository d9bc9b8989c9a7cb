package dev.airalert.region;

import dev.airalert.alert.cap.CapAlert;
import dev.airalert.alert.cap.CapArea;
import dev.airalert.alert.cap.CapInfo;
import dev.airalert.alert.cap.NamedValue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Resolves the areas of an alert to region codes. For now: CAP geocodes named ISO 3166-2
 * (spelled {@code ISO3166-2} or {@code ISO 3166-2}) whose value has the ISO shape.
 */
@ApplicationScoped
public class RegionResolver {

    private static final Pattern ISO_3166_2_NAME = Pattern.compile("(?i)iso ?3166-2");
    private static final Pattern ISO_3166_2_CODE = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    /** The region codes the alert covers, sorted. */
    public Set<String> resolve(CapAlert alert) {
        Set<String> codes = new TreeSet<>();
        for (CapInfo info : alert.info()) {
            for (CapArea area : info.area()) {
                for (NamedValue geocode : area.geocode()) {
                    isoCode(geocode).ifPresent(codes::add);
                }
            }
        }
        return codes;
    }

    /** A region code as callers may write it ({@code ua-30}), or empty if it is none. */
    public Optional<String> normalise(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return ISO_3166_2_CODE.matcher(upper).matches() ? Optional.of(upper)
                : Optional.empty();
    }

    private Optional<String> isoCode(NamedValue geocode) {
        if (geocode.valueName() == null || geocode.value() == null
                || !ISO_3166_2_NAME.matcher(geocode.valueName().trim()).matches()) {
            return Optional.empty();
        }
        return normalise(geocode.value());
    }
}
