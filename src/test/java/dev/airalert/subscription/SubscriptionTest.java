package dev.airalert.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.airalert.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** Managing subscriptions: validation, SSRF refusals, and isolation between keys. */
@QuarkusTest
class SubscriptionTest {

    private static final String URL = "http://127.0.0.1:9/hook";

    @Test
    void createdSubscriptionShowsResolvedCodesAndItsSecretOnce() {
        String key = TestSubscriptions.subscriberKey();
        JsonPath created = TestSubscriptions.create(key, URL,
                "\"regions\": [\"Kiew\", \"Харківська область\", \"UA-46\"], \"events\": [\"Air Raid\"], \"minSeverity\": \"Severe\","
                        + " \"languages\": [\"de\"], \"description\": \"Embassy\"");
        org.hamcrest.MatcherAssert.assertThat(created.getString("secret"), startsWith("whsec_"));
        org.hamcrest.MatcherAssert.assertThat(created.getList("regions"), containsInAnyOrder("UA-30", "UA-46", "UA-63"));
        String id = created.getString("id");
        given().auth().oauth2(key).get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("secret", nullValue()).body("statuses", contains("Actual"))
                .body("events", contains("air raid")).body("minSeverity", equalTo("Severe"))
                .body("enabled", equalTo(true));
        given().auth().oauth2(key).contentType(ContentType.JSON).body("{\"regions\": [\"Odesa Oblast\"], \"statuses\": [\"Actual\", \"Exercise\"]}")
                .patch("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("regions", contains("UA-51")).body("statuses", contains("Actual", "Exercise"))
                .body("description", equalTo("Embassy"));
        given().auth().oauth2(key).post("/api/v1/subscriptions/" + id + "/rotate-secret").then().statusCode(200)
                .body("secret", startsWith("whsec_")).body("secret", not(equalTo(created.getString("secret"))));
        given().auth().oauth2(key).delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(key).get("/api/v1/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void aPointSubscriptionListensToTheRegionsItsCircleTouches() {
        java.util.List<String> regions = TestSubscriptions.create(TestSubscriptions.subscriberKey(), URL,
                "\"point\": {\"lat\": 50.45, \"lon\": 30.52, \"radiusKm\": 3}").getList("regions");
        org.hamcrest.MatcherAssert.assertThat(regions, hasItem("UA-30"));
        org.hamcrest.MatcherAssert.assertThat(java.util.List.of("UA", "UA-30", "UA-32"),
                org.hamcrest.Matchers.hasItems(regions.toArray(new String[0])));
    }

    @Test
    void badFieldsAreNamed() {
        given().auth().oauth2(TestSubscriptions.subscriberKey()).contentType(ContentType.JSON)
                .body("{\"url\": \"" + URL + "\", \"regions\": [\"Narnia\"], \"minSeverity\": \"Huge\","
                        + " \"urgencies\": [\"Now\"], \"languages\": [\"not a tag\"], \"colour\": \"red\"}")
                .post("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("colour"));
        given().auth().oauth2(TestSubscriptions.subscriberKey()).contentType(ContentType.JSON)
                .body("{\"url\": \"" + URL + "\", \"regions\": [\"Narnia\"], \"minSeverity\": \"Huge\","
                        + " \"urgencies\": [\"Now\"], \"languages\": [\"not a tag\"]}")
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("regions[0]", "minSeverity", "urgencies[0]", "languages[0]"));
        given().auth().oauth2(TestSubscriptions.subscriberKey()).contentType(ContentType.JSON)
                .body("{\"description\": \"nothing\"}")
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("url", "regions"));
    }

    @Test
    void targetsOnPrivateNetworksAreRefused() {
        String key = TestSubscriptions.subscriberKey();
        for (String url : new String[] {"http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data",
                "http://192.168.1.1/", "http://100.64.0.1/", "http://[::1]/hook", "http://[fd00::1]/",
                "ftp://example.org/hook", "http://user:pw@127.0.0.1/", "not a url"}) {
            given().auth().oauth2(key).contentType(ContentType.JSON)
                    .body("{\"url\": \"" + url + "\", \"regions\": [\"UA-30\"]}")
                    .post("/api/v1/subscriptions").then().statusCode(400)
                    .body("errors.field", contains("url"));
        }
    }

    @Test
    void loopbackSpelledOtherwiseAndReservedRangesAreRefused() {
        String key = TestSubscriptions.subscriberKey();
        // Tests allow 127.0.0.0/8, but only written as IPv4: none of these spellings of it passes.
        for (String url : new String[] {"http://[::127.0.0.1]/", "http://[::7f00:1]/", "http://[::ffff:127.0.0.1]/",
                "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/", "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
                "http://0177.0.0.1/", "http://0x7f.1/", "http://127.1/", "http://2130706433/",
                "http://192.0.2.1/", "http://198.51.100.1/", "http://203.0.113.1/", "http://198.18.0.1/",
                "http://240.0.0.1/", "http://[2001:db8::1]/", "http://[3fff::1]/", "http://[100::1]/",
                "http://[fe80::1]/", "http://[fec0::1]/", "http://[ff02::1]/"}) {
            given().auth().oauth2(key).contentType(ContentType.JSON)
                    .body("{\"url\": \"" + url + "\", \"regions\": [\"UA-30\"]}")
                    .post("/api/v1/subscriptions").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("url"));
        }
        given().auth().oauth2(key).contentType(ContentType.JSON)
                .body("{\"url\": \"http://[2002:7f00:1::]/\", \"regions\": [\"UA-30\"]}")
                .post("/api/v1/subscriptions").then().statusCode(400)
                .body("errors[0].message", containsString("embedding 127.0.0.1"));
    }

    @Test
    void keysSeeAndChangeOnlyTheirOwnSubscriptions() {
        String alice = TestSubscriptions.subscriberKey();
        String bob = TestSubscriptions.subscriberKey();
        String id = TestSubscriptions.create(alice, URL, "\"regions\": [\"UA-30\"]").getString("id");
        given().auth().oauth2(bob).get("/api/v1/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(bob).contentType(ContentType.JSON).body("{\"url\": \"http://127.0.0.1:1/x\"}")
                .patch("/api/v1/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(bob).delete("/api/v1/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(bob).post("/api/v1/subscriptions/" + id + "/ping").then().statusCode(404);
        given().auth().oauth2(bob).get("/api/v1/subscriptions/" + id + "/deliveries").then().statusCode(404);
        given().auth().oauth2(bob).get("/api/v1/subscriptions").then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(alice).get("/api/v1/subscriptions").then().body("id", hasItem(id));
        given().auth().oauth2(TestKeys.publisher()).get("/api/v1/subscriptions").then().statusCode(403);
        given().get("/api/v1/subscriptions").then().statusCode(401);
    }
}
