package dev.airalert.status;

import static dev.airalert.TestAlerts.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.airalert.TestAlerts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The compact status map: states by region, parents and children, and 304 for pollers. */
@QuarkusTest
class StatusTest {

    @Test
    void regionsAreActivePartialOrNoneAndPollersGet304() {
        String sender = TestAlerts.uniqueSender();
        publish(TestAlerts.withArea(sender, "\"areaDesc\": \"Kyiv\"", TestAlerts.inTwoHours())).then().statusCode(201);
        // Part of Zakarpattia: a small polygon around Uzhhorod, stored as the hromadas it touches.
        publish(TestAlerts.withArea(sender, "\"areaDesc\": \"Uzhhorod\", \"polygon\":"
                + " [\"48.70,22.20 48.70,22.40 48.55,22.40 48.55,22.20 48.70,22.20\"]", TestAlerts.inTwoHours()))
                .then().statusCode(201).body("regions", everyItem(startsWith("UA21")));

        String etag = given().get("/api/v1/status").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("regions.'UA-30'.state", equalTo("active"))
                .body("regions.'UA-30'.events", hasItem("air raid"))
                .body("regions.'UA-21'.state", equalTo("partial"))
                .body("regions.UA.state", equalTo("partial"))
                .body("regions.'RU-BRY'.state", equalTo("none"))
                // The default is the oblast level, as the map draws it.
                .body("regions", not(hasKey("UA21100010000070243")))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/status").then().statusCode(304)
                .header("ETag", equalTo(etag));

        publish(TestAlerts.withArea(sender, "\"areaDesc\": \"Rivne Oblast\"", TestAlerts.inTwoHours())).then().statusCode(201);
        given().header("If-None-Match", etag).get("/api/v1/status").then().statusCode(200)
                .header("ETag", not(equalTo(etag)))
                .body("regions.'UA-56'.state", equalTo("active"));
    }
}
