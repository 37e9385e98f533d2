package com.salesaffairs.reporting;

import static com.salesaffairs.reporting.Facts.eventually;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestTokens;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * The after-sales summary's SLA and satisfaction blocks, fed through aftersales-service's case and
 * survey events, in July 2033 and a team of their own.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class AftersalesQualityTest {
    private static final String TEAM = "care-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String REP_A = UUID.randomUUID().toString();
    private static final String REP_B = UUID.randomUUID().toString();
    private static final String JULY = "from=2033-07-01&to=2033-07-31";
    private static boolean fed;

    private static void event(String type, String caseId, String payload) {
        ReadModelEvents.aftersalesEvent(type, caseId, payload);
    }

    /**
     * c1 (A) met both; c2 (B) escalated, response met, resolution missed; c3 (A) missed both, reopened,
     * resolved again in time; c4 (A) resolved in August. Surveys: A 5/10 and 4/8, B 2/3 in July, B 3 in August.
     */
    @BeforeAll
    static void feed() {
        if (fed) {
            return;
        }
        fed = true;
        String c1 = UUID.randomUUID().toString();
        String c2 = UUID.randomUUID().toString();
        String c3 = UUID.randomUUID().toString();
        String c4 = UUID.randomUUID().toString();
        String c1Resolved = ReadModelEvents.caseResolved(c1, REP_A, TEAM, "2033-07-02T02:00:00Z", true, true, 120);
        event("sales.case.resolved.v1", c1, c1Resolved);
        event("sales.case.escalated.v1", c2, ReadModelEvents.caseEscalated(c2, REP_B, TEAM, "RESOLUTION", 1,
                "2033-07-01T01:00:00Z", "2033-07-01T02:00:00Z"));
        event("sales.case.resolved.v1", c2, ReadModelEvents.caseResolved(c2, REP_B, TEAM, "2033-07-03T02:00:00Z", true, false, 600));
        event("sales.case.resolved.v1", c3, ReadModelEvents.caseResolved(c3, REP_A, TEAM, "2033-07-04T02:00:00Z", false, false, 60));
        event("sales.case.reopened.v1", c3, ReadModelEvents.caseReopened(c3, REP_A, TEAM, "2033-07-05T02:00:00Z"));
        event("sales.case.resolved.v1", c3, ReadModelEvents.caseResolved(c3, REP_A, TEAM, "2033-07-06T02:00:00Z", false, true, 30));
        event("sales.case.resolved.v1", c4, ReadModelEvents.caseResolved(c4, REP_A, TEAM, "2033-08-01T02:00:00Z", true, true, 10));
        // c1's resolution again under a new ce_id: still one case.
        event("sales.case.resolved.v1", c1, c1Resolved);

        String s1 = UUID.randomUUID().toString();
        event("sales.survey.completed.v1", s1, ReadModelEvents.survey(s1, c1, REP_A, TEAM, 5, 10, "2033-07-10T02:00:00Z"));
        String s2 = UUID.randomUUID().toString();
        event("sales.survey.completed.v1", s2, ReadModelEvents.survey(s2, null, REP_A, TEAM, 4, 8, "2033-07-11T02:00:00Z"));
        String s3 = UUID.randomUUID().toString();
        event("sales.survey.completed.v1", s3, ReadModelEvents.survey(s3, c2, REP_B, TEAM, 2, 3, "2033-07-31T23:59:00Z"));
        String s4 = UUID.randomUUID().toString();
        event("sales.survey.completed.v1", s4, ReadModelEvents.survey(s4, c2, REP_B, TEAM, 3, 6, "2033-08-01T00:00:00Z"));
    }

    private static JsonPath aftersales(String token, String query) {
        String body = given().auth().oauth2(token).when().get("/api/v1/reports/aftersales?" + query)
                .then().statusCode(200).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static JsonPath settled() {
        return eventually(() -> aftersales(TestUsers.diana(), JULY + "&team=" + TEAM),
                a -> a.getLong("cases.resolved") == 3 && a.getLong("cases.reopened") == 1 && a.getLong("cases.escalated") == 1
                        && a.getLong("cases.resolutionMet") == 2 && a.getLong("satisfaction.surveys") == 3);
    }

    private static void assertMoney(String expected, Object actual) {
        assertTrue(actual != null && new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())) == 0,
                "expected " + expected + " but was " + actual);
    }

    @Test
    void a_team_summary_has_the_sla_compliance_of_its_resolved_cases_and_its_survey_scores() {
        JsonPath a = settled();
        assertEquals(0, a.getLong("feedbackCount"));
        assertEquals(3, a.getLong("cases.resolved"));
        assertEquals(3, a.getLong("cases.responseJudged"));
        assertEquals(2, a.getLong("cases.responseMet"));
        assertMoney("66.67", a.get("cases.responseCompliance"));
        assertEquals(2, a.getLong("cases.resolutionMet"));
        assertMoney("66.67", a.get("cases.resolutionCompliance"));
        // (120 + 600 + 30) / 3 minutes: the reopened case counts with its last resolution.
        assertMoney("4.17", a.get("cases.averageResolutionHours"));
        assertEquals(1, a.getLong("cases.escalated"));

        assertEquals(3, a.getLong("satisfaction.surveys"));
        assertMoney("3.67", a.get("satisfaction.averageScore"));
        assertEquals(Map.of("1", 0, "2", 1, "3", 0, "4", 1, "5", 1), a.getMap("satisfaction.byScore", String.class, Integer.class));
        assertEquals(1, a.getLong("satisfaction.promoters"));
        assertEquals(1, a.getLong("satisfaction.passives"));
        assertEquals(1, a.getLong("satisfaction.detractors"));
        assertMoney("0.00", a.get("satisfaction.nps"));

        // Their manager sees the same without naming the team.
        JsonPath managed = aftersales(TestTokens.user("care-manager", UUID.randomUUID().toString()).roles("sales-manager")
                .team(TEAM, "east").sign(), JULY);
        assertEquals(a.getMap("cases"), managed.getMap("cases"));
        assertEquals(a.getMap("satisfaction"), managed.getMap("satisfaction"));
    }

    @Test
    void a_rep_sees_the_cases_and_surveys_of_their_own_customers() {
        settled();
        JsonPath a = aftersales(TestTokens.user("care-rep", REP_A).roles("sales-rep").team(TEAM, "east").sign(), JULY);
        assertEquals(2, a.getLong("cases.resolved"));
        assertMoney("50.00", a.get("cases.responseCompliance"));
        assertMoney("100.00", a.get("cases.resolutionCompliance"));
        assertMoney("1.25", a.get("cases.averageResolutionHours"));
        assertEquals(0, a.getLong("cases.escalated"));
        assertEquals(1, a.getLong("cases.reopened"));
        assertEquals(2, a.getLong("satisfaction.surveys"));
        assertMoney("4.50", a.get("satisfaction.averageScore"));
        assertMoney("50.00", a.get("satisfaction.nps"));
    }

    @Test
    void without_cases_or_surveys_the_rates_are_null_and_every_score_is_zero() {
        JsonPath a = aftersales(TestUsers.diana(), "from=1999-03-01&to=1999-03-31&team=nobody-" + UUID.randomUUID());
        assertEquals(0, a.getLong("cases.resolved"));
        assertNull(a.get("cases.responseCompliance"));
        assertNull(a.get("cases.averageResolutionHours"));
        assertEquals(0, a.getLong("satisfaction.surveys"));
        assertNull(a.get("satisfaction.averageScore"));
        assertNull(a.get("satisfaction.nps"));
        assertEquals(Map.of("1", 0, "2", 0, "3", 0, "4", 0, "5", 0), a.getMap("satisfaction.byScore", String.class, Integer.class));
    }
}
