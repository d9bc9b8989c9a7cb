package dev.airalert.compat;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.TestAlerts;
import dev.airalert.TestKeys;
import dev.airalert.delivery.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * ukrainealarm's webhooks as a receiver of them sees them: registered, changed and removed at
 * /api/v3/webhook, one request per region that changed, signed with RSA-SHA256 over
 * "{timestamp}.{body}" and verified here with the PEM the service serves.
 */
@QuarkusTest
class UkraineAlarmWebhookTest {

    /** A hromada of Zaporizhzhia oblast no other test alerts. */
    static final String VASYLIVKA = "UA23040030000061166";
    static final String VASYLIVKA_ID = "594";

    @Test
    void deliveriesAreInItsShapeAndVerifyWithTheServedPublicKey() throws Exception {
        String key = TestKeys.create("ukrainealarm hook " + TestAlerts.uniqueId(), List.of("reader", "subscriber"));
        PublicKey publicKey = publicKey(given().get("/webhook-public.pem").then().statusCode(200)
                .body(containsString("-----BEGIN PUBLIC KEY-----")).extract().asString());
        assertEquals(given().get("/webhook-public.pem").asString(), given().get("/api/v3/webhook-public.pem").asString());

        try (WebhookReceiver receiver = new WebhookReceiver(); WebhookReceiver moved = new WebhookReceiver()) {
            given().header("Authorization", key).contentType("application/json")
                    .body("{\"webHookUrl\": \"" + receiver.url() + "\"}").post("/api/v3/webhook").then().statusCode(200)
                    .body("webHookUrl", equalTo(receiver.url()));
            given().header("Authorization", key).contentType("application/json")
                    .body("{\"webHookUrl\": \"" + receiver.url() + "\"}").post("/api/v3/webhook").then().statusCode(409)
                    .body("message", notNullValue());
            // It is one of the key's subscriptions, in ukrainealarm's format.
            given().auth().oauth2(key).get("/api/v1/subscriptions").then().statusCode(200)
                    .body("format", hasItem("ukrainealarm"));

            String sender = TestAlerts.uniqueSender();
            String id = TestAlerts.uniqueId();
            String sent = publish(CompatApiTest.hromada(sender, id, "Alert", null, VASYLIVKA)).then().statusCode(201)
                    .extract().path("sent");
            WebhookReceiver.Received activate = await(receiver, "ACTIVATE");
            assertTrue(verifies(publicKey, activate), "the signature verifies with the served key");
            assertEquals("rsa-sha256", activate.header("x-webhook-signature-alg"));
            JsonPath body = new JsonPath(activate.body());
            assertEquals("AIR", body.getString("alarmType"));
            assertEquals("Community", body.getString("regionType"));
            assertTrue(body.getString("createdAt").matches(CompatApiTest.TIME_US), body.getString("createdAt"));
            assertEquals("Yellow", body.getString("activeAlertLevels[0].alertLevel"));
            assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(activate.header("x-webhook-timestamp")))
                    < 300, "the timestamp is now, in seconds");

            // A new URL: the all-clear goes there, and says the region is clear.
            given().header("Authorization", key).contentType("application/json")
                    .body("{\"webHookUrl\": \"" + moved.url() + "\"}").patch("/api/v3/webhook").then().statusCode(200);
            publish(CompatApiTest.hromada(sender, TestAlerts.uniqueId(), "Cancel", sender + "," + id + "," + sent,
                    VASYLIVKA)).then().statusCode(201);
            WebhookReceiver.Received deactivate = await(moved, "DEACTIVATE");
            assertTrue(verifies(publicKey, deactivate));
            assertEquals(0, new JsonPath(deactivate.body()).getList("activeAlertLevels").size());

            given().header("Authorization", key).delete("/api/v3/webhook").then().statusCode(200);
            given().header("Authorization", key).delete("/api/v3/webhook").then().statusCode(404)
                    .body("message", notNullValue());
        }
    }

    @Test
    void registeringNeedsASubscriberKeyAndATargetTheRulesAllow() {
        String reader = TestKeys.withRole("reader");
        given().header("Authorization", reader).contentType("application/json")
                .body("{\"webHookUrl\": \"http://127.0.0.1:9/hook\"}").post("/api/v3/webhook").then().statusCode(403)
                .body("message", notNullValue());
        String key = TestKeys.create("ukrainealarm refused " + TestAlerts.uniqueId(), List.of("subscriber"));
        given().header("Authorization", key).contentType("application/json")
                .body("{\"webHookUrl\": \"http://169.254.169.254/latest/meta-data\"}").post("/api/v3/webhook").then()
                .statusCode(400).body("message", containsString("webHookUrl"));
        given().header("Authorization", key).contentType("application/json").body("{\"url\": 1}")
                .post("/api/v3/webhook").then().statusCode(400).body("message", containsString("webHookUrl"));
        given().header("Authorization", key).contentType("application/json").body("not json")
                .post("/api/v3/webhook").then().statusCode(400).body("message", notNullValue());
        given().contentType("application/json").body("{\"webHookUrl\": \"http://127.0.0.1:9/hook\"}")
                .post("/api/v3/webhook").then().statusCode(401);
    }

    private static WebhookReceiver.Received await(WebhookReceiver receiver, String status) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().stream()
                .filter(r -> r.body().contains("\"regionId\":\"" + VASYLIVKA_ID + "\"")
                        && r.body().contains("\"status\":\"" + status + "\""))
                .findFirst().orElse(null), r -> r != null);
    }

    private static boolean verifies(PublicKey key, WebhookReceiver.Received request) throws Exception {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((request.header("x-webhook-timestamp") + "." + request.body()).getBytes(StandardCharsets.UTF_8));
        return rsa.verify(Base64.getDecoder().decode(request.header("x-webhook-signature")));
    }

    private static PublicKey publicKey(String pem) throws Exception {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
