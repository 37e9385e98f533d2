package com.salesaffairs.reporting;

import static com.salesaffairs.reporting.Facts.eventually;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class AftersalesReportTest {

    private static JsonPath aftersales(String token, String from, String to) {
        return given().auth().oauth2(token).when().get("/api/v1/reports/aftersales?from=" + from + "&to=" + to)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void logged_feedback_is_counted_by_severity_and_category_and_a_manager_counts_only_his_team() {
        String first = UUID.randomUUID().toString();
        String firstCe = UUID.randomUUID().toString();
        String firstPayload = Facts.feedback(first, "east-1", "2020-04-06T03:00:00Z", "DELIVERY", "HIGH");
        Facts.publishFeedback(firstCe, first, firstPayload);
        String second = UUID.randomUUID().toString();
        Facts.publishFeedback(UUID.randomUUID().toString(), second,
                Facts.feedback(second, "east-1", "2020-04-07T23:00:00Z", "BILLING", "LOW"));
        String third = UUID.randomUUID().toString();
        Facts.publishFeedback(UUID.randomUUID().toString(), third,
                Facts.feedback(third, "west-1", "2020-04-07T01:00:00Z", "DELIVERY", "HIGH"));
        // The first case's fact again, under another ce_id: still one piece of feedback.
        Facts.publishFeedback(UUID.randomUUID().toString(), first, firstPayload);

        JsonPath all = eventually(() -> aftersales(TestUsers.diana(), "2020-04-06", "2020-04-07"),
                r -> r.getLong("feedbackCount") >= 3);
        assertEquals("2020-04-06", all.getString("from"));
        assertEquals("2020-04-07", all.getString("to"));
        assertEquals(3, all.getLong("feedbackCount"));
        assertEquals(Map.of("LOW", 1, "MEDIUM", 0, "HIGH", 2, "CRITICAL", 0), all.getMap("bySeverity"));
        assertEquals(Map.of("PRODUCT_QUALITY", 0, "DELIVERY", 2, "BILLING", 1, "SERVICE", 0, "OTHER", 0),
                all.getMap("byCategory"));
        assertEquals(List.of("LOW", "MEDIUM", "HIGH", "CRITICAL"), List.copyOf(all.getMap("bySeverity").keySet()));

        JsonPath team = aftersales(TestUsers.mike(), "2020-04-06", "2020-04-07");
        assertEquals(2, team.getLong("feedbackCount"));
        assertEquals(1, team.getInt("bySeverity.HIGH"));
        assertEquals(1, team.getInt("bySeverity.LOW"));
        assertEquals(1, team.getInt("byCategory.DELIVERY"));

        // Days are counted whole: the 7th alone holds the second and third.
        assertEquals(2, aftersales(TestUsers.dora(), "2020-04-07", "2020-04-07").getLong("feedbackCount"));
    }

    @Test
    void bad_ranges_are_400_naming_the_field() {
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/reports/aftersales?from=2020-04-01")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("to"));
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/reports/aftersales?from=2020-04-02&to=2020-04-01")
                .then().statusCode(400).body("violations.field", hasItem("to"));
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/reports/aftersales?from=April&to=2020-04-01")
                .then().statusCode(400).body("violations.field", hasItem("from"));
    }

    @Test
    void a_manager_without_feedback_sees_every_bucket_at_zero() {
        given().auth().oauth2(TestUsers.wendy()).when().get("/api/v1/reports/aftersales?from=2019-01-01&to=2019-01-31")
                .then().statusCode(200).body("feedbackCount", equalTo(0)).body("bySeverity.CRITICAL", equalTo(0))
                .body("byCategory.OTHER", equalTo(0));
    }

    @Test
    void feedback_of_an_unknown_severity_ends_on_the_dead_letter_topic_with_the_reason() {
        String caseId = UUID.randomUUID().toString();
        Facts.publishFeedback(UUID.randomUUID().toString(), caseId,
                Facts.feedback(caseId, "east-1", "2020-04-20T03:00:00Z", "DELIVERY", "URGENT"));
        EventProbe.Received dead = EventProbe.await("sales.aftersales.events.dlq", r -> caseId.equals(r.key()),
                Duration.ofSeconds(30));
        assertTrue(dead.headers().getOrDefault("dead-letter-reason", "").contains("severity"), dead.headers().toString());
        assertEquals(0, aftersales(TestUsers.diana(), "2020-04-20", "2020-04-20").getLong("feedbackCount"));
    }
}
