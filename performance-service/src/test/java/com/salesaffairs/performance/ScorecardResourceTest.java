package com.salesaffairs.performance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Scorecards, leaderboard and appraisal close over KPI facts written straight into the fact tables
 * (their consumers are tested in the *FactsTest classes). Every test works in its own month of 2017,
 * a year no other test uses, so closing a month here cannot move another test's facts.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class ScorecardResourceTest {
    private static final String EAST = "east-1";
    private static final String WEST = "west-1";

    @Inject
    EntityManager em;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).config(RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private void sql(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    /** A settled order (positive) or a refund (negative) booked in its own month. */
    private void revenue(String rep, String team, String region, String month, String amount) {
        sql("INSERT INTO revenue_entry (event_id, kind, order_id, rep_id, team, region, amount, cost_amount, occurred_at,"
                + " period, booked_period, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9, ?9, now())",
                UUID.randomUUID(), amount.startsWith("-") ? "REFUND" : "SETTLED", UUID.randomUUID(), rep, team, region,
                d(amount), Instant.parse(month + "-10T10:00:00Z"), month);
    }

    private void survey(String rep, String team, String month, int score) {
        sql("INSERT INTO satisfaction_fact (survey_id, rep_id, team, score, likelihood, answered_at, period, booked_period)"
                + " VALUES (?1, ?2, ?3, ?4, 8, ?5, ?6, ?6)", UUID.randomUUID(), rep, team, score,
                Instant.parse(month + "-12T10:00:00Z"), month);
    }

    private void report(String rep, String team, String month, boolean onTime) {
        sql("INSERT INTO report_fact (report_id, rep_id, team, report_period, due_at, submitted_at, on_time, period, booked_period)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?4, ?4)", UUID.randomUUID(), rep, team, month,
                Instant.parse(month + "-20T10:00:00Z"), onTime);
    }

    private void outcome(String rep, String team, String month, String outcome) {
        sql("INSERT INTO opportunity_outcome (opportunity_id, rep_id, team, region, outcome, amount, version, closed_at,"
                + " period, booked_period, updated_at) VALUES (?1, ?2, ?3, 'east', ?4, 1000, 3, ?5, ?6, ?6, now())",
                UUID.randomUUID(), rep, team, outcome, Instant.parse(month + "-15T10:00:00Z"), month);
    }

    private void target(String level, String subject, String team, String month, String amount) {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO sales_target (id, level, subject, team, region, period_kind, period, currency, amount, set_by,"
                + " version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'east', 'MONTH', ?5, 'CNY', ?6, 'test', 1, now(), now())",
                id, level, subject, team, month, d(amount));
        sql("INSERT INTO sales_target_month (target_id, month, amount) VALUES (?1, ?2, ?3)", id, month, d(amount));
    }

    private static JsonPath rep(String token, String repId, String month) {
        return as(token).when().get("/api/v1/kpis/reps/" + repId + "?period=" + month)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Alice's 2017-03: every KPI has data, so every weight counts as the policy gives it. */
    private void aliceMarch() {
        revenue(TestUsers.ALICE_ID, EAST, "east", "2016-03", "10000.00");
        revenue(TestUsers.ALICE_ID, EAST, "east", "2017-02", "5500.00");
        revenue(TestUsers.ALICE_ID, EAST, "east", "2017-03", "11500.00");
        revenue(TestUsers.ALICE_ID, EAST, "east", "2017-03", "-500.00");
        target("REP", TestUsers.ALICE_ID, EAST, "2017-03", "10000.00");
        survey(TestUsers.ALICE_ID, EAST, "2017-03", 5);
        survey(TestUsers.ALICE_ID, EAST, "2017-03", 4);
        for (boolean onTime : new boolean[] { true, true, true, false }) {
            report(TestUsers.ALICE_ID, EAST, "2017-03", onTime);
        }
        outcome(TestUsers.ALICE_ID, EAST, "2017-03", "WON");
        outcome(TestUsers.ALICE_ID, EAST, "2017-03", "LOST");
        outcome(TestUsers.ALICE_ID, EAST, "2017-03", "OPEN");
    }

    @Test
    void a_reps_scorecard_shows_each_kpi_its_target_attainment_and_the_weighted_grade_to_the_cent() {
        aliceMarch();
        JsonPath card = rep(TestUsers.alice(), TestUsers.ALICE_ID, "2017-03");
        assertEquals("performance.kpi", card.getString("scorecard.policyKey"));
        assertEquals(2, card.getInt("scorecard.policyVersion"));
        assertEquals(false, card.getBoolean("scorecard.frozen"));
        assertEquals("revenueAttainment", card.getString("scorecard.kpis[0].kpi"));
        assertEquals(d("11000.00"), card.get("scorecard.kpis[0].value"));
        assertEquals(d("10000.00"), card.get("scorecard.kpis[0].target"));
        assertEquals(d("110.00"), card.get("scorecard.kpis[0].attainment"));
        assertEquals(d("100.00"), card.get("scorecard.kpis[0].score"));
        assertEquals(d("0.4"), card.get("scorecard.kpis[0].weight"));
        assertEquals(d("10.00"), card.get("scorecard.kpis[1].value"), "growth against 2016-03");
        assertEquals(d("60.00"), card.get("scorecard.kpis[1].score"));
        assertEquals(d("100.00"), card.get("scorecard.monthOverMonth.growthPct"));
        assertEquals("2016-03", card.getString("scorecard.yearOverYear.basePeriod"));
        assertEquals(d("4.50"), card.get("scorecard.kpis[2].value"));
        assertEquals(d("87.50"), card.get("scorecard.kpis[2].score"));
        assertEquals(2, card.getInt("scorecard.kpis[2].sampleSize"));
        assertEquals(d("75.00"), card.get("scorecard.kpis[3].value"));
        assertEquals(d("50.00"), card.get("scorecard.kpis[4].value"), "the open opportunity does not count");
        assertEquals(d("81.50"), card.get("scorecard.score"));
        assertEquals("B", card.getString("scorecard.grade"));

        // the same card for the manager and the leaders; not for a teammate, another team's manager or finance
        assertEquals(d("81.50"), rep(TestUsers.mike(), TestUsers.ALICE_ID, "2017-03").get("scorecard.score"));
        for (String token : new String[] { TestUsers.diana(), TestUsers.erin(), TestUsers.admin() }) {
            assertEquals("B", rep(token, TestUsers.ALICE_ID, "2017-03").getString("scorecard.grade"));
        }
        as(TestUsers.bob()).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2017-03")
                .then().statusCode(404).contentType("application/problem+json");
        as(TestUsers.wendy()).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2017-03").then().statusCode(404);
        as(TestUsers.fiona()).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2017-03").then().statusCode(403);
        given().when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2017-03").then().statusCode(401);
    }

    @Test
    void kpis_without_data_are_not_scored_and_their_weight_goes_to_the_others() {
        // Bob, 2017-11: revenue 8000 of a 10000 target (80) and 1 of 2 reports on time (50): (0.4*80 + 0.1*50) / 0.5
        revenue(TestUsers.BOB_ID, EAST, "east", "2017-11", "8000.00");
        target("REP", TestUsers.BOB_ID, EAST, "2017-11", "10000.00");
        report(TestUsers.BOB_ID, EAST, "2017-11", true);
        report(TestUsers.BOB_ID, EAST, "2017-11", false);
        JsonPath card = rep(TestUsers.bob(), TestUsers.BOB_ID, "2017-11");
        assertEquals(d("74.00"), card.get("scorecard.score"));
        assertEquals("C", card.getString("scorecard.grade"));
        assertEquals(false, card.getBoolean("scorecard.kpis[1].scored"));
        assertTrue(card.getString("scorecard.kpis[1].reason").contains("not defined"), card.getString("scorecard.kpis[1].reason"));
        assertNull(card.get("scorecard.yearOverYear.growthPct"), "zero base: not defined, not infinite");
        assertEquals(d("0.8000"), card.get("scorecard.kpis[0].appliedWeight"));
        assertEquals("no survey was answered", card.getString("scorecard.kpis[2].reason"));

        // a director asking for an id without any facts gets an empty card, not graded
        as(TestUsers.diana()).when().get("/api/v1/kpis/reps/" + UUID.randomUUID() + "?period=2017-06")
                .then().statusCode(200).body("scorecard.score", nullValue()).body("scorecard.grade", nullValue());
    }

    @Test
    void a_bad_period_is_400_naming_period_everywhere() {
        for (String bad : new String[] { "2017-13", "2017-1", "17-01", "2017-Q1" }) {
            as(TestUsers.diana()).when().get("/api/v1/kpis/leaderboard?period=" + bad)
                    .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("period"));
            as(TestUsers.diana()).when().post("/api/v1/appraisals/" + bad + "/close")
                    .then().statusCode(400).body("violations.field", hasItem("period"));
            as(TestUsers.diana()).when().get("/api/v1/appraisals/" + bad)
                    .then().statusCode(400).body("violations.field", hasItem("period"));
        }
        as(TestUsers.diana()).when().get("/api/v1/kpis/leaderboard").then().statusCode(400)
                .body("violations.field", hasItem("period"));
    }

    @Test
    void the_leaderboard_ranks_by_score_within_the_callers_scope_and_the_team_card_has_its_target() {
        String month = "2017-09";
        // alice 100% of target -> 100; bob 50% -> 50; cindy (west) 90% -> 90
        revenue(TestUsers.ALICE_ID, EAST, "east", month, "1000.00");
        target("REP", TestUsers.ALICE_ID, EAST, month, "1000.00");
        revenue(TestUsers.BOB_ID, EAST, "east", month, "500.00");
        target("REP", TestUsers.BOB_ID, EAST, month, "1000.00");
        revenue(TestUsers.CINDY_ID, WEST, "west", month, "900.00");
        target("REP", TestUsers.CINDY_ID, WEST, month, "1000.00");
        target("TEAM", EAST, EAST, month, "3000.00");

        as(TestUsers.diana()).when().get("/api/v1/kpis/leaderboard?period=" + month)
                .then().statusCode(200).body("policyVersion", equalTo(2)).body("frozen", equalTo(false))
                .body("team", nullValue())
                .body("entries.repId", contains(TestUsers.ALICE_ID, TestUsers.CINDY_ID, TestUsers.BOB_ID))
                .body("entries.rank", contains(1, 2, 3))
                .body("entries[1].score", equalTo(d("90.00"))).body("entries[1].grade", equalTo("A"))
                .body("entries[2].revenueAttainment", equalTo(d("50.00"))).body("entries[2].grade", equalTo("D"));
        as(TestUsers.mike()).when().get("/api/v1/kpis/leaderboard?period=" + month)
                .then().statusCode(200).body("team", equalTo(EAST))
                .body("entries.repId", contains(TestUsers.ALICE_ID, TestUsers.BOB_ID));
        as(TestUsers.diana()).when().get("/api/v1/kpis/leaderboard?period=" + month + "&team=" + WEST)
                .then().statusCode(200).body("entries.repId", contains(TestUsers.CINDY_ID));
        as(TestUsers.mike()).when().get("/api/v1/kpis/leaderboard?period=" + month + "&team=" + WEST)
                .then().statusCode(404).contentType("application/problem+json");
        as(TestUsers.alice()).when().get("/api/v1/kpis/leaderboard?period=" + month).then().statusCode(403);
        as(TestUsers.fiona()).when().get("/api/v1/kpis/leaderboard?period=" + month).then().statusCode(403);
        given().when().get("/api/v1/kpis/leaderboard?period=" + month).then().statusCode(401);

        // team: 1500 of 3000 -> 50, the only scored KPI
        as(TestUsers.mike()).when().get("/api/v1/kpis/teams/" + EAST + "?period=" + month)
                .then().statusCode(200)
                .body("scorecard.kpis[0].value", equalTo(d("1500.00"))).body("scorecard.kpis[0].target", equalTo(d("3000.00")))
                .body("scorecard.kpis[0].attainment", equalTo(d("50.00"))).body("scorecard.score", equalTo(d("50.00")))
                .body("scorecard.grade", equalTo("D"))
                .body("ranking.repId", contains(TestUsers.ALICE_ID, TestUsers.BOB_ID));
        as(TestUsers.wendy()).when().get("/api/v1/kpis/teams/" + EAST + "?period=" + month).then().statusCode(404);
        as(TestUsers.alice()).when().get("/api/v1/kpis/teams/" + EAST + "?period=" + month).then().statusCode(403);
    }

    @Test
    void closing_a_month_freezes_every_reps_score_once_and_later_facts_do_not_change_it() {
        String month = "2017-05";
        revenue(TestUsers.ALICE_ID, EAST, "east", month, "1000.00");
        target("REP", TestUsers.ALICE_ID, EAST, month, "2000.00");
        revenue(TestUsers.CINDY_ID, WEST, "west", month, "300.00");
        survey(TestUsers.CINDY_ID, WEST, month, 5);
        // bob: revenue without a target, nothing a year or a month before: no KPI can be scored
        revenue(TestUsers.BOB_ID, EAST, "east", month, "200.00");

        as(TestUsers.mike()).when().post("/api/v1/appraisals/" + month + "/close").then().statusCode(403);
        as(TestUsers.alice()).when().post("/api/v1/appraisals/" + month + "/close").then().statusCode(403);
        as(TestUsers.erin()).when().post("/api/v1/appraisals/" + month + "/close").then().statusCode(403);
        given().when().post("/api/v1/appraisals/" + month + "/close").then().statusCode(401);
        as(TestUsers.diana()).when().get("/api/v1/appraisals/" + month)
                .then().statusCode(200).body("status", equalTo("OPEN")).body("results.size()", equalTo(0));

        as(TestUsers.diana()).when().post("/api/v1/appraisals/" + month + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedBy", equalTo(TestUsers.DIANA_ID))
                .body("policyKey", equalTo("performance.kpi")).body("policyVersion", equalTo(2))
                .body("results.repId", contains(TestUsers.CINDY_ID, TestUsers.ALICE_ID, TestUsers.BOB_ID))
                .body("results[0].score", equalTo(d("100.00"))).body("results[0].grade", equalTo("A"))
                .body("results[1].score", equalTo(d("50.00"))).body("results[1].grade", equalTo("D"))
                .body("results[2].score", nullValue()).body("results[2].grade", nullValue())
                .body("results[2].kpis[0].value", equalTo(d("200.00")));
        assertTrue(PeriodClosedProbe.SEEN.stream().anyMatch(e -> e.period().toString().equals(month)
                && e.closedBy().equals(TestUsers.DIANA_ID) && e.kpiPolicyVersion() == 2), PeriodClosedProbe.SEEN.toString());

        as(TestUsers.diana()).when().post("/api/v1/appraisals/" + month + "/close")
                .then().statusCode(409).contentType("application/problem+json").body("rule", equalTo("appraisal.period-closed"));
        as(TestUsers.admin()).when().post("/api/v1/appraisals/" + month + "/close").then().statusCode(409);

        // facts written into the closed month afterwards (however they got there) change nothing
        revenue(TestUsers.ALICE_ID, EAST, "east", month, "1000.00");
        outcome(TestUsers.ALICE_ID, EAST, month, "WON");
        revenue(TestUsers.BOB_ID, EAST, "east", month, "999.00");
        target("REP", TestUsers.BOB_ID, EAST, month, "100.00");
        JsonPath card = rep(TestUsers.alice(), TestUsers.ALICE_ID, month);
        assertEquals(true, card.getBoolean("scorecard.frozen"));
        assertEquals(d("50.00"), card.get("scorecard.score"));
        assertEquals(d("1000.00"), card.get("scorecard.kpis[0].value"));
        assertEquals("D", card.getString("scorecard.grade"));
        assertTrue(card.getString("scorecard.closedAt").endsWith("Z"));
        as(TestUsers.diana()).when().get("/api/v1/kpis/leaderboard?period=" + month)
                .then().statusCode(200).body("frozen", equalTo(true))
                .body("entries.repId", contains(TestUsers.CINDY_ID, TestUsers.ALICE_ID, TestUsers.BOB_ID))
                .body("entries[2].grade", nullValue()).body("entries[2].revenue", equalTo(d("200.00")));

        // the appraisal as each role may see it
        as(TestUsers.diana()).when().get("/api/v1/appraisals/" + month)
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("results.size()", equalTo(3));
        as(TestUsers.alice()).when().get("/api/v1/appraisals/" + month)
                .then().statusCode(200).body("results.repId", contains(TestUsers.ALICE_ID));
        as(TestUsers.mike()).when().get("/api/v1/appraisals/" + month)
                .then().statusCode(200).body("results.repId", contains(TestUsers.ALICE_ID, TestUsers.BOB_ID));
        as(TestUsers.wendy()).when().get("/api/v1/appraisals/" + month)
                .then().statusCode(200).body("results.repId", contains(TestUsers.CINDY_ID));
        as(TestUsers.fiona()).when().get("/api/v1/appraisals/" + month).then().statusCode(403);
    }

    @Test
    void a_month_that_is_not_over_cannot_be_closed() {
        as(TestUsers.diana()).when().post("/api/v1/appraisals/2099-01/close")
                .then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("appraisal.period-not-over"));
        as(TestUsers.diana()).when().get("/api/v1/appraisals/2099-01").then().statusCode(200).body("status", equalTo("OPEN"));
    }
}
