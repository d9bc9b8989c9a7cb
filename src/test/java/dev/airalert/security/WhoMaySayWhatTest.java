package dev.airalert.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The attacks a second publisher key could make, tried through HTTP: every one is refused
 * naming the field, changes nothing, and is in the audit trail. Each test mints its own
 * senders and keys.
 */
@QuarkusTest
class WhoMaySayWhatTest {

    /** A publisher key bound to these senders (and regions, when given); returns its secret. */
    static String keyFor(List<String> senders, List<String> regions) {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("name", "publisher " + UUID.randomUUID(),
                "holder", "holder " + UUID.randomUUID(), "roles", List.of("publisher"), "senders", senders));
        if (regions != null) {
            request.put("regions", regions);
        }
        return given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON).body(request)
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("secret");
    }

    static Response publish(String key, String json) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(json).post("/api/v1/alerts");
    }

    static String alert(String sender, String identifier, String sent, String msgType, String references) {
        return TestAlerts.alert(sender, identifier, sent, msgType, references, "Actual", "air raid", "Extreme",
                "Immediate", "Observed", "UA-30", TestAlerts.inTwoHours());
    }

    @Test
    void aKeyRequestForAPublisherWithoutSendersIsRefused() {
        given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "no senders", "holder", "h", "roles", List.of("publisher")))
                .post("/api/v1/api-keys").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("senders"));
        given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "no holder", "roles", List.of("subscriber")))
                .post("/api/v1/api-keys").then().statusCode(400).body("errors.field", hasItem("holder"));
        given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "bad pattern", "holder", "h", "roles", List.of("publisher"),
                        "senders", List.of("a b", "trailing\\")))
                .post("/api/v1/api-keys").then().statusCode(400)
                .body("errors.field", hasItem("senders[0]")).body("errors.field", hasItem("senders[1]"));
    }

    @Test
    void aKeyPublishesOnlyAsItsSendersAndPatterns() {
        String domain = UUID.randomUUID() + ".embassy.test";
        String key = keyFor(List.of("*@" + domain), null);
        publish(key, TestAlerts.kyivAirRaid("kyiv@" + domain, TestAlerts.uniqueId())).then().statusCode(201);
        String victim = TestAlerts.uniqueSender();
        publish(key, TestAlerts.kyivAirRaid(victim, TestAlerts.uniqueId())).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/forbidden"))
                .body("errors.field", hasItem("sender"));
        given().queryParam("sender", victim).get("/api/v1/alerts").then().body("items", hasSize(0));
        // The pattern's dot is a dot, not "any character": evil-embassy.test does not match.
        publish(key, TestAlerts.kyivAirRaid("x@" + domain.replace(".embassy", "Xembassy"), TestAlerts.uniqueId()))
                .then().statusCode(403);
    }

    @Test
    void aSecondKeyCannotCancelOrUpdateAnotherSendersAlert() {
        String mine = TestAlerts.uniqueSender();
        String theirs = TestAlerts.uniqueSender();
        String owner = keyFor(List.of(mine), null);
        String attacker = keyFor(List.of(theirs), null);
        String identifier = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        String alertId = publish(owner, alert(mine, identifier, sent, "Alert", null)).then().statusCode(201)
                .extract().path("id");

        for (String msgType : List.of("Cancel", "Update")) {
            publish(attacker, alert(theirs, TestAlerts.uniqueId(), TestAlerts.now(), msgType,
                    mine + "," + identifier + "," + sent)).then().statusCode(403)
                    .body("errors.field", hasItem("references"))
                    .body("errors.message", hasItem(containsString("another sender")));
        }
        given().get("/api/v1/alerts/" + alertId).then().body("state", equalTo("active"));
        given().get("/api/v1/status").then().body("regions.'UA-30'.state", equalTo("active"));
        given().queryParam("sender", theirs).get("/api/v1/alerts").then().body("items", hasSize(0));
        given().auth().oauth2(TestKeys.ADMIN).queryParam("sender", theirs).queryParam("outcome", "refused")
                .get("/api/v1/audit").then().body("items.action", hasItem("alert.cancelled"))
                .body("items.action", hasItem("alert.updated"));
    }

    @Test
    void aCancelPlantedForAnotherSendersNextAlertIsRefusedAndTheAlertArrivesActive() {
        String mine = TestAlerts.uniqueSender();
        String theirs = TestAlerts.uniqueSender();
        String next = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        publish(keyFor(List.of(theirs), null), alert(theirs, TestAlerts.uniqueId(), TestAlerts.now(), "Cancel",
                mine + "," + next + "," + sent)).then().statusCode(403).body("errors.field", hasItem("references"));
        // Squatting the identifier means publishing as that sender: not this key's.
        publish(keyFor(List.of(theirs), null), alert(mine, next, sent, "Alert", null)).then().statusCode(403);
        publish(keyFor(List.of(mine), null), alert(mine, next, sent, "Alert", null)).then().statusCode(201)
                .body("state", equalTo("active"));
    }

    @Test
    void aReferenceActsOnlyWithTheSentItNames() {
        String sender = TestAlerts.uniqueSender();
        String key = keyFor(List.of(sender), null);
        String identifier = TestAlerts.uniqueId();
        String sent = TestAlerts.time(java.time.OffsetDateTime.now().minusMinutes(5));
        String alertId = publish(key, alert(sender, identifier, sent, "Alert", null)).then().statusCode(201)
                .extract().path("id");
        publish(key, alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Cancel",
                sender + "," + identifier + "," + TestAlerts.now())).then().statusCode(409)
                .contentType("application/problem+json").body("errors.field", hasItem("references"));
        given().get("/api/v1/alerts/" + alertId).then().body("state", equalTo("active"));
        // The same instant written with another offset is the same sent.
        String utc = java.time.OffsetDateTime.parse(sent).withOffsetSameInstant(java.time.ZoneOffset.UTC)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")) + "-00:00";
        publish(key, alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Cancel",
                sender + "," + identifier + "," + utc)).then().statusCode(201);
        given().get("/api/v1/alerts/" + alertId).then().body("state", equalTo("cancelled"));

        // A Cancel kept for an alert not yet received ends it only if that alert has the named sent.
        String late = TestAlerts.uniqueId();
        publish(key, alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Cancel",
                sender + "," + late + "," + TestAlerts.anHourAgo())).then().statusCode(201);
        publish(key, alert(sender, late, TestAlerts.now(), "Alert", null)).then().statusCode(201)
                .body("state", equalTo("active"));
    }

    @Test
    void anAdminCanDelegateOneSendersCancelsForAnother() {
        String ministry = TestAlerts.uniqueSender();
        String office = TestAlerts.uniqueSender();
        String identifier = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        String alertId = publish(keyFor(List.of(ministry), null), alert(ministry, identifier, sent, "Alert", null))
                .then().statusCode(201).extract().path("id");
        String cancel = alert(office, TestAlerts.uniqueId(), TestAlerts.now(), "Cancel",
                ministry + "," + identifier + "," + sent);
        String officeKey = keyFor(List.of(office), null);
        publish(officeKey, cancel).then().statusCode(403);
        String delegation = given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("sender", office, "actsFor", ministry)).post("/api/v1/sender-delegations")
                .then().statusCode(201).body("actsFor", equalTo(ministry)).extract().path("id");
        publish(officeKey, cancel).then().statusCode(201);
        given().get("/api/v1/alerts/" + alertId).then().body("state", equalTo("cancelled"));
        given().auth().oauth2(TestKeys.ADMIN).delete("/api/v1/sender-delegations/" + delegation).then().statusCode(204);
        given().auth().oauth2(TestKeys.ADMIN).queryParam("action", "sender.delegation-removed").queryParam("sender", office)
                .get("/api/v1/audit").then().body("items", hasSize(1));
    }

    @Test
    void aKeyBoundToRegionsAlertsOnlyThere() {
        String sender = TestAlerts.uniqueSender();
        String kyivOnly = keyFor(List.of(sender), List.of("Kyiv"));
        given().auth().oauth2(TestKeys.ADMIN).get("/api/v1/api-keys").then()
                .body("find { it.senders == ['" + sender + "'] }.regions", equalTo(List.of("UA-30")));
        publish(kyivOnly, TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId())).then().statusCode(201);
        publish(kyivOnly, TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId()).replace("UA-30", "UA-46"))
                .then().statusCode(403).body("errors.field", hasItem("info[0].area[0]"))
                .body("errors.message", hasItem(containsString("UA-46")));
        publish(kyivOnly, TestAlerts.withArea(sender, "\"areaDesc\": \"Atlantis\"", TestAlerts.inTwoHours()))
                .then().statusCode(403).body("errors.message", hasItem(containsString("cannot be placed")));
        publish(kyivOnly, TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId()).replace("\"ISO3166-2\", \"value\": \"UA-30\"",
                "\"ISO3166-1\", \"value\": \"UA\"")).then().statusCode(403);
        // Nor may it end or replace an alert outside them, or one it cannot see yet.
        String national = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        String nationalId = publish(keyFor(List.of(sender), null), alert(sender, national, sent, "Alert", null)
                .replace("UA-30", "UA-46")).then().statusCode(201).extract().path("id");
        publish(kyivOnly, alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Cancel",
                sender + "," + national + "," + sent)).then().statusCode(403).body("errors.field", hasItem("references"));
        publish(kyivOnly, alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Cancel",
                sender + ",not-yet-" + national + "," + sent)).then().statusCode(403);
        given().get("/api/v1/alerts/" + nationalId).then().body("state", equalTo("active"));
        String noArea = """
                {"identifier": "%s", "sender": "%s", "sent": "%s", "status": "Actual", "msgType": "Alert",
                 "scope": "Public", "info": [{"category": ["Security"], "event": "air raid", "urgency": "Immediate",
                   "severity": "Extreme", "certainty": "Observed"}]}""".formatted(TestAlerts.uniqueId(), sender,
                TestAlerts.now());
        publish(kyivOnly, noArea).then().statusCode(403).body("errors.field", hasItem("info"));
    }

    @Test
    void anAdminChangesWhatAKeyMayDo() {
        String sender = TestAlerts.uniqueSender();
        String other = TestAlerts.uniqueSender();
        Map<String, Object> created = given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "n", "holder", "h", "roles", List.of("publisher"), "senders", List.of(sender)))
                .post("/api/v1/api-keys").then().statusCode(201).extract().as(Map.class);
        String key = (String) created.get("secret");
        publish(key, TestAlerts.kyivAirRaid(other, TestAlerts.uniqueId())).then().statusCode(403);
        given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("senders", List.of(sender, other), "holder", "Mykola"))
                .patch("/api/v1/api-keys/" + created.get("id")).then().statusCode(200)
                .body("holder", equalTo("Mykola")).body("senders", hasSize(2));
        publish(key, TestAlerts.kyivAirRaid(other, TestAlerts.uniqueId())).then().statusCode(201);
        given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON).body(Map.of("senders", List.of()))
                .patch("/api/v1/api-keys/" + created.get("id")).then().statusCode(400)
                .body("errors.field", hasItem("senders"));
    }
}
