package dev.airalert.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import dev.airalert.stream.SseClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Four eyes, as the FCC asked after the 2018 Hawaii false alert: an alert an approval rule
 * holds goes nowhere until a second person approves it, and is gone if discarded; a Cancel
 * prepared in advance goes out with one call, without waiting.
 */
@QuarkusTest
class FourEyesTest {

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    static String key(String holder, String role, String sender) {
        return given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", role + " " + holder, "holder", holder, "roles", List.of(role),
                        "senders", List.of(sender)))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("secret");
    }

    static void rule(String sender, List<String> severities) {
        given().auth().oauth2(TestKeys.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("sender", sender, "severities", severities)).post("/api/v1/approval-rules")
                .then().statusCode(201).body("msgTypes", equalTo(List.of("Alert", "Update")));
    }

    /** A Cancel or Update (by msgType) of the alert (sender, identifier, sent). */
    static String follow(String msgType, String sender, String identifier, String sent) {
        boolean cancel = "Cancel".equals(msgType);
        return TestAlerts.alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), msgType,
                sender + "," + identifier + "," + sent, "Actual", "air raid", cancel ? "Minor" : "Extreme",
                cancel ? "Past" : "Immediate", "Observed", "UA-30", cancel ? null : TestAlerts.inTwoHours());
    }

    static Response post(String key, String json) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(json).post("/api/v1/alerts");
    }

    static String alert(String sender, String identifier, String sent, String severity) {
        return TestAlerts.alert(sender, identifier, sent, "Alert", null, "Actual", "air raid", severity,
                "Immediate", "Observed", "UA-30", TestAlerts.inTwoHours());
    }

    @Test
    void aHeldAlertGoesOutOnlyWhenASecondPersonApprovesIt() {
        String sender = TestAlerts.uniqueSender();
        String olena = "Olena " + UUID.randomUUID();
        String publisher = key(olena, "publisher", sender);
        String sameHolder = key(olena, "approver", sender);
        String mykola = key("Mykola " + UUID.randomUUID(), "approver", sender);
        String otherSendersApprover = key("Iryna " + UUID.randomUUID(), "approver", TestAlerts.uniqueSender());
        rule(sender, List.of("Extreme"));

        try (SseClient live = new SseClient(stream + "?region=UA-30", null, null)) {
            String id = post(publisher, alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Extreme"))
                    .then().statusCode(201).body("state", equalTo("pending-approval"))
                    .body("approval.requestedAt", notNullValue()).body("approval.decidedAt", nullValue())
                    .extract().path("id");
            // Until approved it is nowhere: not for anonymous readers, history, the map or the stream.
            given().get("/api/v1/alerts/" + id).then().statusCode(404);
            given().queryParam("sender", sender).get("/api/v1/alerts").then().body("items", hasSize(0));
            given().get("/api/v1/regions/UA-30").then().body("activeAlerts.id", not(hasItem(id)));
            given().auth().oauth2(publisher).get("/api/v1/alerts/" + id).then().statusCode(200);
            given().auth().oauth2(mykola).get("/api/v1/approvals").then().body("items.id", hasItem(id));

            given().auth().oauth2(sameHolder).post("/api/v1/alerts/" + id + "/approve").then().statusCode(403)
                    .body("errors.field", hasItem("holder"));
            given().auth().oauth2(publisher).post("/api/v1/alerts/" + id + "/approve").then().statusCode(403);
            // An approver for other senders does not even see it.
            given().auth().oauth2(otherSendersApprover).post("/api/v1/alerts/" + id + "/approve").then().statusCode(404);
            given().auth().oauth2(otherSendersApprover).get("/api/v1/approvals").then().body("items.id", not(hasItem(id)));
            given().auth().oauth2(mykola).queryParam("sender", sender).get("/api/v1/alerts").then().body("items", hasSize(0));
            assertFalse(live.hasSender(sender), "nothing went out before approval");

            given().auth().oauth2(mykola).post("/api/v1/alerts/" + id + "/approve").then().statusCode(200)
                    .body("state", equalTo("active")).body("approval.decision", equalTo("approved"))
                    .body("approval.decidedAt", notNullValue());
            live.awaitSender(sender);
            given().auth().oauth2(mykola).post("/api/v1/alerts/" + id + "/approve").then().statusCode(409);
            given().get("/api/v1/alerts/" + id).then().statusCode(200).body("approval.decidedBy", nullValue());
            given().auth().oauth2(TestKeys.ADMIN).get("/api/v1/alerts/" + id).then()
                    .body("approval.decidedByHolder", equalTo(given().auth().oauth2(TestKeys.ADMIN)
                            .queryParam("alert", id).queryParam("action", "alert.approved").get("/api/v1/audit")
                            .then().extract().path("items[0].holder")));
        }
    }

    @Test
    void aDiscardedAlertNeverGoesOutAndOtherSeveritiesDoNotWait() {
        String sender = TestAlerts.uniqueSender();
        String publisher = key("P " + UUID.randomUUID(), "publisher", sender);
        rule(sender, List.of("Extreme"));
        String held = post(publisher, alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Extreme"))
                .then().statusCode(201).body("state", equalTo("pending-approval")).extract().path("id");
        given().auth().oauth2(publisher).post("/api/v1/alerts/" + held + "/discard").then().statusCode(200)
                .body("state", equalTo("discarded")).body("approval.decision", equalTo("discarded"));
        given().get("/api/v1/alerts/" + held).then().statusCode(404);
        given().auth().oauth2(TestKeys.ADMIN).queryParam("alert", held).get("/api/v1/audit").then()
                .body("items.action", hasItem("alert.held-for-approval")).body("items.action", hasItem("alert.discarded"));
        post(publisher, alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Moderate"))
                .then().statusCode(201).body("state", equalTo("active"));
    }

    @Test
    void aPreparedCancelIsSentWithOneCallAndDoesNotWaitForApproval() {
        String sender = TestAlerts.uniqueSender();
        String publisher = key("P " + UUID.randomUUID(), "publisher", sender);
        String identifier = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        String id = post(publisher, alert(sender, identifier, sent, "Extreme")).then().statusCode(201)
                .extract().path("id");
        rule(sender, List.of());
        String cancel = follow("Cancel", sender, identifier, sent);
        // A Cancel of another alert, or one this key could not send, is refused when prepared.
        given().auth().oauth2(publisher).contentType(ContentType.JSON)
                .body(cancel.replace(identifier, "someone-else")).put("/api/v1/alerts/" + id + "/prepared-cancel")
                .then().statusCode(400).body("errors.field", hasItem("references"));
        given().auth().oauth2(publisher).contentType(ContentType.JSON)
                .body(TestAlerts.kyivAirRaid(sender, TestAlerts.uniqueId())).put("/api/v1/alerts/" + id + "/prepared-cancel")
                .then().statusCode(400).body("errors.field", hasItem("msgType"));
        given().auth().oauth2(publisher).contentType(ContentType.JSON).body(cancel.replace("\"status\": \"Actual\"",
                "\"status\": \"Test\"")).put("/api/v1/alerts/" + id + "/prepared-cancel").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().auth().oauth2(publisher).contentType(ContentType.JSON).body(cancel)
                .put("/api/v1/alerts/" + id + "/prepared-cancel").then().statusCode(200)
                .body("identifier", notNullValue()).body("contentType", equalTo("application/json"));
        given().auth().oauth2(publisher).get("/api/v1/alerts/" + id + "/prepared-cancel").then().statusCode(200)
                .body(equalTo(cancel));
        // Another key of the same sender does not silently replace it.
        given().auth().oauth2(key("Q " + UUID.randomUUID(), "publisher", sender)).contentType(ContentType.JSON)
                .body(cancel).put("/api/v1/alerts/" + id + "/prepared-cancel").then().statusCode(409);

        given().auth().oauth2(publisher).post("/api/v1/alerts/" + id + "/prepared-cancel/send").then()
                .statusCode(201).body("msgType", equalTo("Cancel")).body("state", equalTo("cancelled"));
        given().get("/api/v1/alerts/" + id).then().body("state", equalTo("cancelled"));
        given().auth().oauth2(publisher).post("/api/v1/alerts/" + id + "/prepared-cancel/send").then().statusCode(200);
        String stranger = key("X " + UUID.randomUUID(), "publisher", TestAlerts.uniqueSender());
        given().auth().oauth2(stranger).post("/api/v1/alerts/" + id + "/prepared-cancel/send").then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/v1/alerts/" + id + "/prepared-cancel").then().statusCode(404);
    }

    @Test
    void anAckOrErrorIsNeverAnAlertInForceSoItCannotGoAroundTheRule() {
        String sender = TestAlerts.uniqueSender();
        String publisher = key("P " + UUID.randomUUID(), "publisher", sender);
        rule(sender, List.of());
        String ack = TestAlerts.alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Ack", null, "Actual",
                "air raid", "Extreme", "Immediate", "Observed", "UA-30", TestAlerts.inTwoHours());
        String id = post(publisher, ack)
                .then().statusCode(201).body("state", equalTo("recorded")).extract().path("id");
        given().get("/api/v1/regions/UA-30").then().body("activeAlerts.id", not(hasItem(id)));
        given().queryParam("sender", sender).queryParam("active", "true").get("/api/v1/alerts").then()
                .body("items", hasSize(0));
    }

    @Test
    void aHeldUpdateOfAnAlertEndedMeanwhileCannotRaiseItAgain() {
        String sender = TestAlerts.uniqueSender();
        String publisher = key("P " + UUID.randomUUID(), "publisher", sender);
        String approver = key("A " + UUID.randomUUID(), "approver", sender);
        String identifier = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        String alertId = post(publisher, alert(sender, identifier, sent, "Extreme")).then().statusCode(201)
                .extract().path("id");
        rule(sender, List.of());
        String update = post(publisher, follow("Update", sender, identifier, sent)).then().statusCode(201)
                .body("state", equalTo("pending-approval")).extract().path("id");
        post(publisher, follow("Cancel", sender, identifier, sent)).then().statusCode(201);
        given().get("/api/v1/alerts/" + alertId).then().body("state", equalTo("cancelled"));
        given().auth().oauth2(approver).post("/api/v1/alerts/" + update + "/approve").then().statusCode(409)
                .body("errors.field", hasItem("references"));
        given().get("/api/v1/alerts/" + alertId).then().body("state", equalTo("cancelled"));
    }

    @Test
    void aPreparedCancelOfAnAlertUpdatedSinceIsNotSentAsIfNothingHappened() {
        String sender = TestAlerts.uniqueSender();
        String publisher = key("P " + UUID.randomUUID(), "publisher", sender);
        String identifier = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        String id = post(publisher, alert(sender, identifier, sent, "Extreme")).then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(publisher).contentType(ContentType.JSON)
                .body(follow("Cancel", sender, identifier, sent)).put("/api/v1/alerts/" + id + "/prepared-cancel").then().statusCode(200);
        post(publisher, follow("Update", sender, identifier, sent)).then().statusCode(201);
        given().auth().oauth2(publisher).post("/api/v1/alerts/" + id + "/prepared-cancel/send").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("cancel its latest Update"));
    }
}
