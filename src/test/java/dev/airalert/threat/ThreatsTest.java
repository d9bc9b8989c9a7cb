package dev.airalert.threat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.cap.CapAlert;
import dev.airalert.cap.CapInfo;
import dev.airalert.cap.NamedValue;
import dev.airalert.web.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading an alert's threat: the fields a publisher sets, else its event's words, else its category. */
class ThreatsTest {

    private static CapInfo info(String event, List<String> category, List<NamedValue> eventCode,
            List<NamedValue> parameter) {
        return new CapInfo("uk-UA", category, event, List.of("Shelter"), "Immediate", "Extreme", "Observed", null,
                eventCode, null, null, null, null, null, null, null, null, null, parameter, List.of(), List.of());
    }

    private static CapInfo info(String event) {
        return info(event, List.of("Security"), List.of(), List.of());
    }

    private static CapAlert alert(CapInfo... infos) {
        return new CapAlert("id-1", "alerts@example.gov.ua", "2026-11-25T08:00:00+02:00", "Actual", "Alert", null,
                "Public", null, null, List.of(), null, null, null, List.of(infos));
    }

    private static NamedValue type(String value) {
        return new NamedValue(Threats.TYPE, value);
    }

    private static NamedValue level(String value) {
        return new NamedValue(Threats.LEVEL, value);
    }

    private static NamedValue reason(String value) {
        return new NamedValue(Threats.REASON, value);
    }

    private static Threat threatOfEvent(String event) {
        return Threats.of(alert(info(event)));
    }

    @Test
    void theFieldsAPublisherSetsWinOverTheEvent() {
        CapAlert alert = alert(info("Повітряна тривога", List.of("Security"),
                List.of(new NamedValue("SAME", "CDW"), type("missiles")),
                List.of(level("yellow"), reason("Загроза ракетного удару"))));
        assertEquals(new Threat("missiles", "yellow", "Загроза ракетного удару"), Threats.of(alert));
    }

    @Test
    void namesAndValuesAreReadInAnyLetterCase() {
        CapAlert alert = alert(info("Alert", List.of("Other"),
                List.of(new NamedValue(" AirAlert:Threat ", " Guided_Bombs ")),
                List.of(new NamedValue("AIRALERT:THREAT-LEVEL", "RED"), new NamedValue("airalert:Threat-Reason", "  КАБ  "))));
        assertEquals(new Threat("guided_bombs", "red", "КАБ"), Threats.of(alert));
        assertTrue(Threats.problems(alert).isEmpty(), Threats.problems(alert).toString());
    }

    @Test
    void theFirstInfoThatNamesOneDecides() {
        CapAlert named = alert(
                info("Drone attack"),
                info("Luftalarm", List.of("Security"), List.of(type("ballistic")), List.of(level("yellow"))),
                info("Air raid", List.of("Security"), List.of(type("artillery_shelling")),
                        List.of(level("red"), reason("second"))));
        assertEquals(new Threat("ballistic", "yellow", "second"), Threats.of(named),
                "a named type beats the first info's words; each field comes from the first info naming it");

        CapAlert byWords = alert(info("Alert"), info("Ракетна небезпека"), info("Drohnenangriff"));
        assertEquals(new Threat("missiles", "red", null), Threats.of(byWords),
                "the first info with a known word decides");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Повітряна тривога                            | air_raid
            Air raid                                     | air_raid
            AIR-RAID warning                             | air_raid
            Luftalarm                                    | air_raid
            Fliegeralarm                                 | air_raid
            Загроза застосування балістичного озброєння  | ballistic
            Ballistic missile threat                     | ballistic
            ballistic missile                            | ballistic
            Загроза застосування КАБ                     | guided_bombs
            КАБ                                          | guided_bombs
            Guided bomb threat                           | guided_bombs
            Керовані авіабомби                           | guided_bombs
            Gleitbombe                                   | guided_bombs
            Активність тактичної авіації                 | tactical_aviation
            Tactical aviation activity                   | tactical_aviation
            Kampfflugzeuge                               | tactical_aviation
            Ракетна небезпека                            | missiles
            Missile threat                               | missiles
            Rocket attack                                | missiles
            Raketenangriff                               | missiles
            Marschflugkörper                             | missiles
            Drone attack                                 | drones
            UAV threat                                   | drones
            Shahed drones                                | drones
            Загроза БПЛА                                 | drones
            Атака дронів                                 | drones
            Drohnenangriff                               | drones
            Air raid: drones                             | drones
            Загроза артобстрілу                          | artillery_shelling
            Artillery shelling                           | artillery_shelling
            Обстріл                                      | artillery_shelling
            Artilleriebeschuss                           | artillery_shelling
            Вуличні бої                                  | urban_fights
            Urban fights                                 | urban_fights
            Häuserkampf                                  | urban_fights
            Хімічна загроза                              | chemical
            Chemical hazard                              | chemical
            Chemieunfall                                 | chemical
            Радіаційна небезпека                         | nuclear
            Nuclear threat                               | nuclear
            Atomalarm                                    | nuclear
            Radioaktive Strahlung                        | nuclear
            """)
    void theEventsWordsNameTheType(String event, String type) {
        assertEquals(type, threatOfEvent(event).type());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Пошкоджено кабель
            Suburban fights
            Anatomy lesson
            Squav
            """)
    void aWordCountsOnlyAtTheStartOfAWord(String event) {
        // "кабель" is not КАБ (which must stand whole), "Suburban" not urban, "Anatomy" not atom, "Squav" not UAV.
        assertEquals("air_raid", threatOfEvent(event).type(), "Security without a known word is an air raid");
    }

    @Test
    void theMostSpecificWordComesFirst() {
        assertEquals("ballistic", threatOfEvent("ballistic missile").type());
        assertEquals("guided_bombs", threatOfEvent("Air raid, guided bombs").type());
        assertEquals("tactical_aviation", threatOfEvent("Tactical aviation: missile launch").type());
        assertEquals("missiles", threatOfEvent("Missile and drone attack").type());
        assertEquals("drones", threatOfEvent("Повітряна тривога: загроза БПЛА").type());
    }

    @Test
    void withoutAKnownWordTheCategoryDecides() {
        assertEquals("air_raid", Threats.of(alert(info("Alert", List.of("Security"), List.of(), List.of()))).type());
        assertEquals("chemical", Threats.of(alert(info("Leak", List.of("CBRNE"), List.of(), List.of()))).type());
        assertEquals("air_raid", Threats.of(alert(info("Leak", List.of("CBRNE"), List.of(), List.of()),
                info("Alert", List.of("Met", "Security"), List.of(), List.of()))).type(), "any info's Security");
        assertEquals("info", Threats.of(alert(info("Road closed", List.of("Transport"), List.of(), List.of()))).type());
        assertEquals("info", Threats.of(alert()).type(), "a Cancel without info");
    }

    @Test
    void levelsFollowTheTypeUnlessNamed() {
        assertEquals("yellow", threatOfEvent("Drone attack").level());
        assertEquals("red", threatOfEvent("Missile threat").level());
        assertEquals("red", threatOfEvent("Ballistic threat").level());
        for (String event : List.of("Air raid", "КАБ", "Tactical aviation", "Artillery shelling", "Вуличні бої",
                "Chemical", "Nuclear")) {
            assertNull(threatOfEvent(event).level(), event);
        }
        assertEquals("red", Threats.of(alert(info("Drone attack", List.of("Security"), List.of(),
                List.of(level("Red"))))).level());
        assertEquals("yellow", Threats.of(alert(info("Air raid", List.of("Security"), List.of(),
                List.of(level("yellow"))))).level());
    }

    @Test
    void aBlankReasonIsNone() {
        assertNull(Threats.of(alert(info("Air raid", List.of("Security"), List.of(), List.of(reason("   "))))).reason());
    }

    @Test
    void valuesStoredBeforeTheyWereCheckedFallBackToTheMapping() {
        CapAlert stored = alert(info("Drone attack", List.of("Security"), List.of(type("bogus")),
                List.of(level("orange"))));
        assertEquals(new Threat("drones", "yellow", null), Threats.of(stored));
    }

    @Test
    void aLongReasonStoredBeforeTheLimitIsClippedToTheLimit() {
        String reason = "Загроза ".repeat(100);
        Threat threat = Threats.of(alert(info("Air raid", List.of("Security"), List.of(), List.of(reason(reason)))));
        assertEquals(Threats.REASON_LENGTH, threat.reason().length(), "as long as the column allows");
        assertTrue(threat.reason().startsWith(reason.substring(0, Threats.REASON_LENGTH - 1)), threat.reason());
    }

    @Test
    void aLongReasonOfCharactersOutsideTheBmpIsClippedWithoutBreakingOne() {
        // 300 emoji: 600 UTF-16 units (what the limit counts) but 300 code points.
        String reason = "\uD83D\uDE80".repeat(300);
        Threat threat = Threats.of(alert(info("Air raid", List.of("Security"), List.of(), List.of(reason(reason)))));
        assertTrue(threat.reason().length() <= Threats.REASON_LENGTH, "fits the column");
        assertTrue(threat.reason().length() >= Threats.REASON_LENGTH - 2, "keeps what fits");
        assertTrue(threat.reason().codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE),
                "no character cut in two");
        assertTrue(threat.reason().startsWith("\uD83D\uDE80".repeat(200)), threat.reason());
    }

    @Test
    void problemsNameTheFieldOfEachBadValue() {
        CapAlert alert = alert(
                info("Air raid", List.of("Security"), List.of(new NamedValue("SAME", "CDW"), type("bogus")),
                        List.of(reason("ok"))),
                info("Air raid", List.of("Security"), List.of(type("drones")),
                        List.of(new NamedValue("other", "x"), level("orange"), reason("x".repeat(Threats.REASON_LENGTH + 1)))));
        List<FieldError> problems = Threats.problems(alert);
        assertEquals(List.of("info[0].eventCode[1].value", "info[1].parameter[1].value", "info[1].parameter[2].value"),
                problems.stream().map(FieldError::field).toList());
        assertTrue(problems.get(0).message().contains("'bogus'") && problems.get(0).message().contains("drones"),
                problems.get(0).message());
        assertTrue(problems.get(1).message().contains("'orange'"), problems.get(1).message());
        assertTrue(problems.get(2).message().contains("500"), problems.get(2).message());
    }

    @Test
    void aReasonOfExactlyTheLimitAndValidValuesAreNoProblem() {
        CapAlert alert = alert(info("Air raid", List.of("Security"), List.of(type("NUCLEAR")),
                List.of(level("Yellow"), reason(" " + "x".repeat(Threats.REASON_LENGTH) + " "))));
        assertEquals(List.of(), Threats.problems(alert));
        assertEquals(List.of(), Threats.problems(alert(info("Air raid"))));
    }

    @Test
    void everyTypeAndLevelHasItsWireName() {
        assertEquals(List.of("air_raid", "artillery_shelling", "urban_fights", "chemical", "nuclear", "drones",
                "missiles", "ballistic", "guided_bombs", "tactical_aviation", "info"), ThreatType.WIRE_NAMES);
        assertEquals(List.of("yellow", "red"), ThreatLevel.WIRE_NAMES);
    }
}
