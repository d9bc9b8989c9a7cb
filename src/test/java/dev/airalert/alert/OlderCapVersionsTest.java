package dev.airalert.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airalert.TestAlerts;
import dev.airalert.delivery.WebhookReceiver;
import dev.airalert.subscription.TestSubscriptions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * CAP 1.1 and 1.0 alerts live as CAP 1.2 ones do: they reach subscribers, are found in
 * history, end one another, and are served back in the bytes they came in.
 */
@QuarkusTest
class OlderCapVersionsTest {

    private static final String CAP_1_1 = "urn:oasis:names:tc:emergency:cap:1.1";
    private static final String CAP_1_0 = "http://www.incident.com/cap/1.0";

    @Test
    void aCap11AlertIsDeliveredFoundAndEndedByACap10Cancel() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            TestSubscriptions.create(TestSubscriptions.subscriberKey(), receiver.url(), "\"regions\": [\"UA-30\"]");
            String sender = TestAlerts.uniqueSender();
            String identifier = TestAlerts.uniqueId();
            String sent = TestAlerts.now();
            // 1.1 may write UTC as Z and a resource without a media type; CAP 1.2 may not.
            String sentZ = sent.substring(0, 19) + "Z";
            byte[] alert = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <alert xmlns="%s">
                      <identifier>%s</identifier><sender>%s</sender><sent>%s</sent>
                      <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
                      <info><category>Security</category><event>air raid</event>
                        <urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>
                        <expires>%s</expires><headline>Повітряна тривога</headline>
                        <resource><resourceDesc>map</resourceDesc><uri>https://example.org/map</uri></resource>
                        <area><areaDesc>Kyiv</areaDesc><geocode><valueName>ISO 3166-2</valueName><value>UA-30</value></geocode></area>
                      </info>
                    </alert>
                    """.formatted(CAP_1_1, identifier, sender, sentZ, TestAlerts.inTwoHours())
                    .getBytes(StandardCharsets.UTF_8);
            JsonPath created = CapXmlPublishTest.publishXml(alert).then().statusCode(201)
                    .body("capVersion", equalTo("1.1"))
                    .body("regions", hasItem("UA-30"))
                    .body("info[0].resource[0].mimeType", equalTo("application/octet-stream"))
                    .extract().jsonPath();
            String id = created.getString("id");
            String storedSent = created.getString("sent");
            assertEquals(sent.substring(0, 19) + "-00:00", storedSent, "Z is written as CAP 1.2 writes UTC");

            byte[] served = given().accept("application/cap+xml").get("/api/v1/alerts/" + id)
                    .then().statusCode(200).extract().asByteArray();
            assertArrayEquals(alert, served, "served in the version and bytes it came in");

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= 1);
            JsonPath delivered = JsonPath.from(receiver.received().get(0).body());
            assertEquals("alert.published", delivered.getString("type"));
            assertEquals("1.1", delivered.getString("data.capVersion"));

            given().queryParam("sender", sender).queryParam("region", "UA-30").get("/api/v1/alerts")
                    .then().statusCode(200).body("items.id", hasItem(id)).body("items[0].capVersion", equalTo("1.1"));

            // CAP 1.0 writes references as 1.2 does and has no AllClear: a Cancel ends the alert.
            byte[] cancel = """
                    <alert xmlns="%s"><identifier>%s</identifier><sender>%s</sender><sent>%s</sent>
                    <status>Actual</status><msgType>Cancel</msgType><scope>Public</scope>
                    <references>%s,%s,%s</references></alert>""".formatted(CAP_1_0, TestAlerts.uniqueId(), sender,
                    TestAlerts.now(), sender, identifier, storedSent).getBytes(StandardCharsets.UTF_8);
            CapXmlPublishTest.publishXml(cancel).then().statusCode(201).body("capVersion", equalTo("1.0"));
            given().get("/api/v1/alerts/" + id).then().statusCode(200).body("state", equalTo("cancelled"));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() >= 2);
            assertEquals("alert.cancelled", JsonPath.from(receiver.received().get(1).body()).getString("type"));
        }
    }

    @Test
    void whatCap10CannotSayIn12IsRefusedNamingTheField() {
        byte[] noScope = """
                <alert xmlns="%s"><identifier>%s</identifier><sender>%s</sender><sent>%s</sent>
                <status>Actual</status><msgType>Alert</msgType></alert>""".formatted(CAP_1_0, TestAlerts.uniqueId(),
                TestAlerts.uniqueSender(), TestAlerts.now()).getBytes(StandardCharsets.UTF_8);
        CapXmlPublishTest.publishXml(noScope).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("scope"));
        byte[] notAPair = """
                <alert xmlns="%s"><identifier>%s</identifier><sender>%s</sender><sent>%s</sent>
                <status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info><event>e</event>
                <urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty>
                <parameter>HSAS</parameter></info></alert>""".formatted(CAP_1_0, TestAlerts.uniqueId(),
                TestAlerts.uniqueSender(), TestAlerts.now()).getBytes(StandardCharsets.UTF_8);
        CapXmlPublishTest.publishXml(notAPair).then().statusCode(400)
                .body("errors.field", hasItem("info[0].parameter[0]"))
                .body("errors.message", hasItem(containsString("valueName=value")));
    }
}
