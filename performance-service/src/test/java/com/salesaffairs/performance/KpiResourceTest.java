package com.salesaffairs.performance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestTokens;
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
 * KPI facts from order events, end to end: real Kafka in, PostgreSQL, REST out. Every test works
 * in its own month, so the tests do not see each other's orders.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class KpiResourceTest {
    private static final String EAST = "east-1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    @Inject
    EntityManager em;

    /** Money compared as BigDecimal, so 1234.5 would not pass for 1234.50. */
    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).config(RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private static JsonPath repKpi(String token, String repId, String period) {
        return as(token).when().get("/api/v1/kpis/reps/" + repId + "?period=" + period)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Polls the rep's month until the consumer has caught up (or 30 s have passed). */
    private static JsonPath awaitRepKpi(String token, String repId, String period, Predicate<JsonPath> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath kpi = repKpi(token, repId, period);
        while (!done.test(kpi) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            kpi = repKpi(token, repId, period);
        }
        assertTrue(done.test(kpi), "KPI never reached the expected state: " + kpi.prettify());
        return kpi;
    }

    private static Predicate<JsonPath> orders(int count) {
        return k -> k.getInt("orderCount") == count;
    }

    private long inboxRows(String ceId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM inbox_event WHERE ce_id = :id AND consumer = 'rep-kpi'")
                .setParameter("id", UUID.fromString(ceId)).getSingleResult()).longValue());
    }

    @Test
    void no_token_is_401_problem() {
        given().when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2031-01")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().when().get("/api/v1/kpis/teams/east-1?period=2031-01").then().statusCode(401);
    }

    @Test
    void forged_expired_and_foreign_tokens_are_401() {
        for (String token : new String[] {
                TestTokens.user("alice", TestUsers.ALICE_ID).roles("sales-rep").team(EAST, "east").forged().sign(),
                TestTokens.user("alice", TestUsers.ALICE_ID).roles("sales-rep").team(EAST, "east").expired().sign(),
                TestTokens.user("alice", TestUsers.ALICE_ID).roles("sales-rep").team(EAST, "east").audience("other-api").sign(),
                TestTokens.user("alice", TestUsers.ALICE_ID).roles("sales-rep").team(EAST, "east").issuer("https://evil.test/realms/sales").sign() }) {
            given().auth().oauth2(token).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2031-01")
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void finance_and_other_functional_roles_may_not_read_kpis() {
        for (String token : new String[] { TestUsers.fiona(), TestUsers.walt(), TestUsers.paul() }) {
            as(token).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2031-01")
                    .then().statusCode(403).contentType("application/problem+json");
            as(token).when().get("/api/v1/kpis/teams/east-1?period=2031-01").then().statusCode(403);
        }
        // a rep reads their own figures, not the team's
        as(TestUsers.alice()).when().get("/api/v1/kpis/teams/east-1?period=2031-01").then().statusCode(403);
    }

    @Test
    void a_bad_or_missing_period_is_400_naming_period() {
        for (String bad : new String[] { "2031-13", "2031-00", "2031-1", "31-01", "2031-01-01", "January" }) {
            as(TestUsers.alice()).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=" + bad)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("period"));
            as(TestUsers.mike()).when().get("/api/v1/kpis/teams/east-1?period=" + bad)
                    .then().statusCode(400).body("violations.field", hasItem("period"));
        }
        as(TestUsers.alice()).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID)
                .then().statusCode(400).body("violations.field", hasItem("period"));
        as(TestUsers.diana()).when().get("/api/v1/kpis/reps/not-a-user?period=2031-01")
                .then().statusCode(400).body("violations.field", hasItem("repId"));
    }

    @Test
    void the_kpi_event_continues_the_trace_of_the_settlement_that_moved_it() {
        OrderFacts.settledTraced("00-5c1e1f3b9a0d4e7f8a6b2c3d4e5f6a7b-1122334455667788-01", UUID.randomUUID().toString(),
                TestUsers.ALICE_ID, EAST, "east", "10.00", "5.00", "2033-05-10T10:00:00Z");
        EventProbe.Received event = EventProbe.await("sales.performance.events",
                r -> TestUsers.ALICE_ID.equals(r.key()) && "sales.kpi.updated.v1".equals(r.type())
                        && r.value().contains("\"period\":\"2033-05\""),
                Duration.ofSeconds(30));
        String traceparent = event.headers().get("traceparent");
        assertTrue(traceparent.matches("00-5c1e1f3b9a0d4e7f8a6b2c3d4e5f6a7b-[0-9a-f]{16}-01"), traceparent);
    }

    @Test
    void a_settled_order_shows_in_the_reps_month_to_the_cent_and_is_published() throws Exception {
        // 07:30 on 1 February in Shanghai is still January in UTC
        OrderFacts.settled(UUID.randomUUID().toString(), TestUsers.ALICE_ID, EAST, "east", "1234.50", "800.00",
                "2031-01-31T23:30:00Z");

        JsonPath kpi = awaitRepKpi(TestUsers.alice(), TestUsers.ALICE_ID, "2031-01", orders(1));
        assertEquals(TestUsers.ALICE_ID, kpi.getString("repId"));
        assertEquals("2031-01", kpi.getString("period"));
        assertEquals(EAST, kpi.getString("team"));
        assertEquals("east", kpi.getString("region"));
        assertEquals("CNY", kpi.getString("currency"));
        assertEquals(money("1234.50"), kpi.get("salesAmount"));
        assertEquals(money("800.00"), kpi.get("costAmount"));
        assertEquals(money("434.50"), kpi.get("grossMargin"));
        assertEquals(money("35.20"), kpi.get("grossMarginPct"));
        assertEquals(0, kpi.getInt("refundCount"));
        assertTrue(kpi.getString("updatedAt").endsWith("Z"), kpi.getString("updatedAt"));
        assertEquals(0, repKpi(TestUsers.alice(), TestUsers.ALICE_ID, "2031-02").getInt("orderCount"),
                "the order must not leak into February");

        EventProbe.Received event = EventProbe.await("sales.performance.events",
                r -> TestUsers.ALICE_ID.equals(r.key()) && "sales.kpi.updated.v1".equals(r.type())
                        && r.value().contains("\"period\":\"2031-01\""),
                Duration.ofSeconds(30));
        assertEquals("/performance-service", event.headers().get("ce_source"));
        assertEquals(TestUsers.ALICE_ID, event.headers().get("ce_subject"));
        assertEquals("1.0", event.headers().get("ce_specversion"));
        JsonNode payload = JSON.readTree(event.value());
        assertEquals(TestUsers.ALICE_ID, payload.get("repId").asText());
        assertEquals(EAST, payload.get("team").asText());
        assertEquals("east", payload.get("region").asText());
        assertEquals("CNY", payload.get("currency").asText());
        assertEquals(money("1234.50"), payload.get("salesAmount").decimalValue());
        assertEquals(money("800.00"), payload.get("costAmount").decimalValue());
        assertEquals(money("434.50"), payload.get("grossMargin").decimalValue());
        assertEquals(1, payload.get("orderCount").asInt());
        assertEquals(0, payload.get("refundCount").asInt());
        assertTrue(payload.hasNonNull("updatedAt"), event.value());
    }

    @Test
    void the_same_settled_event_delivered_twice_counts_once_and_a_second_order_adds() throws Exception {
        String firstOrder = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        String payload = OrderFacts.settledPayload(firstOrder, TestUsers.ALICE_ID, EAST, "east", "1000.00", "600.00",
                "2031-02-10T10:00:00Z");
        OrderFacts.publish(ceId, "sales.order.settled.v1", firstOrder, payload);
        OrderFacts.publish(ceId, "sales.order.settled.v1", firstOrder, payload);
        // Same key, so same partition: once this one is in the inbox, the redelivery before it was handled too.
        String marker = UUID.randomUUID().toString();
        String ignored = UUID.randomUUID().toString();
        OrderFacts.publish(ignored, "sales.order.shipped.v1", firstOrder, "{\"orderId\":\"" + firstOrder + "\"}");
        OrderFacts.publish(marker, "sales.order.settled.v1", firstOrder, OrderFacts.settledPayload(
                UUID.randomUUID().toString(), TestUsers.ALICE_ID, EAST, "east", "250.25", "100.10", "2031-02-28T23:59:59Z"));

        awaitRepKpi(TestUsers.alice(), TestUsers.ALICE_ID, "2031-02", k -> k.getInt("orderCount") >= 2);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (inboxRows(marker) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(1, inboxRows(marker));
        assertEquals(0, inboxRows(ignored), "an event type performance-service does not use costs no inbox row");
        assertEquals(1, inboxRows(ceId));

        JsonPath kpi = repKpi(TestUsers.alice(), TestUsers.ALICE_ID, "2031-02");
        assertEquals(2, kpi.getInt("orderCount"));
        assertEquals(money("1250.25"), kpi.get("salesAmount"));
        assertEquals(money("700.10"), kpi.get("costAmount"));
        assertEquals(money("550.15"), kpi.get("grossMargin"));
        assertEquals(money("44.00"), kpi.get("grossMarginPct"));
    }

    @Test
    void a_refund_subtracts_from_the_month_it_was_refunded_in() throws Exception {
        String order = UUID.randomUUID().toString();
        OrderFacts.settled(order, TestUsers.ALICE_ID, EAST, "east", "2000.00", "1200.00", "2031-03-31T23:00:00Z");
        OrderFacts.refunded(order, TestUsers.ALICE_ID, EAST, "east", "100.00", "2031-03-31T23:30:00Z");
        JsonPath march = awaitRepKpi(TestUsers.alice(), TestUsers.ALICE_ID, "2031-03",
                k -> k.getInt("orderCount") == 1 && k.getInt("refundCount") == 1);
        assertEquals(money("1900.00"), march.get("salesAmount"));
        assertEquals(money("1200.00"), march.get("costAmount"));
        assertEquals(money("700.00"), march.get("grossMargin"));
        assertEquals(money("36.84"), march.get("grossMarginPct"));

        OrderFacts.refunded(order, TestUsers.ALICE_ID, EAST, "east", "50.00", "2031-04-01T00:00:00Z");
        JsonPath april = awaitRepKpi(TestUsers.alice(), TestUsers.ALICE_ID, "2031-04", k -> k.getInt("refundCount") == 1);
        assertEquals(money("-50.00"), april.get("salesAmount"));
        assertEquals(money("0.00"), april.get("costAmount"));
        assertEquals(0, april.getInt("orderCount"));
        assertNull(april.get("grossMarginPct"));
        assertEquals(money("1900.00"), repKpi(TestUsers.alice(), TestUsers.ALICE_ID, "2031-03").get("salesAmount"),
                "a later month's refund leaves March as it was");
    }

    @Test
    void a_rep_sees_only_their_own_kpis_and_a_manager_only_their_teams() throws Exception {
        OrderFacts.settled(UUID.randomUUID().toString(), TestUsers.ALICE_ID, EAST, "east", "300.00", "120.00",
                "2031-05-15T12:00:00Z");
        awaitRepKpi(TestUsers.alice(), TestUsers.ALICE_ID, "2031-05", orders(1));

        as(TestUsers.alice()).when().get("/api/v1/kpis/reps/" + TestUsers.BOB_ID + "?period=2031-05")
                .then().statusCode(404).contentType("application/problem+json");
        as(TestUsers.bob()).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2031-05").then().statusCode(404);
        as(TestUsers.cindy()).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2031-05").then().statusCode(404);
        as(TestUsers.wendy()).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2031-05")
                .then().statusCode(404).contentType("application/problem+json");

        as(TestUsers.mike()).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2031-05")
                .then().statusCode(200).body("salesAmount", equalTo(money("300.00"))).body("team", equalTo(EAST));
        for (String token : new String[] { TestUsers.diana(), TestUsers.erin(), TestUsers.admin() }) {
            as(token).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2031-05")
                    .then().statusCode(200).body("grossMargin", equalTo(money("180.00")));
        }

        // A month without orders reads as zeros for whoever may see the rep, with the team last seen.
        as(TestUsers.mike()).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2031-11")
                .then().statusCode(200).body("orderCount", equalTo(0)).body("team", equalTo(EAST));
        as(TestUsers.wendy()).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2031-11").then().statusCode(404);
        // A manager cannot place an id with no facts at all in their team.
        as(TestUsers.mike()).when().get("/api/v1/kpis/reps/" + UUID.randomUUID() + "?period=2031-05").then().statusCode(404);
    }

    @Test
    void a_month_without_orders_reads_as_zeros_with_no_margin_percentage() {
        as(TestUsers.alice()).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2030-12")
                .then().statusCode(200)
                .body("repId", equalTo(TestUsers.ALICE_ID)).body("period", equalTo("2030-12"))
                .body("currency", equalTo("CNY"))
                .body("salesAmount", equalTo(money("0.00"))).body("costAmount", equalTo(money("0.00")))
                .body("grossMargin", equalTo(money("0.00"))).body("grossMarginPct", nullValue())
                .body("orderCount", equalTo(0)).body("refundCount", equalTo(0)).body("updatedAt", nullValue());
    }

    @Test
    void a_team_view_sums_its_reps_for_its_manager_and_leaders_only() throws Exception {
        OrderFacts.settled(UUID.randomUUID().toString(), TestUsers.ALICE_ID, EAST, "east", "500.00", "300.00",
                "2031-06-01T00:00:00Z");
        OrderFacts.settled(UUID.randomUUID().toString(), TestUsers.BOB_ID, EAST, "east", "700.00", "350.00",
                "2031-06-30T23:59:59Z");
        OrderFacts.settled(UUID.randomUUID().toString(), TestUsers.CINDY_ID, "west-1", "west", "900.00", "100.00",
                "2031-06-15T00:00:00Z");
        awaitRepKpi(TestUsers.alice(), TestUsers.ALICE_ID, "2031-06", orders(1));
        awaitRepKpi(TestUsers.bob(), TestUsers.BOB_ID, "2031-06", orders(1));
        awaitRepKpi(TestUsers.cindy(), TestUsers.CINDY_ID, "2031-06", orders(1));

        for (String token : new String[] { TestUsers.mike(), TestUsers.diana() }) {
            as(token).when().get("/api/v1/kpis/teams/east-1?period=2031-06")
                    .then().statusCode(200)
                    .body("team", equalTo(EAST)).body("period", equalTo("2031-06")).body("region", equalTo("east"))
                    .body("currency", equalTo("CNY"))
                    .body("salesAmount", equalTo(money("1200.00"))).body("costAmount", equalTo(money("650.00")))
                    .body("grossMargin", equalTo(money("550.00"))).body("grossMarginPct", equalTo(money("45.83")))
                    .body("orderCount", equalTo(2)).body("repCount", equalTo(2))
                    .body("reps[0].repId", equalTo(TestUsers.BOB_ID)).body("reps[0].salesAmount", equalTo(money("700.00")))
                    .body("reps[1].repId", equalTo(TestUsers.ALICE_ID));
        }
        as(TestUsers.wendy()).when().get("/api/v1/kpis/teams/west-1?period=2031-06")
                .then().statusCode(200).body("salesAmount", equalTo(money("900.00"))).body("repCount", equalTo(1));
        as(TestUsers.wendy()).when().get("/api/v1/kpis/teams/east-1?period=2031-06")
                .then().statusCode(404).contentType("application/problem+json");
        as(TestUsers.mike()).when().get("/api/v1/kpis/teams/east-1?period=2031-08")
                .then().statusCode(200).body("repCount", equalTo(0)).body("salesAmount", equalTo(money("0.00")))
                .body("grossMarginPct", nullValue());
    }

    @Test
    void a_settled_event_without_net_amount_goes_to_the_dead_letter_topic_and_counts_nothing() throws Exception {
        String order = UUID.randomUUID().toString();
        String payload = OrderFacts.settledPayload(order, TestUsers.ALICE_ID, EAST, "east", "10.00", "5.00",
                "2031-07-10T10:00:00Z").replaceFirst("\"netAmount\":10\\.00,", "");
        assertTrue(JSON.readTree(payload).path("netAmount").isMissingNode(), payload);
        OrderFacts.publish(UUID.randomUUID().toString(), "sales.order.settled.v1", order, payload);

        EventProbe.Received dead = EventProbe.await("sales.order.events.dlq", r -> order.equals(r.key()),
                Duration.ofSeconds(30));
        assertTrue(dead.headers().getOrDefault("dead-letter-reason", "").contains("netAmount"), dead.headers().toString());
        assertEquals("sales.order.settled.v1", dead.type());
        as(TestUsers.alice()).when().get("/api/v1/kpis/reps/" + TestUsers.ALICE_ID + "?period=2031-07")
                .then().statusCode(200).body("orderCount", equalTo(0));
    }
}
