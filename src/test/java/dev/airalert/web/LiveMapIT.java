package dev.airalert.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.airalert.PackagedApp;
import dev.airalert.TestAlerts;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live map in a real headless Chromium, against the packaged service on a fresh
 * database (so that Kyiv starts without an alert): an alert published for Kyiv through the
 * API turns Kyiv red and enters the list within a second, its Cancel clears both, and the
 * reader who selected Kyiv is told; Lviv Oblast opens in detail, and an alert for Lviv city's
 * hromada turns the hromada red and its raion and oblast to "in part". A healthy page shows no
 * failure note at any point and its console no error or warning. Screenshots go to target/.
 */
class LiveMapIT {

    /** What the page must show within this time of the publish's response. */
    private static final Duration LIVE = Duration.ofSeconds(1);
    private static final Duration LOADING = Duration.ofSeconds(30);
    private static final String KYIV = "document.getElementById('region-UA-30')";
    private static final String LVIV_OBLAST = "document.getElementById('region-UA-46')";
    private static final String LVIV_RAION = "document.getElementById('region-UA46060000000042587')";
    private static final String LVIV_CITY = "document.getElementById('region-UA46060250000025047')";
    private static final String MAP_BOX = "document.querySelector('#map svg').getAttribute('viewBox')";
    /**
     * Every failure note a reader could see, as lines: the elements meant for failures (the
     * out-of-date note, error lines, alert roles other than the new-alert notice) that are not
     * hidden, a connection that is not live, and the English words of the failure texts
     * anywhere on the page (a region panel that could not load says so in its state line).
     */
    private static final String FAILURES_SHOWN = """
            (() => {
              const shown = [...document.querySelectorAll('.stale, .error, [role=alert]:not(#notice)')]
                  .filter((e) => !e.hidden || e.checkVisibility())
                  .map((e) => `#${e.id} (${e.dataset.failing || ''}): ${e.textContent.trim()}`);
              const connection = document.getElementById('connection');
              if (connection.dataset.state !== 'live') {
                shown.push(`#connection: ${connection.textContent}`);
              }
              for (const words of ['Could not refresh', 'Could not load', 'Check these fields', 'Connection lost']) {
                if (document.body.innerText.includes(words)) {
                  shown.push(`text: ${words}`);
                }
              }
              return shown;
            })()""";

    /** The page's own module, imported again: the same instance, so its read is the page's. */
    private static final String REFRESH_STATES = "import('/js/status.js').then((status) => status.refreshStates())";

    private PackagedApp app;
    private HeadlessChromium browser;
    private String publisher;

    @BeforeEach
    void start() throws Exception {
        app = PackagedApp.embedded().start();
        publisher = app.createKey("map test", "publisher");
        browser = HeadlessChromium.start(1400, 1000, "en-US");
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        app.stop();
    }

    @Test
    void kyivTurnsRedAndClearsLive() throws Exception {
        String sender = TestAlerts.uniqueSender();
        // An alert already active before the page opens: loaded from history, not the stream.
        publish(multilingual(sender, "kharkiv-1", TestAlerts.now(), "UA-63", "Kharkiv Oblast", "Харківська область",
                "Oblast Charkiw"));

        browser.open(app.base() + "/");
        assertTrue(browser.waitFor("document.getElementById('connection').dataset.state === 'live'"
                + " && " + KYIV + " && document.querySelector('#alerts [data-alert-id]')"
                + " && document.getElementById('region-UA-63').dataset.state === 'active'", LOADING),
                "the page loads the map, the active alerts and the stream: " + browser.log());
        assertEquals("en", browser.evaluate("document.documentElement.lang").asText(), "the browser's language");
        assertEquals("none", browser.evaluate(KYIV + ".dataset.state").asText());
        // The list and every region's state were read: the first refresh is done.
        assertHealthy("after loading");
        assertTrue(browser.evaluate("document.getElementById('notice').hidden").asBoolean(), "nothing to announce yet");
        String quietFill = fillOfKyiv();

        // The reader selects Kyiv with the keyboard.
        browser.evaluate(KYIV + ".focus(); " + KYIV
                + ".dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}))");
        assertTrue(browser.waitFor("!document.getElementById('region').hidden"
                + " && document.getElementById('region-heading').textContent === 'Kyiv'", LOADING));

        String sent = TestAlerts.now();
        String alertId = publish(multilingual(sender, "kyiv-1", sent, "UA-30", "Kyiv", "Київ", "Kyjiw"));
        boolean shown = browser.waitFor(KYIV + ".dataset.state === 'active'"
                + " && getComputedStyle(" + KYIV + ").fill !== '" + quietFill + "'"
                + " && document.querySelector('#alerts [data-alert-id=\"" + alertId + "\"]')", LIVE);
        browser.screenshot(Path.of("target/live-map-kyiv-alert.png"));
        assertTrue(shown, "Kyiv turns red and the alert is listed within " + LIVE);

        JsonNode card = browser.evaluate("document.querySelector('#alerts [data-alert-id=\"" + alertId + "\"]').innerText");
        assertTrue(card.asText().contains("Air raid alert in Kyiv"), card.asText());
        assertTrue(card.asText().contains("Go to the nearest shelter now."), card.asText());
        assertTrue(card.asText().contains("Kyiv City Military Administration"), card.asText());
        assertTrue(browser.waitFor("!document.getElementById('notice').hidden"
                + " && document.getElementById('notice-text').textContent.includes('Kyiv')", LOADING),
                "the reader who selected Kyiv is told");
        assertTrue(browser.waitFor("document.querySelector('#region-active [data-alert-id=\"" + alertId + "\"]')",
                LOADING), "Kyiv's panel lists the alert");

        // The reader switches to Ukrainian: the alert is shown in the language it has.
        chooseLanguage("uk");
        assertTrue(browser.waitFor("document.querySelector('#alerts [data-alert-id=\"" + alertId + "\"]')"
                + ".innerText.includes('Повітряна тривога: Київ')", LOADING));
        assertTrue(browser.waitFor("document.getElementById('notice-text').textContent"
                + ".startsWith('Нова тривога для Київ')", LOADING), "the notice follows the language too");
        browser.screenshot(Path.of("target/live-map-uk.png"));
        chooseLanguage("en");

        publish(TestAlerts.alert(sender, "kyiv-1-cancel", TestAlerts.now(), "Cancel",
                sender + ",kyiv-1," + sent, "Actual", "air raid", "Extreme", "Immediate", "Observed", "UA-30", null));
        boolean cleared = browser.waitFor(KYIV + ".dataset.state === 'none'"
                + " && getComputedStyle(" + KYIV + ").fill === '" + quietFill + "'"
                + " && !document.querySelector('#alerts [data-alert-id=\"" + alertId + "\"]')", LIVE);
        assertTrue(cleared, "the Cancel clears Kyiv and the list within " + LIVE);
        assertEquals("active", browser.evaluate("document.getElementById('region-UA-63').dataset.state").asText(),
                "other regions keep their alerts");

        // History: the cancelled alert is found by region and event.
        browser.evaluate("{ const f = document.getElementById('history-form'); f.region.value = 'UA-30';"
                + " f.event.value = 'air raid'; f.requestSubmit(); }");
        assertTrue(browser.waitFor("document.querySelector('#history-results [data-alert-id=\"" + alertId + "\"]')"
                + "?.innerText.includes('cancelled')", LOADING), "history finds the cancelled alert");
        browser.screenshot(Path.of("target/live-map.png"));
        assertEquals("[]", browser.cspViolations(), "the page works within its Content-Security-Policy");
        // Every event re-read the regions' states meanwhile.
        assertHealthy("after the live updates and a history search");

        // The note is there for failures: a read that fails shows it, the next that succeeds hides it.
        browser.evaluate("window.serviceFetch = window.fetch; window.fetch = (url, options) =>"
                + " String(url).includes('/api/v1/status') ? Promise.reject(new TypeError('offline'))"
                + " : window.serviceFetch(url, options)");
        browser.evaluate(REFRESH_STATES);
        assertTrue(browser.waitFor("!document.getElementById('stale').hidden"
                + " && document.getElementById('stale').dataset.failing === 'states'", LOADING),
                "a failed read of the states is noted");
        browser.evaluate("window.fetch = window.serviceFetch");
        browser.evaluate(REFRESH_STATES);
        assertTrue(browser.waitFor("document.getElementById('stale').hidden", LOADING), "and the note goes");
    }

    @Test
    void aHromadaAlertShowsInItsOblastsDetail() throws Exception {
        browser.open(app.base() + "/");
        assertTrue(browser.waitFor("document.getElementById('connection').dataset.state === 'live'"
                + " && " + LVIV_OBLAST + "?.dataset.state === 'none'", LOADING), "the map loads: " + browser.log());
        String countryBox = browser.evaluate(MAP_BOX).asText();

        // The reader clicks Lviv Oblast: its raions and hromadas are drawn over it, and the map zooms in.
        browser.evaluate(LVIV_OBLAST + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
        assertTrue(browser.waitFor(LVIV_CITY + "?.dataset.state === 'none' && " + LVIV_RAION + ".dataset.state === 'none'"
                + " && !document.getElementById('back').hidden && " + MAP_BOX + " !== '" + countryBox + "'", LOADING),
                "Lviv Oblast opens in detail");
        assertEquals("hromada", browser.evaluate(LVIV_CITY + ".dataset.kind").asText());
        assertEquals("button", browser.evaluate(LVIV_CITY + ".getAttribute('role')").asText(), "a hromada is a button");
        assertEquals("0", browser.evaluate(LVIV_CITY + ".getAttribute('tabindex')").asText(), "reached by Tab");
        assertTrue(browser.evaluate(LVIV_CITY + ".getAttribute('aria-label')").asText().endsWith(": No alert"));
        assertEquals("raion", browser.evaluate(LVIV_RAION + ".getAttribute('class')").asText(), "a raion is an outline");
        assertTrue(browser.waitFor("document.getElementById('region-heading').textContent === 'Lviv Oblast'", LOADING),
                "the oblast's panel opens with it");
        assertHealthy("in Lviv Oblast's detail");
        String quietFill = browser.evaluate("getComputedStyle(" + LVIV_CITY + ").fill").asText();

        String area = "\"areaDesc\": \"Lviv\", \"geocode\": [{\"valueName\": \"KATOTTG\", \"value\": \"UA46060250000025047\"}]";
        String alertId = publish(TestAlerts.withArea(TestAlerts.uniqueSender(), area, TestAlerts.inTwoHours()));
        boolean shown = browser.waitFor(LVIV_CITY + ".dataset.state === 'active' && " + LVIV_RAION + ".dataset.state === 'partial'"
                + " && " + LVIV_OBLAST + ".dataset.state === 'partial'"
                + " && getComputedStyle(" + LVIV_CITY + ").fill !== '" + quietFill + "'"
                + " && document.querySelector('#alerts [data-alert-id=\"" + alertId + "\"]')", LOADING);
        browser.screenshot(Path.of("target/live-map-lviv-detail.png"));
        assertTrue(shown, "Lviv city's hromada turns red, Lviv raion and Lviv Oblast to in part");
        assertTrue(browser.evaluate(LVIV_CITY + ".getAttribute('aria-label')").asText().endsWith(": Alert"));
        assertTrue(browser.evaluate("document.getElementById('detail-summary').textContent").asText()
                .contains("hromadas under alert: 1"));

        // Where am I: a point in Lviv finds the city's hromada, says its state and marks it.
        browser.evaluate("{ document.getElementById('place').value = '49.8419,24.0315';"
                + " document.getElementById('place-form').requestSubmit(); }");
        assertTrue(browser.waitFor("document.getElementById('place-result').textContent.endsWith(': Alert')"
                + " && " + LVIV_CITY + ".dataset.found === 'true'", LOADING),
                "the place's hromada and its state: " + browser.evaluate("document.getElementById('place-result').textContent"));

        // Escape closes the oblast's detail: back to the whole country, focus on the oblast.
        browser.evaluate("document.getElementById('region-close').click()");
        browser.evaluate("document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}))");
        assertTrue(browser.waitFor(MAP_BOX + " === '" + countryBox + "' && !" + LVIV_CITY
                + " && document.getElementById('back').hidden && document.activeElement === " + LVIV_OBLAST, LOADING),
                "back to the country");
        assertEquals("partial", browser.evaluate(LVIV_OBLAST + ".dataset.state").asText());
        assertEquals("[]", browser.cspViolations(), "the page works within its Content-Security-Policy");
        assertHealthy("after the detail");
    }

    /** No read failed, so no failure note shows, and the console showed no error or warning. */
    private void assertHealthy(String when) throws Exception {
        assertEquals("[]", browser.evaluate(FAILURES_SHOWN).toString(), "no failure note shows " + when);
        assertEquals(List.of(), browser.consoleErrorsAndWarnings(), "the console shows no error or warning " + when);
    }

    private void chooseLanguage(String language) throws Exception {
        browser.evaluate("{ const s = document.getElementById('lang'); s.value = '" + language + "';"
                + " s.dispatchEvent(new Event('change')); }");
    }

    private String fillOfKyiv() throws Exception {
        return browser.evaluate("getComputedStyle(" + KYIV + ").fill").asText();
    }

    private String publish(String json) {
        return given().auth().oauth2(publisher).contentType(ContentType.JSON).body(json)
                .post(app.base() + "/api/v1/alerts").then().statusCode(201).extract().path("id");
    }

    /** An air-raid alert for one region, in Ukrainian, English and German. */
    private static String multilingual(String sender, String identifier, String sent, String region,
            String english, String ukrainian, String german) {
        String expires = TestAlerts.time(OffsetDateTime.now().plusHours(2));
        return """
                {"identifier": "%1$s", "sender": "%2$s", "sent": "%3$s", "status": "Actual",
                 "msgType": "Alert", "scope": "Public",
                 "info": [
                  %4$s,
                  %5$s,
                  %6$s]}
                """.formatted(identifier, sender, sent,
                info("uk-UA", "Повітряна тривога: " + ukrainian, "Негайно пройдіть до найближчого укриття.",
                        "Військова адміністрація", region, ukrainian, expires),
                info("en-US", "Air raid alert in " + english, "Go to the nearest shelter now.",
                        english.equals("Kyiv") ? "Kyiv City Military Administration" : "Regional Military Administration",
                        region, english, expires),
                info("de-DE", "Luftalarm: " + german, "Gehen Sie sofort in den nächsten Schutzraum.",
                        "Militärverwaltung", region, german, expires));
    }

    private static String info(String language, String headline, String instruction, String senderName,
            String region, String areaDesc, String expires) {
        return """
                {"language": "%s", "category": ["Security"], "event": "air raid", "responseType": ["Shelter"],
                 "urgency": "Immediate", "severity": "Extreme", "certainty": "Observed", "expires": "%s",
                 "senderName": "%s", "headline": "%s", "instruction": "%s",
                 "area": [{"areaDesc": "%s", "geocode": [{"valueName": "ISO3166-2", "value": "%s"}]}]}"""
                .formatted(language, expires, senderName, headline, instruction, areaDesc, region);
    }
}
