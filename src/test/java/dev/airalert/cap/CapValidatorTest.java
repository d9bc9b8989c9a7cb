package dev.airalert.cap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.cap.CapFormatException.Kind;
import dev.airalert.web.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CapValidatorTest {

    private static final String STATUS_VALUES = "must be one of Actual, Exercise, System, Test, Draft";

    /** What reading and validating a whole body gives: a refusal or a list of fields. */
    private record Outcome(Kind refused, List<FieldError> errors) {
        Set<String> fields() {
            return errors.stream().map(FieldError::field).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Outcome judge(byte[] body) {
        try {
            List<FieldError> errors = new ArrayList<>();
            for (ParsedCap cap : CapXmlReader.read(body)) {
                errors.addAll(cap.structureErrors());
                CapValidator.validate(cap.alert()).forEach(
                        e -> errors.add(new FieldError(cap.qualify(e.field()), e.message())));
            }
            return new Outcome(null, errors);
        } catch (CapFormatException e) {
            return new Outcome(e.kind(), e.errors());
        }
    }

    static Stream<CapCorpus.Entry> validRows() {
        return CapCorpus.acceptedValid();
    }

    @ParameterizedTest
    @MethodSource("validRows")
    void validCorpusAlertsHaveNoErrors(CapCorpus.Entry row) {
        Outcome outcome = judge(CapCorpus.bytes(row));
        assertEquals(new Outcome(null, List.of()), outcome, row.toString());
    }

    @Test
    void everyInvalidCorpusRowFailsOnItsKnownField() {
        Map<String, Outcome> expected = Map.of(
                "invalid.cap", new Outcome(null, List.of(new FieldError("info[0]", "breaks the OASIS schema: Invalid"
                        + " content was found starting with element 'info'. One of 'source, scope' is expected."),
                        new FieldError("scope", "is required; must be one of Public, Restricted, Private"))),
                "canada_errors.cap", new Outcome(null, List.of(new FieldError("references",
                        "must list at least one sender,identifier,sent entry when present"))),
                // CAP 1.1: its own schema refuses the empty urgency first; the rules then name each field.
                "noaa_errors.cap", new Outcome(null, List.of(new FieldError("info[0].urgency", "breaks the OASIS"
                        + " schema: Value '' is not facet-valid with respect to enumeration '[Immediate, Expected,"
                        + " Future, Past, Unknown]'. It must be a value from the enumeration."),
                        new FieldError("info[0].urgency", "must be one of Immediate, Expected, Future, Past, Unknown"),
                        new FieldError("info[0].severity", "must be one of Extreme, Severe, Moderate, Minor, Unknown"),
                        new FieldError("info[0].certainty", "must be one of Observed, Likely, Possible, Unlikely, Unknown"),
                        new FieldError("info[0].area[0].polygon[0]", "point 7 (\"+40.85,-118.09,\") must be"
                                + " latitude,longitude in decimal degrees"))),
                "xee.cap", new Outcome(Kind.HOSTILE, null));
        List<CapCorpus.Entry> invalid = CapCorpus.withExpected("invalid").toList();
        assertEquals(Set.of("invalid.cap", "canada_errors.cap", "noaa_errors.cap", "xee.cap",
                "bushfire_invalid.edxlde"), invalid.stream().map(CapValidatorTest::fileName)
                .collect(Collectors.toSet()), "a new invalid corpus row needs an expectation here");
        for (CapCorpus.Entry row : invalid) {
            Outcome outcome = judge(CapCorpus.bytes(row));
            Outcome wanted = expected.get(fileName(row));
            if (wanted == null) {
                continue; // the envelope has its own test below
            }
            assertEquals(wanted.refused(), outcome.refused(), row.toString());
            if (wanted.errors() != null) {
                assertEquals(wanted.errors(), outcome.errors(), row.toString());
            }
        }
    }

    @Test
    void invalidEnvelopeFailsOnTheEmptiedSlotAndTheBadUrgency() {
        Outcome outcome = judge(CapCorpus.bytes("bushfire_invalid.edxlde"));
        assertEquals(null, outcome.refused());
        assertTrue(outcome.errors().contains(
                new FieldError("contentObject[1].alert", "is empty; must contain a CAP 1.2 alert")));
        assertTrue(outcome.errors().contains(new FieldError("contentObject[2].alert.info[0].urgency",
                "must be one of Immediate, Expected, Future, Past, Unknown")));
        // Nothing else is wrong: every other error is a missing field of the emptied alert.
        for (FieldError e : outcome.errors()) {
            assertTrue(e.field().startsWith("contentObject[1].alert")
                    || e.field().equals("contentObject[2].alert.info[0].urgency"), e.toString());
        }
    }

    @Test
    void builtAlertIsValid() {
        assertEquals(List.of(), CapValidator.validate(new CapAlertBuilder().build()));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.identifier = null;
        b.status = "actual";
        b.info.urgency = "Foobar";
        b.info.area.circle = List.of("50.45,30.52 -1");
        assertEquals(List.of(new FieldError("identifier", "is required"),
                new FieldError("status", STATUS_VALUES),
                new FieldError("info[0].urgency", "must be one of Immediate, Expected, Future, Past, Unknown"),
                new FieldError("info[0].area[0].circle[0]", "radius must be a number of kilometres, 0 or more")),
                CapValidator.validate(b.build()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "a,b", "a<b", "a&b", "tab\there"})
    void identifierAndSenderRejectSeparators(String value) {
        CapAlertBuilder b = new CapAlertBuilder();
        b.identifier = value;
        b.sender = value;
        assertEquals(List.of(new FieldError("identifier", "must not contain spaces, commas, < or &"),
                new FieldError("sender", "must not contain spaces, commas, < or &")), errors(b));
    }

    @Test
    void emptyIsToldApartFromAbsent() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.sender = "";
        b.info.event = null;
        assertEquals(List.of(new FieldError("sender", "must not be empty"),
                new FieldError("info[0].event", "is required")), errors(b));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T08:00:00Z", "2026-11-25T08:00:00", "2026-11-25T08:00:00.5+02:00",
            "2026-11-25 08:00:00+02:00", "25.11.2026 08:00", ""})
    void sentMustCarryANumericOffset(String sent) {
        CapAlertBuilder b = new CapAlertBuilder();
        b.sent = sent;
        assertEquals(List.of(new FieldError("sent", "must be a CAP date-time with a zone offset, "
                + "e.g. 2026-11-25T08:00:00+02:00 (UTC is written -00:00)")), errors(b));
    }

    @Test
    void impossibleDatesAndMissingSentAreErrors() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.sent = "2026-02-30T08:00:00+02:00";
        b.info.expires = "2026-11-25T25:00:00+02:00";
        b.info.onset = "2026-11-25T08:00:00+19:00";
        b.info.effective = "2026-11-25T08:00:00-00:00";
        assertEquals(List.of(new FieldError("sent", "is not a real date and time"),
                new FieldError("info[0].onset", "is not a real date and time"),
                new FieldError("info[0].expires", "is not a real date and time")), errors(b));
        b.sent = null;
        b.info.expires = "2026-11-25T08:00:00Z";
        b.info.onset = null;
        List<FieldError> errors = errors(b);
        assertEquals(List.of("sent", "info[0].expires"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(0).message().startsWith("is required"));
    }

    @Test
    void enumsAreCaseSensitiveAndListTheAllowedValues() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.status = "ACTUAL";
        b.msgType = null;
        b.scope = "public";
        b.info.category = List.of("Security", "Military");
        b.info.responseType = List.of("Hide");
        b.info.severity = "";
        b.info.certainty = null;
        assertEquals(List.of(new FieldError("status", STATUS_VALUES),
                new FieldError("msgType", "is required; must be one of Alert, Update, Cancel, Ack, Error"),
                new FieldError("scope", "must be one of Public, Restricted, Private"),
                new FieldError("info[0].category[1]", "must be one of Geo, Met, Safety, Security, Rescue, "
                        + "Fire, Health, Env, Transport, Infra, CBRNE, Other"),
                new FieldError("info[0].responseType[0]", "must be one of Shelter, Evacuate, Prepare, "
                        + "Execute, Avoid, Monitor, Assess, AllClear, None"),
                new FieldError("info[0].severity", "must be one of Extreme, Severe, Moderate, Minor, Unknown"),
                new FieldError("info[0].certainty",
                        "is required; must be one of Observed, Likely, Possible, Unlikely, Unknown")), errors(b));
    }

    @Test
    void infoNeedsACategory() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.info.category = List.of();
        assertEquals(List.of("info[0].category"), fields(b));
    }

    @Test
    void restrictedScopeNeedsRestrictionAndPrivateNeedsAddresses() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.scope = "Restricted";
        assertEquals(List.of(new FieldError("restriction", "is required when scope is Restricted")), errors(b));
        b.restriction = " ";
        assertEquals(List.of(new FieldError("restriction", "must not be empty")), errors(b));
        b.restriction = "Civil defence staff only";
        assertEquals(List.of(), errors(b));
        b.scope = "Private";
        assertEquals(List.of(new FieldError("addresses", "is required when scope is Private")), errors(b));
        b.addresses = "ops@example.gov.ua \"Kyiv duty room\"";
        assertEquals(List.of(), errors(b));
    }

    @Test
    void referencesMustBeSenderIdentifierSentTriples() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.references = "alerts@example.gov.ua,UA-1,2026-11-25T07:00:00+02:00 alerts@example.gov.ua,UA-2,2026-11-25T07:30:00-00:00";
        assertEquals(List.of(), errors(b));
        b.references = "";
        assertEquals(List.of(new FieldError("references",
                "must list at least one sender,identifier,sent entry when present")), errors(b));
        b.references = "alerts@example.gov.ua,UA-1,2026-11-25T07:00:00+02:00 UA-2 a,b,2026-11-25T07:00:00Z";
        assertEquals(List.of(
                new FieldError("references", "entry 2 (\"UA-2\") must be sender,identifier,sent with sent a CAP date-time"),
                new FieldError("references", "entry 3 (\"a,b,2026-11-25T07:00:00Z\") must be "
                        + "sender,identifier,sent with sent a CAP date-time")), errors(b));
    }

    @Test
    void codesMustNotBeEmpty() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.code = List.of("profile:CAP-UA:1.0", "");
        assertEquals(List.of(new FieldError("code[1]", "must not be empty")), errors(b));
    }

    @Test
    void languageWebAndNamedValues() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.info.language = "en_US";
        b.info.web = "www.example.gov.ua/alerts";
        b.info.eventCode = List.of(new NamedValue("", "AIR"));
        b.info.parameter = List.of(new NamedValue("Sirens", ""), new NamedValue("Wave", null));
        assertEquals(List.of(new FieldError("info[0].language", "must be a language tag such as en-US or uk"),
                new FieldError("info[0].eventCode[0].valueName", "must not be empty"),
                new FieldError("info[0].web", "must be an absolute URI, e.g. https://example.org/alerts/1"),
                new FieldError("info[0].parameter[1].value", "is required (it may be empty)")), errors(b));
        b.info.language = "uk";
        b.info.web = "https://example.gov.ua/alerts/1";
        b.info.eventCode = List.of(new NamedValue("SAME", "CDW"));
        b.info.parameter = List.of(new NamedValue("Sirens", ""));
        assertEquals(List.of(), errors(b));
    }

    @Test
    void resourcesNeedDescriptionMimeTypeAndAByteCount() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.info.resource = List.of(new CapResource("map", "image/png", "1024", "https://example.gov.ua/m.png", null, null),
                new CapResource(null, "", "12kb", null, null, null),
                new CapResource("audio", "audio/mpeg", "-1", null, null, null));
        assertEquals(List.of(new FieldError("info[0].resource[1].resourceDesc", "is required"),
                new FieldError("info[0].resource[1].mimeType", "must not be empty"),
                new FieldError("info[0].resource[1].size", "must be a whole number of bytes"),
                new FieldError("info[0].resource[2].size", "must be a whole number of bytes")), errors(b));
    }

    @Test
    void polygonRules() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.info.area.polygon = List.of(
                "50.59,30.24 50.59,30.83 50.21,30.83 50.21,30.24 50.59,30.24",
                "50.59,30.24 50.59,30.83 50.21,30.83 50.21,30.24",
                "50.59,30.24 50.59,30.83 50.59,30.24",
                "50.59,30.24 91,30.83 50.21,30.83 50.59,30.24",
                "50.59,30.24 50.59,180.5 50.21,30.83 50.59,30.24",
                "50.59,30.24 50.59;30.83 50.21,30.83 50.59,30.24",
                "NaN,30.24 50.59,30.83 50.21,30.83 NaN,30.24",
                "",
                "50.590,30.24\n 50.59,30.83\t50.21,30.83 50.59,30.240");
        assertEquals(List.of(
                new FieldError("info[0].area[0].polygon[1]", "must be closed: the last point must repeat the first"),
                new FieldError("info[0].area[0].polygon[2]",
                        "must have at least 4 points, the first repeated as the last (found 3)"),
                new FieldError("info[0].area[0].polygon[3]", "point 2 (\"91,30.83\") latitude must be between -90 and 90"),
                new FieldError("info[0].area[0].polygon[4]",
                        "point 2 (\"50.59,180.5\") longitude must be between -180 and 180"),
                new FieldError("info[0].area[0].polygon[5]",
                        "point 2 (\"50.59;30.83\") must be latitude,longitude in decimal degrees"),
                new FieldError("info[0].area[0].polygon[6]",
                        "point 1 (\"NaN,30.24\") must be latitude,longitude in decimal degrees"),
                new FieldError("info[0].area[0].polygon[7]", "must not be empty")), errors(b));
    }

    @Test
    void circleRules() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.info.area.circle = List.of("50.45,30.52 0", "50.45,30.52", "50.45,30.52 -1", "95,30.52 10",
                "50.45,30.52 ten", "50.45 30.52 10");
        assertEquals(List.of(
                new FieldError("info[0].area[0].circle[1]",
                        "must be latitude,longitude radius (radius in km), e.g. 50.45,30.52 10"),
                new FieldError("info[0].area[0].circle[2]", "radius must be a number of kilometres, 0 or more"),
                new FieldError("info[0].area[0].circle[3]", "centre (\"95,30.52\") latitude must be between -90 and 90"),
                new FieldError("info[0].area[0].circle[4]", "radius must be a number of kilometres, 0 or more"),
                new FieldError("info[0].area[0].circle[5]",
                        "must be latitude,longitude radius (radius in km), e.g. 50.45,30.52 10")), errors(b));
    }

    @Test
    void areaDescriptionGeocodesAndHeights() {
        CapAlertBuilder b = new CapAlertBuilder();
        b.info.area.areaDesc = null;
        b.info.area.geocode = List.of(new NamedValue("ISO 3166-2", ""), new NamedValue(null, "UA-30"));
        b.info.area.altitude = "high";
        assertEquals(List.of(new FieldError("info[0].area[0].areaDesc", "is required"),
                new FieldError("info[0].area[0].geocode[0].value", "must not be empty"),
                new FieldError("info[0].area[0].geocode[1].valueName", "is required"),
                new FieldError("info[0].area[0].altitude", "must be a number (feet above mean sea level)")), errors(b));
        b = new CapAlertBuilder();
        b.info.area.ceiling = "30000";
        assertEquals(List.of(new FieldError("info[0].area[0].ceiling", "requires altitude")), errors(b));
        b.info.area.altitude = "-12.5";
        assertEquals(List.of(), errors(b));
    }

    private static List<FieldError> errors(CapAlertBuilder b) {
        return CapValidator.validate(b.build());
    }

    private static List<String> fields(CapAlertBuilder b) {
        return errors(b).stream().map(FieldError::field).toList();
    }

    private static String fileName(CapCorpus.Entry row) {
        return row.localPath().substring(row.localPath().lastIndexOf('/') + 1);
    }
}
