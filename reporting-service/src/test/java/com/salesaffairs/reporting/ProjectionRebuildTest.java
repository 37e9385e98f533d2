package com.salesaffairs.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;

import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;
import com.salesaffairs.reporting.messaging.OrderFactsConsumer;
import com.salesaffairs.reporting.service.ProjectionRebuildService;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * The read-model rebuild: facts in through Kafka, read models damaged behind the consumers' back,
 * rebuilt from the topics and swapped in with the same figures; the old tables serve while it runs;
 * one rebuild at a time; admins only. Facts are dated in February and March 2019, which no other test uses.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class ProjectionRebuildTest {
    private static final String SETTLED = "sales.order.settled.v1";
    private static final String REFUNDED = "sales.order.refunded.v1";
    private static final String REBUILD = "/api/v1/admin/projections/rebuild";
    private static final String DAYS = "from=2019-02-01&to=2019-02-28";

    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;
    @Inject
    ProjectionRebuildService rebuilds;
    @Inject
    OrderFactsConsumer orderConsumer;

    @AfterEach
    void noHook() {
        rebuilds.beforeCatchUp(null);
    }

    @Test
    void onlyAdminsRebuildOrSeeRebuilds() {
        given().when().post(REBUILD).then().statusCode(401);
        given().when().get(REBUILD).then().statusCode(401);
        for (String token : List.of(TestUsers.mike(), TestUsers.diana(), TestUsers.erin(), TestUsers.dora(),
                TestUsers.alice(), TestUsers.paul())) {
            given().auth().oauth2(token).when().post(REBUILD).then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).when().get(REBUILD).then().statusCode(403);
            given().auth().oauth2(token).when().get(REBUILD + "/" + UUID.randomUUID()).then().statusCode(403);
        }
        given().auth().oauth2(TestUsers.admin()).when().get(REBUILD + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestUsers.admin()).when().get(REBUILD + "/not-a-uuid").then().statusCode(400)
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void rebuildRestoresDamagedReadModelsWhileTheOldOnesServe() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String caseX = UUID.randomUUID().toString();
        String caseY = UUID.randomUUID().toString();
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, a,
                Facts.settled(a, "east-1", "2019-02-04T09:00:00Z", "1200.50", "700.25"));
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, b,
                Facts.settled(b, "west-1", "2019-02-05T10:00:00Z", "800.00", "500.00"));
        String bCopy = UUID.randomUUID().toString(); // the same fact under another ce_id: must still count once
        Facts.publishOrderEvent(bCopy, SETTLED, b, Facts.settled(b, "west-1", "2019-02-05T10:00:00Z", "800.00", "500.00"));
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, c,
                Facts.settled(c, "east-1", "2019-02-11T10:00:00Z", "99.99", "40.00"));
        Facts.publishOrderEvent(UUID.randomUUID().toString(), REFUNDED, a,
                Facts.refunded(a, "east-1", "2019-02-06T08:00:00Z", "200.50"));
        Facts.publishFeedback(UUID.randomUUID().toString(), caseX,
                Facts.feedback(caseX, "east-1", "2019-02-07T08:00:00Z", "DELIVERY", "HIGH"));
        Facts.publishFeedback(UUID.randomUUID().toString(), caseY,
                Facts.feedback(caseY, "east-1", "2019-02-08T08:00:00Z", "BILLING", "LOW"));
        // a V4 read model with a foreign key (target_month_fact -> target_fact), versions out of order
        String target = UUID.randomUUID().toString();
        ReadModelEvents.performanceEvent("sales.target.approved.v1", target, ReadModelEvents.target(target, "TEAM",
                "rebuild-east", "rebuild-east", "2013-Q3", "QUARTER", "3300.50", "[{\"month\":\"2013-07\",\"amount\":1000.00},"
                        + "{\"month\":\"2013-08\",\"amount\":1100.25},{\"month\":\"2013-09\",\"amount\":1200.25}]",
                2, "2013-06-20T01:00:00Z"));
        String oldTarget = ReadModelEvents.performanceEvent("sales.target.approved.v1", target, ReadModelEvents.target(target,
                "TEAM", "rebuild-east", "rebuild-east", "2013-Q3", "QUARTER", "2400.00",
                "[{\"month\":\"2013-07\",\"amount\":800.00}]", 1, "2013-06-10T01:00:00Z"));
        ReadModelEvents.awaitApplied(em, oldTarget, "performance-read-model");
        String targetSql = "SELECT t.version || ' ' || t.amount || ' ' || string_agg(m.month || '=' || m.amount, ',' ORDER BY m.month)"
                + " FROM target_fact t JOIN target_month_fact m ON m.target_id = t.target_id"
                + " WHERE t.target_id = '" + target + "' GROUP BY t.version, t.amount";
        assertEquals("2 3300.50 2013-07=1000.00,2013-08=1100.25,2013-09=1200.25", text(targetSql));

        String expectedTrend = waitFor(() -> trend("month"), t -> t.contains("\"orders\":3"), Duration.ofSeconds(30));
        waitFor(() -> sql("SELECT COUNT(*) FROM refund_fact WHERE order_id = '" + a + "'"), n -> n == 1,
                Duration.ofSeconds(30));
        expectedTrend = trend("month");
        String expectedDays = trend("day");
        String expectedAftersales = waitFor(this::aftersales, s -> s.contains("\"feedbackCount\":2"),
                Duration.ofSeconds(30));
        assertTrue(expectedTrend.contains("\"netAmount\":1899.99"), expectedTrend); // 1200.50 + 800 + 99.99 - 200.50

        try (Connection connection = dataSource.getConnection();
                PreparedStatement sums = connection.prepareStatement(
                        "SELECT COUNT(*), SUM(net_amount) FROM sales_fact WHERE settled_on BETWEEN ? AND ?")) {
            // pgjdbc switches to a named server-side statement after 5 executions: the cached plan the swap must not fool
            for (int i = 0; i < 6; i++) {
                assertEquals("3 2100.49", sums(sums));
            }
            assertTrue(sums.unwrap(PGStatement.class).isUseServerPrepare());

            // damage the read models behind the consumers' back
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("DELETE FROM sales_fact_line WHERE order_id = CAST(:a AS uuid)").setParameter("a", a)
                        .executeUpdate();
                em.createNativeQuery("DELETE FROM sales_fact WHERE order_id = CAST(:a AS uuid)").setParameter("a", a)
                        .executeUpdate();
                em.createNativeQuery("UPDATE sales_fact SET net_amount = 1 WHERE order_id = CAST(:b AS uuid)")
                        .setParameter("b", b).executeUpdate();
                em.createNativeQuery("DELETE FROM refund_fact WHERE order_id = CAST(:a AS uuid)").setParameter("a", a)
                        .executeUpdate();
                em.createNativeQuery("DELETE FROM feedback_fact WHERE case_id = CAST(:x AS uuid)").setParameter("x", caseX)
                        .executeUpdate();
                em.createNativeQuery("DELETE FROM target_fact WHERE target_id = CAST(:t AS uuid)").setParameter("t", target)
                        .executeUpdate(); // and its months, ON DELETE CASCADE
            });
            String damaged = trend("month");
            assertNotEquals(expectedTrend, damaged);
            assertNotEquals(expectedAftersales, aftersales());
            assertEquals("2 100.99", sums(sums));
            assertEquals(null, text(targetSql));

            // hold the rebuild after its replay, before the catch-up, while the test acts
            CountDownLatch replayed = new CountDownLatch(1);
            CountDownLatch proceed = new CountDownLatch(1);
            rebuilds.beforeCatchUp(() -> {
                replayed.countDown();
                try {
                    proceed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            JsonPath started = given().auth().oauth2(TestUsers.admin()).when().post(REBUILD).then().statusCode(202)
                    .header("Location", containsString(REBUILD + "/"))
                    .body("state", equalTo("RUNNING")).extract().jsonPath();
            String id = started.getString("id");
            try {
                assertTrue(replayed.await(120, TimeUnit.SECONDS), "the rebuild never finished its replay");
                // one at a time
                given().auth().oauth2(TestUsers.admin()).when().post(REBUILD).then().statusCode(409)
                        .contentType("application/problem+json").body("rule", equalTo("projection-rebuild.one-at-a-time"));
                JsonPath running = given().auth().oauth2(TestUsers.admin()).when().get(REBUILD).then().statusCode(200)
                        .body("id", equalTo(id)).body("state", equalTo("RUNNING")).body("phase", equalTo("REPLAYING"))
                        .body("channels", hasItems("order-events", "aftersales-events", "opportunity-events",
                                "performance-events"))
                        .body("tables", hasItems("sales_fact", "sales_fact_line", "refund_fact", "feedback_fact",
                                "customer_fact", "opportunity_fact", "opportunity_stage_fact", "case_fact", "survey_fact",
                                "target_fact", "target_month_fact", "kpi_fact"))
                        .extract().jsonPath();
                assertTrue(running.getLong("eventsRead") >= 7, running.prettify());
                List<Map<String, Object>> partitions = running.getList("partitions");
                assertTrue(partitions.stream().anyMatch(p -> Facts.ORDER_TOPIC.equals(p.get("topic"))), running.prettify());
                for (Map<String, Object> p : partitions) {
                    assertTrue(((Number) p.get("position")).longValue() >= ((Number) p.get("endOffset")).longValue(),
                            "the replay read to the end offsets it started with: " + p);
                }

                // the old (damaged) tables still serve, and take a live event published during the rebuild
                assertEquals(damaged, trend("month"));
                String d = UUID.randomUUID().toString();
                Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, d,
                        Facts.settled(d, "west-1", "2019-02-12T10:00:00Z", "10.00", "4.00"));
                waitFor(() -> sql("SELECT COUNT(*) FROM sales_fact WHERE order_id = '" + d + "'"), n -> n == 1,
                        Duration.ofSeconds(30));
            } finally {
                proceed.countDown();
            }

            JsonPath done = waitForJson(() -> given().auth().oauth2(TestUsers.admin()).when().get(REBUILD + "/" + id)
                    .then().statusCode(200).extract().jsonPath(), r -> !"RUNNING".equals(r.getString("state")),
                    Duration.ofSeconds(120));
            assertEquals("SWAPPED", done.getString("state"), done.prettify());
            assertEquals("DONE", done.getString("phase"));

            // every figure back to the cent, plus the order settled during the rebuild, counted once
            List<Map<String, Object>> before = exact(expectedDays).getList("points");
            List<Map<String, Object>> after = exact(trend("day")).getList("points");
            assertEquals(before.size(), after.size());
            for (int i = 0; i < before.size(); i++) {
                if ("2019-02-12".equals(after.get(i).get("period"))) {
                    Map<String, Object> d12 = after.get(i);
                    assertEquals("10.00 4.00 6.00 1", money(d12.get("netAmount")) + " " + money(d12.get("costAmount"))
                            + " " + money(d12.get("grossMargin")) + " " + d12.get("orders"), d12.toString());
                } else {
                    assertEquals(before.get(i), after.get(i));
                }
            }
            assertTrue(trend("month").contains("\"netAmount\":1909.99"), trend("month"));
            assertEquals(expectedAftersales, aftersales());
            assertEquals("2 3300.50 2013-07=1000.00,2013-08=1100.25,2013-09=1200.25", text(targetSql));
            // the prepared statement planned against the old table now reads the new one
            assertEquals("4 2110.49", sums(sums));
        }

        // the new tables look exactly as Flyway made them: same index, key and foreign-key names
        assertEquals(1, sql("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname = 'sales_fact_day_team'"));
        assertEquals(1, sql("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname = 'sales_fact_pkey'"));
        assertEquals(1, sql("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname = 'sales_fact_owner_day'"));
        assertEquals(1, sql("SELECT COUNT(*) FROM pg_constraint WHERE conname = 'sales_fact_line_order_id_fkey'"
                + " AND confrelid = CAST('public.sales_fact' AS regclass)"));
        assertEquals(0, sql("SELECT COUNT(*) FROM pg_namespace WHERE nspname IN ('read_model_rebuild', 'read_model_retired')"));

        // live consumption goes on after the swap
        String e = UUID.randomUUID().toString();
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, e,
                Facts.settled(e, "east-1", "2019-02-13T10:00:00Z", "5.00", "1.00"));
        waitFor(() -> trend("month"), t -> t.contains("\"netAmount\":1914.99"), Duration.ofSeconds(30));
    }

    @Test
    void aLiveConsumerBehindTheSwapAcknowledgesWhatTheRebuildAlreadyApplied() throws Exception {
        String warm = UUID.randomUUID().toString();
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, warm,
                Facts.settled(warm, "east-1", "2019-03-20T10:00:00Z", "1.00", "0.50"));
        waitFor(() -> sql("SELECT COUNT(*) FROM sales_fact WHERE order_id = '" + warm + "'"), n -> n == 1,
                Duration.ofSeconds(30));
        String id = waitForStart();
        JsonPath done = waitForJson(() -> given().auth().oauth2(TestUsers.admin()).when().get(REBUILD + "/" + id)
                .then().statusCode(200).extract().jsonPath(), r -> !"RUNNING".equals(r.getString("state")),
                Duration.ofSeconds(120));
        assertEquals("SWAPPED", done.getString("state"), done.prettify());
        // the partition that holds the warm-up order, at least
        int partition = (int) sql("SELECT partition_no FROM projection_watermark WHERE topic = 'sales.order.events'"
                + " ORDER BY applied_before DESC, partition_no LIMIT 1");
        long watermark = sql("SELECT applied_before FROM projection_watermark WHERE topic = 'sales.order.events'"
                + " AND partition_no = " + partition);
        assertTrue(watermark > 0);

        // a record below the watermark (as a consumer that lagged behind the swap sees it) is acknowledged, not applied
        String below = UUID.randomUUID().toString();
        orderConsumer.onEvent(record(partition, watermark - 1, below, "2019-03-21T10:00:00Z"));
        assertEquals(0, sql("SELECT COUNT(*) FROM sales_fact WHERE order_id = '" + below + "'"));
        // at or above it, it is applied as ever
        String above = UUID.randomUUID().toString();
        orderConsumer.onEvent(record(partition, watermark + 1_000_000, above, "2019-03-21T10:00:00Z"));
        assertEquals(1, sql("SELECT COUNT(*) FROM sales_fact WHERE order_id = '" + above + "'"));
    }

    private static ConsumerRecord<String, String> record(int partition, long offset, String orderId, String settledAt) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Facts.ORDER_TOPIC, partition, offset, orderId,
                Facts.settled(orderId, "east-1", settledAt, "3.00", "1.00"));
        EventProbe.cloudEventHeaders(UUID.randomUUID().toString(), "/order-service", SETTLED, orderId)
                .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return record;
    }

    /** Starts a rebuild, waiting out one another test may have left running. */
    private static String waitForStart() {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            var response = given().auth().oauth2(TestUsers.admin()).when().post(REBUILD).then().extract();
            if (response.statusCode() == 202 || System.nanoTime() > deadline) {
                assertEquals(202, response.statusCode(), response.asString());
                return response.jsonPath().getString("id");
            }
            sleep();
        }
    }

    private static String sums(PreparedStatement sums) throws Exception {
        sums.setObject(1, java.time.LocalDate.parse("2019-02-01"));
        sums.setObject(2, java.time.LocalDate.parse("2019-02-12"));
        try (ResultSet rs = sums.executeQuery()) {
            rs.next();
            BigDecimal sum = rs.getBigDecimal(2);
            return rs.getLong(1) + " " + (sum == null ? "0" : sum.toPlainString());
        }
    }

    /** Numbers as BigDecimal, so that 0.10 and 0.1 are told apart. */
    private static JsonPath exact(String json) {
        return new JsonPath(json).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static String money(Object amount) {
        return new BigDecimal(amount.toString()).setScale(2).toPlainString();
    }

    private static String trend(String granularity) {
        return given().auth().oauth2(TestUsers.diana()).when()
                .get("/api/v1/reports/sales-trend?granularity=" + granularity + "&" + DAYS)
                .then().statusCode(200).extract().asString();
    }

    private String aftersales() {
        return given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/reports/aftersales?" + DAYS)
                .then().statusCode(200).extract().asString();
    }

    private long sql(String query) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }

    private String text(String query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(query).getResultList();
            return rows.isEmpty() ? null : (String) rows.get(0);
        });
    }

    private static <T> T waitFor(Supplier<T> probe, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            sleep();
            value = probe.get();
        }
        assertTrue(done.test(value), "gave up waiting; last: " + value);
        return value;
    }

    private static JsonPath waitForJson(Supplier<JsonPath> probe, Predicate<JsonPath> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonPath value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            sleep();
            value = probe.get();
        }
        assertTrue(done.test(value), "gave up waiting; last: " + value.prettify());
        return value;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
