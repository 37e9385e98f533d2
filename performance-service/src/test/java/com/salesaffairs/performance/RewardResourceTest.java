package com.salesaffairs.performance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.PeriodClosed;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Rewards from a closed month: the appraisal results are written straight into the tables and the close is
 * announced as the closing transaction does (a synchronous CDI PeriodClosed), then recommendations are read,
 * approved and published on the real broker. Each test closes its own month of 2048.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class RewardResourceTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final String KPIS_A = "[{\"kpi\":\"revenueAttainment\",\"score\":100},{\"kpi\":\"customerSatisfaction\",\"score\":80},"
            + "{\"kpi\":\"winRate\",\"score\":95}]";
    private static final String KPIS_C = "[{\"kpi\":\"revenueAttainment\",\"score\":70},{\"kpi\":\"customerSatisfaction\",\"score\":45},"
            + "{\"kpi\":\"reportTimeliness\",\"score\":null,\"reason\":\"no reports due\"}]";
    private static final String KPIS_D = "[{\"kpi\":\"revenueAttainment\",\"score\":30},{\"kpi\":\"winRate\",\"score\":50}]";

    @Inject
    EntityManager em;

    @Inject
    Event<PeriodClosed> closes;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).config(RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    /** Closes the month as AppraisalService does: period row, results, PeriodClosed, one transaction. */
    private void close(String period) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO appraisal_period (period, closed_by, closed_at, kpi_policy_version) VALUES (:p, :by, :at, 2)")
                    .setParameter("p", period).setParameter("by", TestUsers.DIANA_ID).setParameter("at", Instant.now()).executeUpdate();
            result(period, TestUsers.ALICE_ID, "east-1", "east", "92.50", "A", KPIS_A);
            result(period, TestUsers.BOB_ID, "east-1", "east", "64.00", "C", KPIS_C);
            result(period, TestUsers.CINDY_ID, "west-1", "west", "41.25", "D", KPIS_D);
            closes.fire(new PeriodClosed(KpiPeriod.parse(period), TestUsers.DIANA_ID, 2));
        });
    }

    private void result(String period, String rep, String team, String region, String score, String grade, String kpis) {
        em.createNativeQuery("""
                INSERT INTO appraisal_result (period, rep_id, team, region, score, grade, kpis, kpi_policy_version)
                VALUES (:p, :rep, :team, :region, :score, :grade, CAST(:kpis AS jsonb), 2)""")
                .setParameter("p", period).setParameter("rep", rep).setParameter("team", team).setParameter("region", region)
                .setParameter("score", money(score)).setParameter("grade", grade).setParameter("kpis", kpis).executeUpdate();
    }

    private static JsonPath rewards(String token, String period) {
        return as(token).when().get("/api/v1/rewards?period=" + period).then().statusCode(200).extract().jsonPath();
    }

    private static String rewardOf(String period, String repId) {
        return rewards(TestUsers.diana(), period).getString("items.find { it.repId == '" + repId + "' }.id");
    }

    @Test
    void closing_a_month_recommends_a_reward_per_rep_from_the_grade_and_the_rewards_policy() {
        close("2048-01");
        JsonPath all = rewards(TestUsers.diana(), "2048-01");
        assertEquals(3, all.getInt("total"));
        assertEquals(List.of("east-1", "east-1", "west-1"), all.getList("items.team"));
        String alice = "items.find { it.repId == '" + TestUsers.ALICE_ID + "' }";
        assertEquals("A", all.getString(alice + ".grade"));
        assertEquals(money("92.50"), all.get(alice + ".score"));
        assertEquals(money("5.00"), all.get(alice + ".recommended.salaryAdjustmentPct"));
        assertEquals(money("0.50"), all.get(alice + ".recommended.commissionRatePoints"));
        assertEquals("2048-02", all.getString(alice + ".ratePeriod"));
        assertEquals(2, all.getInt(alice + ".rewardsPolicyVersion"));
        assertEquals("RECOMMENDED", all.getString(alice + ".status"));
        String bob = "items.find { it.repId == '" + TestUsers.BOB_ID + "' }";
        assertEquals(List.of("customerSatisfaction"), all.getList(bob + ".recommended.training"));
        assertEquals(money("0.00"), all.get(bob + ".recommended.salaryAdjustmentPct"));
        String cindy = "items.find { it.repId == '" + TestUsers.CINDY_ID + "' }";
        assertTrue(all.getBoolean(cindy + ".recommended.improvementPlan"));
        assertEquals(List.of("revenueAttainment"), all.getList(cindy + ".recommended.training"));

        // scope: a rep their own, a manager their team, executive all; paging
        as(TestUsers.alice()).when().get("/api/v1/rewards?period=2048-01").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].repId", equalTo(TestUsers.ALICE_ID));
        as(TestUsers.mike()).when().get("/api/v1/rewards?period=2048-01").then().statusCode(200)
                .body("items.repId", containsInAnyOrder(TestUsers.ALICE_ID, TestUsers.BOB_ID));
        as(TestUsers.wendy()).when().get("/api/v1/rewards?period=2048-01").then().statusCode(200)
                .body("items.repId", containsInAnyOrder(TestUsers.CINDY_ID));
        as(TestUsers.erin()).when().get("/api/v1/rewards?period=2048-01&size=2").then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(2));
        // a month not closed has none
        as(TestUsers.diana()).when().get("/api/v1/rewards?period=2048-12").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void approving_publishes_the_incentive_and_the_completed_appraisal_and_twice_is_409() throws Exception {
        close("2048-03");
        String id = rewardOf("2048-03", TestUsers.ALICE_ID);
        as(TestUsers.diana()).contentType(ContentType.JSON).body("{\"comment\":\"well done\"}")
                .when().post("/api/v1/rewards/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("amended", equalTo(false))
                .body("awarded.salaryAdjustmentPct", equalTo(money("5.00")))
                .body("awarded.commissionRatePoints", equalTo(money("0.50")))
                .body("decidedBy", equalTo(TestUsers.DIANA_ID)).body("comment", equalTo("well done"));
        as(TestUsers.diana()).contentType(ContentType.JSON).body("{}").when().post("/api/v1/rewards/" + id + "/approve")
                .then().statusCode(409).contentType("application/problem+json").body("rule", equalTo("reward.already-approved"));

        EventProbe.Received awarded = EventProbe.await("sales.performance.events",
                r -> "sales.incentive.awarded.v1".equals(r.type()) && r.value().contains(id), Duration.ofSeconds(30));
        assertEquals(TestUsers.ALICE_ID, awarded.key());
        JsonNode incentive = JSON.readTree(awarded.value());
        assertEquals(money("5.00"), incentive.get("salaryAdjustmentPct").decimalValue());
        assertEquals(money("0.50"), incentive.get("commissionRatePoints").decimalValue());
        assertEquals("2048-04", incentive.get("ratePeriod").asText());
        assertEquals("2048-03", incentive.get("period").asText());

        EventProbe.Received completed = EventProbe.await("sales.performance.events",
                r -> "sales.appraisal.completed.v1".equals(r.type()) && r.value().contains(id), Duration.ofSeconds(30));
        JsonNode appraisal = JSON.readTree(completed.value());
        assertEquals(TestUsers.ALICE_ID, appraisal.get("repId").asText());
        assertEquals("A", appraisal.get("grade").asText());
        assertEquals(money("92.50"), appraisal.get("score").decimalValue());
        assertEquals("revenueAttainment", appraisal.get("kpis").get(0).get("kpi").asText());
        assertEquals(2, appraisal.get("policyVersions").get("kpi").asInt());
        assertEquals(2, appraisal.get("policyVersions").get("rewards").asInt());
        assertEquals(2, appraisal.get("policyVersions").get("commission").asInt());
        assertEquals(money("5.00"), appraisal.get("reward").get("salaryAdjustmentPct").decimalValue());
        assertEquals("CNY", appraisal.get("commission").get("currency").asText());

        // the next month's commission carries the approved rate points
        as(TestUsers.alice()).when().get("/api/v1/commissions/" + TestUsers.ALICE_ID + "?period=2048-04").then().statusCode(200)
                .body("rateBonus.points", equalTo(money("0.50"))).body("rateBonus.rewardId", equalTo(id))
                .body("rateBonus.fromPeriod", equalTo("2048-03"))
                .body("bands[0].rate", equalTo(money("0.025")));
        // and the month after that does not
        as(TestUsers.alice()).when().get("/api/v1/commissions/" + TestUsers.ALICE_ID + "?period=2048-05").then().statusCode(200)
                .body("rateBonus", nullValue());
    }

    @Test
    void the_director_may_amend_a_recommendation_when_approving_it() {
        close("2048-06");
        String id = rewardOf("2048-06", TestUsers.BOB_ID);
        as(TestUsers.diana()).contentType(ContentType.JSON)
                .body("{\"salaryAdjustmentPct\":1.5,\"training\":[\"customerSatisfaction\",\"reportTimeliness\"],\"improvementPlan\":true}")
                .when().post("/api/v1/rewards/" + id + "/approve")
                .then().statusCode(200).body("amended", equalTo(true))
                .body("awarded.salaryAdjustmentPct", equalTo(money("1.50")))
                .body("awarded.commissionRatePoints", equalTo(money("0.00")))
                .body("awarded.training", equalTo(List.of("customerSatisfaction", "reportTimeliness")))
                .body("awarded.improvementPlan", equalTo(true))
                .body("recommended.training", equalTo(List.of("customerSatisfaction")));
        EventProbe.Received awarded = EventProbe.await("sales.performance.events",
                r -> "sales.incentive.awarded.v1".equals(r.type()) && r.value().contains(id), Duration.ofSeconds(30));
        assertTrue(awarded.value().contains("\"amended\":true"), awarded.value());
        // the list shows the decision
        assertEquals("APPROVED", rewards(TestUsers.mike(), "2048-06")
                .getString("items.find { it.repId == '" + TestUsers.BOB_ID + "' }.status"));
    }

    @Test
    void rate_points_are_refused_once_the_month_they_apply_to_is_closed() {
        close("2048-10");
        close("2048-11");
        String alice = rewardOf("2048-10", TestUsers.ALICE_ID);
        // grade A recommends +0.5 point for November, which is closed: its statement must not change
        as(TestUsers.diana()).contentType(ContentType.JSON).body("{}").when().post("/api/v1/rewards/" + alice + "/approve")
                .then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("reward.next-month-closed")).body("violations.field", hasItem("commissionRatePoints"));
        as(TestUsers.diana()).contentType(ContentType.JSON).body("{\"commissionRatePoints\":1}")
                .when().post("/api/v1/rewards/" + alice + "/approve")
                .then().statusCode(422).body("rule", equalTo("reward.next-month-closed"));
        as(TestUsers.alice()).when().get("/api/v1/commissions/" + TestUsers.ALICE_ID + "?period=2048-11").then().statusCode(200)
                .body("rateBonus", nullValue());
        // without rate points it may still be approved, and so may a reward that carries none
        as(TestUsers.diana()).contentType(ContentType.JSON).body("{\"commissionRatePoints\":0}")
                .when().post("/api/v1/rewards/" + alice + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("amended", equalTo(true))
                .body("awarded.commissionRatePoints", equalTo(money("0.00")));
        as(TestUsers.diana()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/rewards/" + rewardOf("2048-10", TestUsers.BOB_ID) + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        as(TestUsers.alice()).when().get("/api/v1/commissions/" + TestUsers.ALICE_ID + "?period=2048-11").then().statusCode(200)
                .body("rateBonus", nullValue()).body("closed", equalTo(true));
    }

    @Test
    void the_real_close_of_a_month_makes_the_recommendations_in_its_transaction() {
        // a rep of its own with a target met in July 2023, closed through the appraisal endpoint
        String rep = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            UUID target = UUID.randomUUID();
            em.createNativeQuery("""
                    INSERT INTO sales_target (id, level, subject, team, region, period_kind, period, currency, amount, set_by,
                        version, created_at, updated_at)
                    VALUES (:id, 'REP', :rep, 'east-1', 'east', 'MONTH', '2023-07', 'CNY', 1000.00, 'test', 1, now(), now())""")
                    .setParameter("id", target).setParameter("rep", rep).executeUpdate();
            em.createNativeQuery("INSERT INTO sales_target_month (target_id, month, amount) VALUES (:id, '2023-07', 1000.00)")
                    .setParameter("id", target).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO revenue_entry (event_id, kind, order_id, order_number, rep_id, team, region, amount, cost_amount,
                        occurred_at, period, booked_period, recorded_at)
                    VALUES (:id, 'SETTLED', :order, 'SO-E2E', :rep, 'east-1', 'east', 1200.00, 600.00,
                        TIMESTAMPTZ '2023-07-10 10:00:00+00', '2023-07', '2023-07', now())""")
                    .setParameter("id", UUID.randomUUID()).setParameter("order", UUID.randomUUID()).setParameter("rep", rep)
                    .executeUpdate();
        });
        as(TestUsers.diana()).contentType(ContentType.JSON).when().post("/api/v1/appraisals/2023-07/close")
                .then().statusCode(org.hamcrest.Matchers.lessThan(300));
        JsonPath rewards = rewards(TestUsers.diana(), "2023-07");
        String mine = "items.find { it.repId == '" + rep + "' }";
        assertEquals("A", rewards.getString(mine + ".grade"));
        assertEquals(money("5.00"), rewards.get(mine + ".recommended.salaryAdjustmentPct"));
        assertEquals("RECOMMENDED", rewards.getString(mine + ".status"));
        // the month's commission: 800 x 2% + 200 x 4% + 200 x 6%, and the month reads as closed
        as(TestUsers.diana()).when().get("/api/v1/commissions/" + rep + "?period=2023-07").then().statusCode(200)
                .body("commission", equalTo(money("36.00"))).body("closed", equalTo(true));
    }

    @Test
    void version_two_of_the_rewards_policy_is_in_force_and_drafts_are_checked() {
        as(TestUsers.alice()).when().get("/api/v1/policies/performance.rewards").then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("ACTIVE"))
                .body("content.grades.A.salaryAdjustmentPct", equalTo(5))
                .body("content.grades.A.commissionRatePoints", equalTo(new BigDecimal("0.5")))
                .body("content.grades.C.training", equalTo("WEAKEST_KPI"))
                .body("content.grades.D.improvementPlan", equalTo(true));
        as(TestUsers.alice()).when().get("/api/v1/policies/performance.rewards/versions/1").then().statusCode(200)
                .body("status", equalTo("RETIRED"));
        as(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":{\"grades\":{\"A\":{\"salaryAdjustmentPct\":50,\"commissionRatePoints\":0.5,"
                        + "\"training\":\"NONE\",\"improvementPlan\":false}}},\"rationale\":\"generous\"}")
                .when().post("/api/v1/policies/performance.rewards/drafts")
                .then().statusCode(400).body("violations.field", hasItem("content.grades.A.salaryAdjustmentPct"));
    }

    @Test
    void only_the_director_and_admin_approve_and_bad_input_is_named() {
        close("2048-08");
        String id = rewardOf("2048-08", TestUsers.CINDY_ID);
        for (String token : new String[] { TestUsers.cindy(), TestUsers.wendy(), TestUsers.erin(), TestUsers.fiona() }) {
            as(token).contentType(ContentType.JSON).body("{}").when().post("/api/v1/rewards/" + id + "/approve")
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/rewards/" + id + "/approve").then().statusCode(401);
        as(TestUsers.diana()).contentType(ContentType.JSON).body("{\"salaryAdjustmentPct\":31,\"commissionRatePoints\":-1}")
                .when().post("/api/v1/rewards/" + id + "/approve")
                .then().statusCode(400).body("violations.field", hasItem("salaryAdjustmentPct"))
                .body("violations.field", hasItem("commissionRatePoints"));
        as(TestUsers.diana()).contentType(ContentType.JSON).body("{\"bonus\":1}").when().post("/api/v1/rewards/" + id + "/approve")
                .then().statusCode(400).body("violations.field", hasItem("bonus"));
        as(TestUsers.diana()).contentType(ContentType.JSON).body("{}").when().post("/api/v1/rewards/not-an-id/approve")
                .then().statusCode(400).body("violations.field", hasItem("id"));
        as(TestUsers.diana()).contentType(ContentType.JSON).body("{}").when().post("/api/v1/rewards/" + UUID.randomUUID() + "/approve")
                .then().statusCode(404);
        // finance reads commissions, not rewards
        as(TestUsers.fiona()).when().get("/api/v1/rewards?period=2048-08").then().statusCode(403);
        given().when().get("/api/v1/rewards?period=2048-08").then().statusCode(401);
        as(TestUsers.diana()).when().get("/api/v1/rewards?period=2048-8").then().statusCode(400).body("violations.field", hasItem("period"));
        // the admin approves too; {} approves as recommended
        as(TestUsers.admin()).contentType(ContentType.JSON).body("{}").when().post("/api/v1/rewards/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
    }
}
