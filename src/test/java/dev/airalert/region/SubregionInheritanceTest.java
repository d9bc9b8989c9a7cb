package dev.airalert.region;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airalert.TestAlerts;
import dev.airalert.delivery.WebhookReceiver;
import dev.airalert.stream.SseClient;
import dev.airalert.subscription.TestSubscriptions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What concerns a place reaches whoever follows it, both ways: the alerts of Lviv oblast, of
 * Lviv raion and of Lviv city's hromada concern the city, and a neighbouring hromada's alert
 * does not; all four concern the oblast. The same in history, for a webhook subscriber and on
 * the live stream.
 */
@QuarkusTest
class SubregionInheritanceTest {

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String LVIV_RAION = SubregionResolutionTest.LVIV_RAION;
    private static final String LVIV_CITY = SubregionResolutionTest.LVIV_CITY;
    private static final String MUROVANE = SubregionResolutionTest.MUROVANE;

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    /** The ids of one sender's four alerts. */
    private record Published(String oblast, String raion, String city, String neighbour) {

        Set<String> concerningTheCity() {
            return Set.of(oblast, raion, city);
        }

        Set<String> all() {
            return Set.of(oblast, raion, city, neighbour);
        }
    }

    /**
     * The neighbour's alert goes first, so that by the time the others have reached a city
     * follower, it would have too; the tests also wait until an oblast follower has it.
     */
    private static Published publishFour(String sender) {
        String neighbour = publishFor(sender, "KATOTTG", MUROVANE);
        String oblast = publishFor(sender, "ISO3166-2", "UA-46");
        String raion = publishFor(sender, "KATOTTG", LVIV_RAION);
        String city = publishFor(sender, "KATOTTG", LVIV_CITY);
        return new Published(oblast, raion, city, neighbour);
    }

    /** Publishes an alert for the place a geocode names, checks it was stored for that place, returns its id. */
    private static String publishFor(String sender, String valueName, String code) {
        JsonPath published = publish(TestAlerts.withArea(sender, "\"areaDesc\": \"" + code + "\", \"geocode\":"
                + " [{\"valueName\": \"" + valueName + "\", \"value\": \"" + code + "\"}]", TestAlerts.inTwoHours()))
                .then().statusCode(201).extract().jsonPath();
        assertEquals(List.of(code), published.getList("regions"));
        return published.getString("id");
    }

    @Test
    void historyOfTheCityHasWhatCoversItAndTheOblastsHasAllOfIt() {
        String sender = TestAlerts.uniqueSender();
        Published alerts = publishFour(sender);
        assertEquals(alerts.concerningTheCity(), history(sender, "Lviv"));
        assertEquals(alerts.concerningTheCity(), history(sender, LVIV_CITY));
        assertEquals(alerts.all(), history(sender, "UA-46"));
        assertEquals(alerts.all(), history(sender, "Львівська область"));
        assertEquals(alerts.all(), history(sender, "Lvivskyi raion"));
        assertEquals(Set.of(alerts.oblast(), alerts.raion(), alerts.neighbour()), history(sender, "Murovanska hromada"));
    }

    @Test
    void aSubscriberOfTheCityGetsWhatCoversItAndOneOfTheOblastGetsAllOfIt() throws Exception {
        String key = TestSubscriptions.subscriberKey();
        try (WebhookReceiver city = new WebhookReceiver(); WebhookReceiver oblast = new WebhookReceiver()) {
            String citySubscription = TestSubscriptions.create(key, city.url(), "\"regions\": [\"Lviv\"]").getString("id");
            String oblastSubscription = TestSubscriptions.create(key, oblast.url(), "\"regions\": [\"UA-46\"]")
                    .getString("id");
            try {
                Published alerts = publishFour(TestAlerts.uniqueSender());
                await().atMost(SOON).until(() -> delivered(oblast, alerts.all()).equals(alerts.all()));
                await().atMost(SOON).until(() -> delivered(city, alerts.all()).containsAll(alerts.concerningTheCity()));
                assertEquals(alerts.concerningTheCity(), delivered(city, alerts.all()));
            } finally {
                given().auth().oauth2(key).delete("/api/v1/subscriptions/" + citySubscription).then().statusCode(204);
                given().auth().oauth2(key).delete("/api/v1/subscriptions/" + oblastSubscription).then().statusCode(204);
            }
        }
    }

    @Test
    void aStreamFollowingTheCityCarriesWhatCoversItAndOneFollowingTheOblastAllOfIt() {
        try (SseClient city = new SseClient(stream + "?region=Lviv", null, null);
                SseClient oblast = new SseClient(stream + "?region=UA-46", null, null)) {
            Published alerts = publishFour(TestAlerts.uniqueSender());
            await().atMost(SOON).until(() -> streamed(oblast, alerts.all()).equals(alerts.all()));
            await().atMost(SOON).until(() -> streamed(city, alerts.all()).containsAll(alerts.concerningTheCity()));
            assertEquals(alerts.concerningTheCity(), streamed(city, alerts.all()));
        }
    }

    private static Set<String> history(String sender, String region) {
        return Set.copyOf(given().queryParams("sender", sender, "region", region).get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class));
    }

    /** Which of these alerts the receiver has been sent. */
    private static Set<String> delivered(WebhookReceiver receiver, Collection<String> ours) {
        return receiver.received().stream().map(r -> JsonPath.from(r.body()).getString("data.id"))
                .filter(ours::contains).collect(Collectors.toSet());
    }

    /** Which of these alerts the stream has carried. */
    private static Set<String> streamed(SseClient client, Collection<String> ours) {
        return client.events.stream().map(e -> e.data().getString("id")).filter(ours::contains)
                .collect(Collectors.toSet());
    }
}
