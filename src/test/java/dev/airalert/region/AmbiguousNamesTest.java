package dev.airalert.region;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airalert.TestAlerts;
import dev.airalert.subscription.TestSubscriptions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A name several hromadas share is never guessed at: a lookup lists them all with where each
 * lies, a subscription, a history query and a stream refuse it naming the field and the
 * places it could mean, and an alert with it is stored, its area reported as unresolved.
 */
@QuarkusTest
class AmbiguousNamesTest {

    /** Seven hromadas in five oblasts are called this. */
    private static final String NAME = "Миколаївська територіальна громада";
    private static final List<SubregionFiles.Feature> NAMESAKES = SubregionFiles.hromadas().stream()
            .filter(h -> NAME.equals(h.nameUk())).sorted(Comparator.comparing(SubregionFiles.Feature::code)).toList();

    @Test
    void theFileHasTheSevenNamesakesThisTestIsAbout() {
        assertEquals(7, NAMESAKES.size(), NAMESAKES.toString());
    }

    @Test
    void aLookupListsEveryPlaceTheNameMeansWithItsRaion() {
        JsonPath found = given().queryParam("q", NAME).get("/api/v1/regions/resolve").then().statusCode(200)
                .extract().jsonPath();
        // The exact matches first; names merely containing it ("м. Миколаїв та ...") after them.
        for (int i = 0; i < NAMESAKES.size(); i++) {
            SubregionFiles.Feature namesake = NAMESAKES.get(i);
            assertEquals(namesake.code(), found.getString("items[" + i + "].code"));
            assertEquals("hromada", found.getString("items[" + i + "].kind"));
            assertEquals(namesake.parent(), found.getString("items[" + i + "].parent"));
            assertEquals(NAME, found.getString("items[" + i + "].names.uk"));
        }
    }

    @Test
    void aSubscriptionForTheNameIsRefusedListingThePlaces() {
        namesEveryPlace(given().auth().oauth2(TestSubscriptions.subscriberKey()).contentType(ContentType.JSON)
                .body("{\"url\": \"http://127.0.0.1:9/hook\", \"regions\": [\"UA-30\", \"" + NAME + "\"]}")
                .post("/api/v1/subscriptions").then(), "regions[1]");
    }

    @Test
    void aHistoryQueryForTheNameIsRefusedListingThePlaces() {
        namesEveryPlace(given().queryParam("region", NAME).get("/api/v1/alerts").then(), "region");
    }

    @Test
    void aStreamForTheNameIsRefusedListingThePlaces() {
        namesEveryPlace(given().accept("text/event-stream").queryParam("region", NAME)
                .get("/api/v1/alerts/stream").then(), "region");
    }

    @Test
    void anAlertNamingItIsStoredWithItsAreaUnresolvedAndTheCandidatesListed() {
        JsonPath alert = publish(TestAlerts.withArea(TestAlerts.uniqueSender(), "\"areaDesc\": \"" + NAME + "\"",
                TestAlerts.inTwoHours())).then().statusCode(201)
                .body("regions", empty())
                .body("unresolvedAreas", contains(NAME))
                .body("resolution[0].rule", equalTo("none"))
                // An area that gave no region lists none.
                .body("resolution[0].regions", nullValue())
                .extract().jsonPath();
        assertEquals(codes(), alert.getList("resolution[0].candidates.code"));
        for (int i = 0; i < NAMESAKES.size(); i++) {
            SubregionFiles.Feature namesake = NAMESAKES.get(i);
            assertEquals(List.of(namesake.parent(), namesake.oblast(), "UA"),
                    alert.getList("resolution[0].candidates[" + i + "].parents"));
            assertThat(alert.getString("resolution[0].candidates[" + i + "].label"), containsString(namesake.code()));
        }
        given().get("/api/v1/alerts/" + alert.getString("id")).then().statusCode(200)
                .body("regions", empty()).body("unresolvedAreas", contains(NAME))
                .body("resolution[0].candidates.code", contains(codes().toArray()));
    }

    private static List<String> codes() {
        return NAMESAKES.stream().map(SubregionFiles.Feature::code).toList();
    }

    /** A 400 problem naming the field, whose message gives the code of each place the name means. */
    private static void namesEveryPlace(ValidatableResponse response, String field) {
        JsonPath problem = response.statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains(field)).extract().jsonPath();
        String message = problem.getString("errors[0].message");
        for (SubregionFiles.Feature namesake : NAMESAKES) {
            assertThat(message, containsString(namesake.code()));
        }
    }
}
