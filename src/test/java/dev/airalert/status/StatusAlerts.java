package dev.airalert.status;

import static dev.airalert.TestAlerts.publish;
import static org.hamcrest.Matchers.contains;

import dev.airalert.TestAlerts;

/**
 * Alerts for the status tests: one region each, by its code, active for two hours, from a
 * sender of its own. Each test publishes in oblasts no other test alerts, so what it asserts
 * there is what its own alerts do.
 */
final class StatusAlerts {

    /** Lviv oblast, its Lviv raion, the hromada of Lviv city. */
    static final String LVIV_OBLAST = "UA-46";
    static final String LVIV_RAION = "UA46060000000042587";
    static final String LVIV_CITY = "UA46060250000025047";
    /** A hromada of Ivano-Frankivsk oblast, Lviv's neighbour. */
    static final String IVANO_FRANKIVSK_HROMADA = "UA26040010000011271";
    /** Khmelnytskyi oblast, its Khmelnytskyi raion, the city's hromada and another of that raion. */
    static final String KHMELNYTSKYI_OBLAST = "UA-68";
    static final String KHMELNYTSKYI_RAION = "UA68040000000086061";
    static final String KHMELNYTSKYI_CITY = "UA68040470000053519";
    static final String LETYCHIV = "UA68040230000081901";
    /** Chernivtsi oblast, its Chernivtsi raion and a hromada of it, and a hromada of another raion. */
    static final String CHERNIVTSI_OBLAST = "UA-77";
    static final String CHERNIVTSI_RAION = "UA73060000000061247";
    static final String CHERNIVTSI_CITY = "UA73060610000066784";
    static final String BANYLIV = "UA73020010000044067";

    private StatusAlerts() {
    }

    /** Publishes an air-raid alert for the region with this ISO 3166-2 code. */
    static void oblast(String code) {
        publish(area(code, "ISO3166-2")).then().statusCode(201).body("regions", contains(code));
    }

    /** Publishes an air-raid alert for the raion or hromada with this KATOTTG code. */
    static void katottg(String code) {
        publish(area(code, "KATOTTG")).then().statusCode(201).body("regions", contains(code));
    }

    private static String area(String code, String scheme) {
        return TestAlerts.withArea(TestAlerts.uniqueSender(), "\"areaDesc\": \"Area " + code + "\", \"geocode\":"
                + " [{\"valueName\": \"" + scheme + "\", \"value\": \"" + code + "\"}]", TestAlerts.inTwoHours());
    }
}
