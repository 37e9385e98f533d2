package com.salesaffairs.performance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

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
 * Commission statements from revenue entries and targets written straight into the tables (the consumers and
 * target endpoints are tested elsewhere). Each test works in its own months of 2047.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class CommissionResourceTest {
    private static final String EAST = "east-1";

    @Inject
    EntityManager em;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).config(RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private static JsonPath statement(String token, String repId, String period) {
        return as(token).when().get("/api/v1/commissions/" + repId + "?period=" + period)
                .then().statusCode(200).extract().jsonPath();
    }

    private void entry(String kind, UUID orderId, String rep, String team, String amount, String at) {
        String period = at.substring(0, 7);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO revenue_entry (event_id, kind, order_id, order_number, refund_id, customer_id, rep_id, team,
                    region, amount, cost_amount, occurred_at, period, booked_period, recorded_at)
                VALUES (:id, :kind, :order, :number, :refund, NULL, :rep, :team, 'east', :amount, 0, :at, :period, :period, now())""")
                .setParameter("id", UUID.randomUUID()).setParameter("kind", kind).setParameter("order", orderId)
                .setParameter("number", "SO-" + orderId.toString().substring(0, 8))
                .setParameter("refund", "REFUND".equals(kind) ? UUID.randomUUID() : null)
                .setParameter("rep", rep).setParameter("team", team)
                .setParameter("amount", "REFUND".equals(kind) ? money(amount).negate() : money(amount))
                .setParameter("at", Instant.parse(at)).setParameter("period", period).executeUpdate());
    }

    private UUID settled(String rep, String amount, String at) {
        UUID order = UUID.randomUUID();
        entry("SETTLED", order, rep, EAST, amount, at);
        return order;
    }

    private void repTarget(String rep, String month, String amount) {
        QuarkusTransaction.requiringNew().run(() -> {
            UUID id = UUID.randomUUID();
            em.createNativeQuery("""
                    INSERT INTO sales_target (id, level, subject, team, region, period_kind, period, currency, amount, set_by,
                        version, created_at, updated_at)
                    VALUES (:id, 'REP', :rep, :team, 'east', 'MONTH', :month, 'CNY', :amount, 'test', 1, now(), now())""")
                    .setParameter("id", id).setParameter("rep", rep).setParameter("team", EAST).setParameter("month", month)
                    .setParameter("amount", money(amount)).executeUpdate();
            em.createNativeQuery("INSERT INTO sales_target_month (target_id, month, amount) VALUES (:id, :month, :amount)")
                    .setParameter("id", id).setParameter("month", month).setParameter("amount", money(amount)).executeUpdate();
        });
    }

    @Test
    void orders_go_through_the_bands_a_same_month_refund_recomputes_and_a_later_refund_is_clawed_back() {
        String rep = TestUsers.ALICE_ID;
        repTarget(rep, "2047-03", "100000.00");
        UUID a = settled(rep, "50000.00", "2047-03-05T10:00:00Z");
        settled(rep, "40000.00", "2047-03-10T10:00:00Z");
        UUID refunded = settled(rep, "5000.00", "2047-03-12T10:00:00Z");
        entry("REFUND", refunded, rep, EAST, "5000.00", "2047-03-15T10:00:00Z");
        settled(rep, "30000.00", "2047-03-20T10:00:00Z");

        JsonPath march = statement(TestUsers.alice(), rep, "2047-03");
        assertEquals(2, march.getInt("policyVersion"));
        assertEquals("performance.commission", march.getString("policyKey"));
        assertEquals(money("100000.00"), march.get("target"));
        assertEquals(money("120000.00"), march.get("revenue"));
        assertEquals(money("120.00"), march.get("attainmentPct"));
        assertEquals(4, march.getList("orders").size());
        assertEquals(money("1000.00"), march.get("orders[0].commission"));
        assertEquals(money("1000.00"), march.get("orders[1].commission"));
        assertEquals(money("0.00"), march.get("orders[2].netAmount"));
        assertEquals(money("0.00"), march.get("orders[2].commission"));
        assertEquals(money("1600.00"), march.get("orders[3].commission"));
        assertEquals(money("3600.00"), march.get("commission"));
        assertEquals(money("800.00"), march.get("bands[1].commission"));
        assertNull(march.get("rateBonus"));
        assertFalse(march.getBoolean("closed"));

        // April: a quarter of order a refunded; claws back what 12,500 added to March: March with a at 37,500 is
        // 80,000 x 2% + 20,000 x 4% + 7,500 x 6% = 2,850.00, so 3,600.00 - 2,850.00 (not 12,500 / 50,000 x 1,000.00)
        entry("REFUND", a, rep, EAST, "12500.00", "2047-04-02T09:00:00Z");
        JsonPath april = statement(TestUsers.alice(), rep, "2047-04");
        assertEquals(money("750.00"), april.get("clawbackTotal"));
        assertEquals(money("-750.00"), april.get("commission"));
        assertEquals("2047-03", april.getString("clawbacks[0].orderPeriod"));
        assertEquals(money("50000.00"), april.get("clawbacks[0].orderNetAmount"));
        assertEquals(money("1000.00"), april.get("clawbacks[0].orderCommission"));
        assertEquals(money("0.00"), april.get("clawbacks[0].refundedBefore"));
        assertEquals(money("3600.00"), april.get("clawbacks[0].monthCommissionBefore"));
        assertEquals(money("2850.00"), april.get("clawbacks[0].monthCommissionAfter"));
        // May: the rest of a; March without a is 70,000 x 2% = 1,400.00: together March keeps exactly that
        entry("REFUND", a, rep, EAST, "37500.00", "2047-05-02T09:00:00Z");
        JsonPath may = statement(TestUsers.alice(), rep, "2047-05");
        assertEquals(money("12500.00"), may.get("clawbacks[0].refundedBefore"));
        assertEquals(money("2850.00"), may.get("clawbacks[0].monthCommissionBefore"));
        assertEquals(money("1400.00"), may.get("clawbacks[0].monthCommissionAfter"));
        assertEquals(money("1450.00"), may.get("clawbackTotal"));
        assertEquals("FIRST_TIER", april.getString("withoutTarget"));
        // March itself is unchanged by April's refund
        assertEquals(money("3600.00"), statement(TestUsers.diana(), rep, "2047-03").get("commission"));
    }

    @Test
    void a_rep_reads_their_own_a_manager_their_team_director_executive_and_finance_all() {
        String rep = TestUsers.BOB_ID;
        settled(rep, "1000.00", "2047-07-03T10:00:00Z");
        for (String token : new String[] { TestUsers.bob(), TestUsers.mike(), TestUsers.diana(), TestUsers.erin(),
                TestUsers.fiona(), TestUsers.admin() }) {
            as(token).when().get("/api/v1/commissions/" + rep + "?period=2047-07")
                    .then().statusCode(200).body("commission", equalTo(money("20.00")))
                    .body("team", equalTo(EAST)).body("orders.size()", equalTo(1));
        }
        // a teammate and another team's manager: as if it did not exist
        as(TestUsers.alice()).when().get("/api/v1/commissions/" + rep + "?period=2047-07").then().statusCode(404)
                .contentType("application/problem+json");
        as(TestUsers.wendy()).when().get("/api/v1/commissions/" + rep + "?period=2047-07").then().statusCode(404);
        // a manager knows a rep only from their revenue; the director sees zeros for anyone
        String stranger = UUID.randomUUID().toString();
        as(TestUsers.mike()).when().get("/api/v1/commissions/" + stranger + "?period=2047-07").then().statusCode(404);
        as(TestUsers.diana()).when().get("/api/v1/commissions/" + stranger + "?period=2047-07").then().statusCode(200)
                .body("commission", equalTo(money("0.00"))).body("orders.size()", equalTo(0));
    }

    @Test
    void version_two_of_the_commission_policy_is_in_force_and_drafts_are_checked() {
        as(TestUsers.alice()).when().get("/api/v1/policies/performance.commission").then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("ACTIVE"))
                .body("content.tiers[1].fromAttainment", equalTo(80))
                .body("content.tiers[2].rate", equalTo(new BigDecimal("0.06")))
                .body("content.clawback", equalTo("REFUND_PERIOD"));
        as(TestUsers.alice()).when().get("/api/v1/policies/performance.commission/versions/1").then().statusCode(200)
                .body("status", equalTo("RETIRED"));
        as(TestUsers.paul()).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"content\":{\"tiers\":[{\"fromAttainment\":0,\"rate\":0.05},{\"fromAttainment\":100,\"rate\":0.03}],"
                        + "\"basis\":\"SETTLED\",\"clawback\":\"REFUND_PERIOD\"},\"rationale\":\"lower the accelerator\"}")
                .when().post("/api/v1/policies/performance.commission/drafts")
                .then().statusCode(400).body("violations.field", hasItem("content.tiers[1].rate"));
    }

    @Test
    void other_roles_are_403_no_token_401_and_bad_input_400() {
        for (String token : new String[] { TestUsers.walt(), TestUsers.paul(), TestUsers.sam() }) {
            as(token).when().get("/api/v1/commissions/" + TestUsers.ALICE_ID + "?period=2047-08").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().when().get("/api/v1/commissions/" + TestUsers.ALICE_ID + "?period=2047-08").then().statusCode(401);
        as(TestUsers.alice()).when().get("/api/v1/commissions/" + TestUsers.ALICE_ID + "?period=2047-13").then().statusCode(400)
                .body("violations.field", hasItem("period"));
        as(TestUsers.alice()).when().get("/api/v1/commissions/" + TestUsers.ALICE_ID).then().statusCode(400)
                .body("violations.field", hasItem("period"));
        as(TestUsers.diana()).when().get("/api/v1/commissions/someone?period=2047-08").then().statusCode(400)
                .body("violations.field", hasItem("repId"));
    }
}
