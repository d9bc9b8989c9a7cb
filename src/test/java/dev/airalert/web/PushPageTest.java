package dev.airalert.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airalert.TestAlerts;
import dev.airalert.push.PushStandIn;
import dev.airalert.push.PushStandIn.BrowserSubscription;
import dev.airalert.push.PushStandIn.Received;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Web Push from the live map in a real headless Chromium: the reader chooses Kyiv and asks to
 * be notified; the page registers its service worker, subscribes the browser and the service;
 * a Kyiv alert reaches the stand-in push service, and its decrypted message, handed to the
 * service worker as the browser's push service would hand it, shows as a notification; the
 * alert's Cancel replaces it (same tag) with the all-clear; unsubscribing deletes it on the
 * service. "Where I am" sends the hromada's code, never the position.
 *
 * <p>What a test browser cannot do is stood in for: Chromium's own push service (it would
 * need Google's servers), so {@code PushManager.subscribe} answers with a subscription whose
 * keys the stand-in holds, and DevTools' {@code ServiceWorker.deliverPushMessage} delivers the
 * plaintext the stand-in decrypted. The service worker, its notifications
 * ({@code getNotifications()} works in headless Chromium), the page and the service are real.
 */
@QuarkusTest
class PushPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LOADING = Duration.ofSeconds(30);
    private static final String KYIV = "document.getElementById('region-UA-30')";
    private static final String LVIV_CITY = "UA46060250000025047";
    private static final String NOTIFICATIONS = "navigator.serviceWorker.ready.then((r) => r.getNotifications())"
            + ".then((shown) => JSON.stringify(shown.map((n) => ({title: n.title, body: n.body, tag: n.tag,"
            + " timestamp: n.timestamp, data: n.data}))))";
    /** What the page's IndexedDB keeps of the places followed, as JSON. */
    private static final String FOLLOWED = "self.airalertPushStore.list().then((all) => JSON.stringify(all))";

    @TestHTTPResource("/")
    URI base;

    @Test
    void aPlaceFollowedIsNotifiedOfItsAlertAndItsAllClear() throws Exception {
        String origin = origin();
        try (PushStandIn pushService = PushStandIn.start(); HeadlessChromium browser = HeadlessChromium.start(1280, 900, "uk")) {
            BrowserSubscription keys = pushService.subscribe();
            List<JsonNode> registrations = new CopyOnWriteArrayList<>();
            browser.onEvent((method, params) -> {
                if (method.equals("ServiceWorker.workerRegistrationUpdated")) {
                    params.path("registrations").forEach(registrations::add);
                }
            });
            prepare(browser, origin, keys, "notifications");
            browser.open(origin + "/");
            assertTrue(browser.waitFor(KYIV + " && document.getElementById('connection').dataset.state === 'live'", LOADING),
                    "the map loads: " + browser.log());
            assertTrue(browser.evaluate("document.getElementById('push-place').disabled").asBoolean(),
                    "no place chosen yet");

            // The reader chooses Kyiv and asks to be notified.
            browser.evaluate(KYIV + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
            assertTrue(browser.waitFor("!document.getElementById('push-place').disabled", LOADING));
            assertEquals("Сповіщати: Київ", browser.evaluate("document.getElementById('push-place').textContent").asText());
            click(browser, "document.getElementById('push-place')");
            assertTrue(browser.waitFor("document.querySelectorAll('#push-list li').length === 1", LOADING),
                    "the place is listed: " + panelText(browser));
            assertEquals("Сповіщення увімкнено: Київ.", browser.evaluate("document.getElementById('push-status').textContent").asText());
            assertTrue(browser.evaluate("document.getElementById('push-list').innerText").asText().startsWith("Київ"));

            JsonNode stored = JSON.readTree(browser.evaluate(FOLLOWED).asText());
            assertEquals(1, stored.size(), stored.toString());
            String id = stored.get(0).path("id").asText();
            String token = stored.get(0).path("token").asText();
            assertEquals("UA-30", stored.get(0).path("region").asText());
            // The service has it, for Kyiv in Ukrainian, and the token is the one that moves it.
            given().header("Unsubscribe-Token", token).contentType(ContentType.JSON)
                    .body(Map.of("subscription", keys.json())).put("/api/v1/push/subscriptions/" + id)
                    .then().statusCode(200).body("regions", contains("UA-30")).body("languages", contains("uk"));

            // A Kyiv alert: the stand-in receives its push, which the service worker shows.
            String sender = TestAlerts.uniqueSender();
            String sent = TestAlerts.now();
            TestAlerts.publish(kyivAlert(sender, sent)).then().statusCode(201);
            Received alert = awaitPush(pushService, keys, 1);
            JsonNode message = JSON.readTree(alert.plaintext());
            assertEquals("alert.published", message.path("type").asText(), alert.plaintext());
            String registration = awaitActiveWorker(browser, registrations, origin);
            deliverUntil(browser, origin, registration, alert.plaintext(), "the alert is shown", n -> n.size() == 1);
            JsonNode shown = awaitNotifications(browser, 1);
            assertEquals(message.path("title").asText(), shown.get(0).path("title").asText(), "the pushed title is shown");
            assertTrue(shown.get(0).path("title").asText().contains("Київ"), shown.toString());
            assertEquals(message.path("tag").asText(), shown.get(0).path("tag").asText());
            assertEquals("/?region=UA-30", shown.get(0).path("data").path("url").asText(), "a click opens the map at Kyiv");

            // The same push again (a push service may deliver twice): not shown again. A probe
            // delivered after it shows that the worker has dealt with it.
            long firstShown = shown.get(0).path("timestamp").asLong();
            deliver(browser, origin, registration, alert.plaintext());
            deliver(browser, origin, registration, "{\"v\": 1, \"id\": \"probe\", \"tag\": \"probe\", \"title\": \"probe\"}");
            shown = awaitNotifications(browser, 2);
            JsonNode kept = shown.get(0).path("tag").asText().equals("probe") ? shown.get(1) : shown.get(0);
            assertEquals(firstShown, kept.path("timestamp").asLong(), "the duplicate was dropped: " + shown);
            browser.evaluate("navigator.serviceWorker.ready.then((r) => r.getNotifications({tag: 'probe'}))"
                    + ".then((probes) => probes.forEach((n) => n.close()))");
            awaitNotifications(browser, 1);

            // The Cancel: its all-clear replaces the alert's notification.
            TestAlerts.publish(TestAlerts.alert(sender, "kyiv-cancel", TestAlerts.now(), "Cancel", sender + ",kyiv-1," + sent,
                    "Actual", "air raid", "Extreme", "Immediate", "Observed", "UA-30", null)).then().statusCode(201);
            Received cancel = awaitPush(pushService, keys, 2);
            assertEquals("alert.cancelled", JSON.readTree(cancel.plaintext()).path("type").asText(), cancel.plaintext());
            deliverUntil(browser, origin, registration, cancel.plaintext(), "the all-clear replaces the alert",
                    now -> now.size() == 1 && now.get(0).path("title").asText().startsWith("Відбій тривоги"));
            assertEquals(message.path("tag").asText(), notifications(browser).get(0).path("tag").asText(), "the same tag");

            // Unsubscribing: deleted on the service, and the browser's subscription goes with the last place.
            click(browser, "document.querySelector('#push-list button')");
            assertTrue(browser.waitFor("document.querySelectorAll('#push-list li').length === 0"
                    + " && document.getElementById('push-status').textContent === 'Сповіщення вимкнено: Київ.'", LOADING),
                    panelText(browser));
            given().header("Unsubscribe-Token", token).delete("/api/v1/push/subscriptions/" + id).then().statusCode(404);
            assertEquals("[]", browser.evaluate(FOLLOWED).asText());
            assertEquals(1, browser.evaluate("window.__push.unsubscribed").asInt(), "PushSubscription.unsubscribe()");

            assertEquals("[]", browser.cspViolations(), "the page and its worker keep to the Content-Security-Policy");
            assertEquals(List.of(), browser.consoleErrorsAndWarnings(), "the console shows no error or warning");
        }
    }

    @Test
    void whereIAmSendsTheHromadaNotThePosition() throws Exception {
        String origin = origin();
        try (PushStandIn pushService = PushStandIn.start(); HeadlessChromium browser = HeadlessChromium.start(1280, 900, "en")) {
            BrowserSubscription keys = pushService.subscribe();
            List<String> sent = new CopyOnWriteArrayList<>();
            browser.onEvent((method, params) -> {
                if (method.equals("Network.requestWillBeSent")) {
                    JsonNode request = params.path("request");
                    sent.add(request.path("method").asText() + " " + request.path("url").asText() + " "
                            + request.path("postData").asText(""));
                }
            });
            browser.command("Network.enable", Map.of());
            prepare(browser, origin, keys, "notifications", "geolocation");
            // In Lviv, Rynok Square.
            browser.command("Emulation.setGeolocationOverride", Map.of("latitude", 49.84189, "longitude", 24.03159,
                    "accuracy", 50));
            browser.open(origin + "/");
            assertTrue(browser.waitFor(KYIV + " && document.getElementById('connection').dataset.state === 'live'", LOADING),
                    "the map loads: " + browser.log());

            click(browser, "document.getElementById('push-here')");
            assertTrue(browser.waitFor("document.querySelectorAll('#push-list li').length === 1", LOADING),
                    "the hromada is followed: " + panelText(browser));
            assertEquals("Notifications on: Lvivska hromada.", browser.evaluate("document.getElementById('push-status').textContent").asText(),
                    panelText(browser));
            assertTrue(browser.waitFor("document.getElementById('region-heading').textContent === 'Lvivska hromada'"
                    + " && document.getElementById('region-" + LVIV_CITY + "')?.dataset.found === 'true'", LOADING),
                    "and shown on the map");

            JsonNode stored = JSON.readTree(browser.evaluate(FOLLOWED).asText()).get(0);
            assertEquals(LVIV_CITY, stored.path("region").asText());
            given().header("Unsubscribe-Token", stored.path("token").asText()).contentType(ContentType.JSON)
                    .body(Map.of("subscription", keys.json())).put("/api/v1/push/subscriptions/" + stored.path("id").asText())
                    .then().statusCode(200).body("regions", contains(LVIV_CITY)).body("wholeOblast", equalTo(false));
            List<String> posts = new ArrayList<>(sent.stream().filter(r -> r.startsWith("POST ")).toList());
            assertEquals(1, posts.size(), posts.toString());
            assertTrue(posts.get(0).contains("\"regions\":[\"" + LVIV_CITY + "\"]"), posts.get(0));
            for (String request : sent) {
                assertFalse(request.contains("49.84") || request.contains("24.03"), "the position stays in the browser: " + request);
            }

            click(browser, "document.querySelector('#push-list button')");
            assertTrue(browser.waitFor("document.querySelectorAll('#push-list li').length === 0", LOADING), panelText(browser));
            assertEquals("[]", browser.cspViolations());
            assertEquals(List.of(), browser.consoleErrorsAndWarnings(), "the console shows no error or warning");
        }
    }

    @Test
    void aRegionInTheAddressOpensAsIfChosen() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900, "en")) {
            // A hromada: its oblast opens in detail, its panel opens.
            browser.open(origin() + "/?region=" + LVIV_CITY);
            assertTrue(browser.waitFor("document.getElementById('region-heading').textContent === 'Lvivska hromada'"
                    + " && !document.getElementById('back').hidden && document.getElementById('region-" + LVIV_CITY + "')",
                    LOADING), "Lviv city's hromada is shown: " + browser.evaluate("document.getElementById('region-heading').textContent"));
            assertEquals("Notify me: Lvivska hromada", browser.evaluate("document.getElementById('push-place').textContent").asText());
            // Kyiv by its KATOTTG code, as a notification's link may name it.
            browser.open(origin() + "/?region=UA80000000000093317");
            assertTrue(browser.waitFor("document.getElementById('region-heading').textContent === 'Kyiv'"
                    + " && " + KYIV + ".getAttribute('aria-pressed') === 'true'", LOADING), "Kyiv is shown");
            // An unknown region is said so.
            browser.open(origin() + "/?region=UA-99");
            assertTrue(browser.waitFor("!document.getElementById('place-error').hidden", LOADING));
            assertEquals("No region “UA-99” was found.", browser.evaluate("document.getElementById('place-error').textContent").asText());
            assertEquals("[]", browser.cspViolations());
        }
    }

    @Test
    void whatStandsInTheWayIsSaid() throws Exception {
        String origin = origin();
        // An endpoint of no push service the service allows: it refuses, and the page gives its detail.
        BrowserSubscription elsewhere = new BrowserSubscription("https://push.example.invalid/send/1",
                "BOq3h9BOyaAZ77gQ0EJBciar6Ir6mf41tdrXaPL1OzgOXb5He9FKwR427LI7IrswAbH9fyIiv28jxqve5YumSl0",
                "J98k_aPJ2wiK5jYdrOYvFg");
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900, "en")) {
            prepare(browser, origin, elsewhere, "notifications");
            browser.open(origin + "/?region=UA-30");
            assertTrue(browser.waitFor("!document.getElementById('push-place').disabled", LOADING), "Kyiv is chosen");
            click(browser, "document.getElementById('push-place')");
            assertTrue(browser.waitFor("!document.getElementById('push-problem').hidden", LOADING), panelText(browser));
            String detail = given().contentType(ContentType.JSON).body(Map.of("subscription", elsewhere.json(),
                    "regions", List.of("UA-30"), "languages", List.of("en"))).post("/api/v1/push/subscriptions")
                    .then().statusCode(400).extract().path("detail");
            String refusal = browser.evaluate("document.getElementById('push-problem').textContent").asText();
            assertTrue(refusal.startsWith("The service refused: " + detail), refusal);
            assertEquals("[]", browser.evaluate(FOLLOWED).asText(), "nothing is kept");
            assertEquals(1, browser.evaluate("window.__push.unsubscribed").asInt(), "nor the browser's subscription");

            // Notifications blocked for the site: the reader is told where to allow them.
            browser.command("Browser.setPermission", Map.of("origin", origin, "permission", Map.of("name", "notifications"),
                    "setting", "denied"));
            click(browser, "document.getElementById('push-place')");
            assertTrue(browser.waitFor("document.getElementById('push-problem').textContent.startsWith("
                    + "'Notifications are blocked for this site.')", LOADING), panelText(browser));
            assertEquals(1, browser.evaluate("window.__push.subscribed").asInt(), "no subscription is made without permission");
            assertEquals("[]", browser.cspViolations());
        }
    }

    private String origin() {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Permissions granted as a reader would, and a PushManager that subscribes with the
     * stand-in's keys (a test browser has no push service of its own), in every new document.
     */
    private static void prepare(HeadlessChromium browser, String origin, BrowserSubscription keys, String... permissions)
            throws Exception {
        browser.command("Browser.grantPermissions", Map.of("origin", origin, "permissions", List.of(permissions)));
        browser.command("Page.addScriptToEvaluateOnNewDocument", Map.of("source", pushManagerStandIn(keys)));
        browser.command("ServiceWorker.enable", Map.of());
    }

    private static String pushManagerStandIn(BrowserSubscription keys) throws Exception {
        return """
                (() => {
                  const keys = %s;
                  const bytes = (text) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')
                      + '='.repeat((4 - text.length %% 4) %% 4)), (c) => c.charCodeAt(0)).buffer;
                  let current = null;
                  window.__push = {subscribed: 0, unsubscribed: 0};
                  PushManager.prototype.subscribe = async function (options) {
                    const serverKey = new Uint8Array(options.applicationServerKey).slice().buffer;
                    window.__push.subscribed++;
                    current = {
                      endpoint: keys.endpoint, expirationTime: null,
                      options: {userVisibleOnly: options.userVisibleOnly, applicationServerKey: serverKey},
                      getKey: (name) => name === 'p256dh' ? bytes(keys.p256dh) : name === 'auth' ? bytes(keys.auth) : null,
                      toJSON: () => ({endpoint: keys.endpoint, expirationTime: null,
                        keys: {p256dh: keys.p256dh, auth: keys.auth}}),
                      unsubscribe: async () => {
                        current = null;
                        window.__push.unsubscribed++;
                        return true;
                      },
                    };
                    return current;
                  };
                  PushManager.prototype.getSubscription = async function () {
                    return current;
                  };
                })();
                """.formatted(JSON.writeValueAsString(Map.of("endpoint", keys.endpoint(), "p256dh", keys.p256dh(),
                "auth", keys.auth())));
    }

    /** A click with the user activation a reader's click has: browsers ask for permissions only then. */
    private static void click(HeadlessChromium browser, String element) throws Exception {
        JsonNode result = browser.command("Runtime.evaluate", Map.of("expression", element + ".click()", "userGesture", true));
        assertFalse(result.has("exceptionDetails"), result.toString());
    }

    private static String panelText(HeadlessChromium browser) throws Exception {
        return browser.evaluate("document.getElementById('push-panel').innerText").asText();
    }

    private static Received awaitPush(PushStandIn pushService, BrowserSubscription keys, int count) {
        List<Received> received = await("push " + count + " reaches the stand-in").atMost(LOADING)
                .pollInterval(Duration.ofMillis(100)).until(() -> pushService.received(keys), r -> r.size() >= count);
        assertEquals(count, received.size(), "one push per event: " + received);
        Received last = received.get(count - 1);
        assertNull(last.error(), "the stand-in decrypted it");
        return last;
    }

    /** The page's service worker once activated (a push delivered while it activates may be lost): its registration id. */
    private static String awaitActiveWorker(HeadlessChromium browser, List<JsonNode> registrations, String origin) {
        await("the service worker is active").atMost(LOADING).until(() -> browser.evaluate(
                "navigator.serviceWorker.ready.then((r) => r.active.state)").asText().equals("activated"));
        return registrations.stream().filter(r -> r.path("scopeURL").asText().equals(origin + "/") && !r.path("isDeleted").asBoolean())
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no registration for " + origin + ": " + registrations))
                .path("registrationId").asText();
    }

    private static void deliver(HeadlessChromium browser, String origin, String registration, String data) throws Exception {
        browser.command("ServiceWorker.deliverPushMessage", Map.of("origin", origin, "registrationId", registration, "data", data));
    }

    /**
     * Delivers the push until the notifications say it was shown: once in the whole suite a push
     * delivered through DevTools never reached a worker that had just started (the service
     * worker drops a repeat by its id, so a second delivery cannot show it twice).
     */
    private static void deliverUntil(HeadlessChromium browser, String origin, String registration, String data,
            String what, java.util.function.Predicate<JsonNode> shown) throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            deliver(browser, origin, registration, data);
            try {
                await(what).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> notifications(browser), shown::test);
                return;
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static JsonNode notifications(HeadlessChromium browser) throws Exception {
        return JSON.readTree(browser.evaluate(NOTIFICATIONS).asText());
    }

    private static JsonNode awaitNotifications(HeadlessChromium browser, int count) {
        return await(count + " notification(s) shown").atMost(LOADING).pollInterval(Duration.ofMillis(50))
                .until(() -> notifications(browser), n -> n.size() == count);
    }

    /** An air-raid alert for Kyiv in Ukrainian and English, identifier kyiv-1. */
    private static String kyivAlert(String sender, String sent) {
        String expires = TestAlerts.time(OffsetDateTime.now().plusHours(2));
        return """
                {"identifier": "kyiv-1", "sender": "%1$s", "sent": "%2$s", "status": "Actual",
                 "msgType": "Alert", "scope": "Public",
                 "info": [
                  {"language": "uk-UA", "category": ["Security"], "event": "air raid", "responseType": ["Shelter"],
                   "urgency": "Immediate", "severity": "Extreme", "certainty": "Observed", "expires": "%3$s",
                   "headline": "Повітряна тривога", "instruction": "Негайно пройдіть до найближчого укриття.",
                   "area": [{"areaDesc": "Київ", "geocode": [{"valueName": "ISO3166-2", "value": "UA-30"}]}]},
                  {"language": "en-US", "category": ["Security"], "event": "air raid", "responseType": ["Shelter"],
                   "urgency": "Immediate", "severity": "Extreme", "certainty": "Observed", "expires": "%3$s",
                   "headline": "Air raid alert", "instruction": "Go to the nearest shelter now.",
                   "area": [{"areaDesc": "Kyiv", "geocode": [{"valueName": "ISO3166-2", "value": "UA-30"}]}]}]}
                """.formatted(sender, sent, expires);
    }
}
