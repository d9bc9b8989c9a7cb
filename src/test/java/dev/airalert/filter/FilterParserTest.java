package dev.airalert.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.region.TestRegions;
import dev.airalert.web.FieldError;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared filters read from a query string and from request-body values, without a service. */
class FilterParserTest {

    private final FilterParser parser = new FilterParser(TestRegions.resolver());
    private final List<FieldError> errors = new ArrayList<>();

    @SafeVarargs
    private static MultivaluedMap<String, String> query(List<String>... pairs) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        for (List<String> pair : pairs) {
            params.add(pair.get(0), pair.get(1));
        }
        return params;
    }

    private AlertFilter parse(MultivaluedMap<String, String> params) {
        return parser.query(params, errors);
    }

    @Test
    void severityAndMinSeverityAreOneFloorInAnyCase() {
        for (List<String> given : List.of(List.of("severity", "Severe"), List.of("minSeverity", "severe"),
                List.of("severity", "SEVERE"), List.of("minSeverity", " Severe "))) {
            assertEquals(3, parse(query(given)).minSeverityRank(), given.toString());
        }
        assertEquals(List.of(), errors);
        assertEquals(0, parse(query(List.of("severity", "unknown"))).minSeverityRank());
    }

    @Test
    void aFloorIsGivenOnceUnderOneName() {
        assertNull(parse(query(List.of("severity", "Severe"), List.of("minSeverity", "Severe"))).minSeverityRank());
        assertEquals(List.of("minSeverity"), fields());
        errors.clear();
        parse(query(List.of("minSeverity", "Severe"), List.of("minSeverity", "Minor")));
        assertEquals(List.of(new FieldError("minSeverity", "must be given once")), errors);
    }

    @Test
    void regionsAreCodesOrNamesWithTheirParentsAndChildren() {
        AlertFilter byName = parse(query(List.of("region", "Kyiv")));
        assertEquals(byName.regions(), parse(query(List.of("region", "ua-30"))).regions());
        assertTrue(byName.regions().containsAll(Set.of("UA-30", "UA")), byName.regions().toString());
        AlertFilter several = parse(query(List.of("region", "Kiew, Lviv"), List.of("region", "Харків")));
        assertTrue(several.regions().containsAll(Set.of("UA-30", "UA-46", "UA-63", "UA")), several.regions().toString());
        AlertFilter country = parse(query(List.of("region", "UA")));
        assertTrue(country.regions().containsAll(Set.of("UA", "UA-30", "UA-46")), country.regions().toString());
        assertEquals(List.of(), errors);
    }

    @Test
    void eventsAreWholeNamesInLowerCaseAndLanguagesAreTags() {
        AlertFilter filter = parse(query(List.of("event", "Air Raid"), List.of("event", "Flood, flash"),
                List.of("lang", "de,en-US"), List.of("lang", "uk")));
        assertEquals(Set.of("air raid", "flood, flash"), filter.events());
        assertEquals(List.of("de", "en-US", "uk"), filter.languages());
        assertEquals(List.of(), errors);
    }

    @Test
    void everyBadValueIsReportedAtOnceNamingItsParameter() {
        parse(query(List.of("region", "Narnia,Kyiv"), List.of("minSeverity", "Huge"), List.of("lang", "de_DE"),
                List.of("event", " ")));
        assertEquals(List.of(
                new FieldError("region", "'Narnia' is not a known region name or code (ISO 3166-2 such as UA-30, KATOTTG)"),
                new FieldError("event", "must not contain empty values"),
                new FieldError("lang", "must be a language tag such as de or en-US"),
                new FieldError("minSeverity", "'Huge' is not one of Extreme, Severe, Moderate, Minor, Unknown")),
                errors);
    }

    @Test
    void bodyValuesAreNamedAsTheBodySpellsThem() {
        assertEquals(Optional.of("UA46060250000025047"), parser.region("Lviv", "regions[0]", errors));
        assertEquals(Optional.empty(), parser.region("Atlantis", "regions[1]", errors));
        assertEquals(Optional.of(4), FilterParser.severityRank("extreme", "minSeverity", errors));
        assertEquals(Optional.of("Immediate"), FilterParser.known("IMMEDIATE", List.of("Immediate", "Expected"),
                "urgencies[0]", errors));
        assertEquals(Optional.empty(), FilterParser.language("not a tag", "languages[2]", errors));
        assertEquals(List.of("regions[1]", "languages[2]"), fields());
    }

    private List<String> fields() {
        return errors.stream().map(FieldError::field).toList();
    }
}
