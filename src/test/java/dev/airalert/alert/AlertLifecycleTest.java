package dev.airalert.alert;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.airalert.TestAlerts;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Update supersedes, Cancel ends, time expires; references may arrive before their target. */
@QuarkusTest
class AlertLifecycleTest {

    @Test
    void updateSupersedesAndCancelEndsTheChain() {
        String sender = TestAlerts.uniqueSender();
        String first = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        String alertId = publish(airRaid(sender, first, sent, "Alert", null)).then().statusCode(201)
                .body("state", equalTo("active")).extract().path("id");

        String update = TestAlerts.uniqueId();
        String updateSent = TestAlerts.now();
        String updateId = publish(airRaid(sender, update, updateSent, "Update",
                sender + "," + first + "," + sent)).then().statusCode(201)
                .body("state", equalTo("active")).extract().path("id");
        given().get("/api/v1/alerts/" + alertId).then()
                .body("state", equalTo("updated")).body("replacedBy", equalTo(updateId));

        String cancelId = publish(airRaid(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Cancel",
                sender + "," + update + "," + updateSent)).then().statusCode(201)
                .body("state", equalTo("cancelled")).extract().path("id");
        given().get("/api/v1/alerts/" + updateId).then()
                .body("state", equalTo("cancelled")).body("replacedBy", equalTo(cancelId));
        given().get("/api/v1/alerts/" + alertId).then().body("state", equalTo("updated"));
    }

    @Test
    void cancelArrivingBeforeItsAlertStillEndsItWhenItArrives() {
        String sender = TestAlerts.uniqueSender();
        String late = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        String cancelId = publish(airRaid(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Cancel",
                sender + "," + late + "," + sent)).then().statusCode(201).extract().path("id");
        publish(airRaid(sender, late, sent, "Alert", null)).then().statusCode(201)
                .body("state", equalTo("cancelled"))
                .body("replacedBy", equalTo(cancelId));
    }

    @Test
    void alertIsExpiredAfterTheLatestExpiresOfItsInfos() {
        String sender = TestAlerts.uniqueSender();
        String past = TestAlerts.time(OffsetDateTime.now().minusHours(1));
        String id = publish(TestAlerts.alert(sender, TestAlerts.uniqueId(),
                TestAlerts.time(OffsetDateTime.now().minusHours(3)), "Alert", null, "Actual",
                "air raid", "Extreme", "Immediate", "Observed", "UA-30", past))
                .then().statusCode(201).body("state", equalTo("expired")).extract().path("id");
        given().queryParam("sender", sender).queryParam("active", "false").get("/api/v1/alerts")
                .then().body("items[0].id", equalTo(id));
        given().queryParam("sender", sender).queryParam("active", "true").get("/api/v1/alerts")
                .then().body("items.size()", equalTo(0));
    }

    @Test
    void aTestCancelDoesNotClearARealAlert() {
        String sender = TestAlerts.uniqueSender();
        String real = TestAlerts.uniqueId();
        String sent = TestAlerts.now();
        String id = publish(airRaid(sender, real, sent, "Alert", null)).then().statusCode(201)
                .extract().path("id");
        publish(TestAlerts.alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Cancel",
                sender + "," + real + "," + sent, "Test", "air raid", "Extreme", "Immediate",
                "Observed", "UA-30", null)).then().statusCode(201).body("state", equalTo("not-actual"));
        given().get("/api/v1/alerts/" + id).then().body("state", equalTo("active"));
    }

    @Test
    void testAndExerciseMessagesAreNotActual() {
        String sender = TestAlerts.uniqueSender();
        publish(TestAlerts.alert(sender, TestAlerts.uniqueId(), TestAlerts.now(), "Alert", null,
                "Exercise", "air raid", "Extreme", "Immediate", "Observed", "UA-30", null))
                .then().statusCode(201).body("state", equalTo("not-actual"));
    }

    private static String airRaid(String sender, String identifier, String sent, String msgType,
            String references) {
        return TestAlerts.alert(sender, identifier, sent, msgType, references, "Actual", "air raid",
                "Extreme", "Immediate", "Observed", "UA-30",
                TestAlerts.time(OffsetDateTime.now().plusHours(2)));
    }
}
