package dev.airalert;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * CAP JSON alerts for tests. Every alert gets a fresh sender and identifier, so tests
 * never see each other's data and can run in any order.
 */
public final class TestAlerts {

    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private TestAlerts() {
    }

    /** Publishes a CAP JSON alert with a publisher key. */
    public static Response publish(String json) {
        return given().auth().oauth2(TestKeys.publisher()).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/alerts");
    }

    public static String uniqueSender() {
        return "test-" + UUID.randomUUID() + "@airalert.test";
    }

    public static String uniqueId() {
        return "id-" + UUID.randomUUID();
    }

    public static String time(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.ofHours(2)).format(CAP_TIME);
    }

    public static String now() {
        return time(OffsetDateTime.now());
    }

    /** A Kyiv air-raid alert in English; region UA-30 by ISO 3166-2 geocode. */
    public static String kyivAirRaid(String sender, String identifier) {
        return alert(sender, identifier, now(), "Alert", null, "Actual", "air raid", "Extreme",
                "Immediate", "Observed", "UA-30", time(OffsetDateTime.now().plusHours(2)));
    }

    /** An active air-raid alert whose single area is given as JSON ({@code "areaDesc": ...}). */
    public static String withArea(String sender, String areaJson, String expires) {
        return """
                {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "Actual",
                 "msgType": "Alert", "scope": "Public",
                 "info": [{"category": ["Security"], "event": "air raid", "urgency": "Immediate",
                   "severity": "Extreme", "certainty": "Observed", "expires": "%s",
                   "area": [{%s}]}]}
                """.formatted(uniqueId(), sender, now(), expires, areaJson);
    }

    public static String inTwoHours() {
        return time(OffsetDateTime.now().plusHours(2));
    }

    public static String anHourAgo() {
        return time(OffsetDateTime.now().minusHours(1));
    }

    public static String alert(String sender, String identifier, String sent, String msgType,
            String references, String status, String event, String severity, String urgency,
            String certainty, String region, String expires) {
        return """
                {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "%s",
                 "msgType": "%s", "scope": "Public"%s,
                 "info": [{"language": "en-US", "category": ["Security"], "event": "%s",
                   "responseType": ["Shelter"], "urgency": "%s", "severity": "%s",
                   "certainty": "%s"%s,
                   "headline": "Air raid alert", "instruction": "Go to the nearest shelter.",
                   "area": [{"areaDesc": "Region %s",
                     "geocode": [{"valueName": "ISO3166-2", "value": "%s"}]}]}]}
                """.formatted(identifier, sender, sent, status, msgType,
                references == null ? "" : ", \"references\": \"" + references + "\"",
                event, urgency, severity, certainty,
                expires == null ? "" : ", \"expires\": \"" + expires + "\"", region, region);
    }
}
