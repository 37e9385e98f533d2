package com.salesaffairs.reporting.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * The daily totals the trend and the market read (V9, {@code repository/SalesDayFacts}) equal the sums
 * over the facts they stand for, whatever the consumers were given: duplicates in a poll, an order
 * again under another ce_id, a poll delivered again, the per-event way, orders without team, region,
 * channel or category; and a rebuild from the topics reproduces them. Facts are dated in April and May
 * 2017, which no other test uses.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class SalesDayFactsTest {
    private static final String SETTLED = OrderFactsConsumer.SETTLED;
    private static final String ORDER_TOPIC = "sales.order.events";
    private static final String REBUILD = "/api/v1/admin/projections/rebuild";

    @Inject
    OrderFactsConsumer consumer;
    @Inject
    EntityManager em;

    private long offset = 2_000_000;

    @Test
    void the_totals_equal_the_facts_after_duplicates_and_a_redelivered_poll() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String d = UUID.randomUUID().toString();
        String ceA = UUID.randomUUID().toString();
        String ceB = UUID.randomUUID().toString();
        String ceC = UUID.randomUUID().toString();
        // a: east-1, two categories; b: no team, region or channel, a line without category and one
        // 'UNKNOWN' (one order in UNKNOWN); c: the same day and groups as a; d: per event, another day
        String orderA = order(a, TestUsers.ALICE_ID, "\"east-1\"", "\"east\"", "\"DIRECT\"", "2017-04-03T08:00:00Z",
                line("\"TOOLS\"", "60.00", "20.00"), line("\"PARTS\"", "40.10", "10.00"));
        String orderB = order(b, TestUsers.BOB_ID, "null", "null", "null", "2017-04-03T09:00:00Z",
                line("null", "5.00", "1.00"), line("\"UNKNOWN\"", "7.50", "2.50"));
        String orderC = order(c, TestUsers.ALICE_ID, "\"east-1\"", "\"east\"", "\"DIRECT\"", "2017-04-03T10:00:00Z",
                line("\"TOOLS\"", "11.11", "1.00"));
        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        poll.add(record(ceA, a, orderA));
        poll.add(record(ceB, b, orderB));
        poll.add(record(ceA, a, orderA)); // the same event twice in the poll
        poll.add(record(UUID.randomUUID().toString(), a, orderA.replace("60.00", "600.00"))); // a again, another ce_id
        poll.add(record(ceC, c, orderC));
        assertTrue(consumer.applyAll(poll).isEmpty());
        String firstPoll = totals("2017-04-01", "2017-04-30");
        assertTotalsEqualFacts("2017-04-01", "2017-04-30");

        // the whole poll delivered again, then once more with new ce_ids: nothing changes
        assertTrue(consumer.applyAll(poll).isEmpty());
        List<ConsumerRecord<String, String>> copies = new ArrayList<>();
        for (ConsumerRecord<String, String> r : poll) {
            copies.add(record(UUID.randomUUID().toString(), r.key(), r.value()));
        }
        assertTrue(consumer.applyAll(copies).isEmpty());
        assertEquals(firstPoll, totals("2017-04-01", "2017-04-30"));

        // the per-event way (what a failed poll and a rebuild use): the new order adds, a copy does not
        String orderD = order(d, TestUsers.ALICE_ID, "\"east-1\"", "\"east\"", "\"ONLINE\"", "2017-04-04T10:00:00Z",
                line("\"TOOLS\"", "3.00", "1.00"));
        consumer.onEvent(record(UUID.randomUUID().toString(), d, orderD));
        consumer.onEvent(record(UUID.randomUUID().toString(), d, orderD));
        consumer.onEvent(record(UUID.randomUUID().toString(), a, orderA));
        assertTotalsEqualFacts("2017-04-01", "2017-04-30");

        assertEquals(String.join("\n",
                "2017-04-03 CNY east-1 east DIRECT 111.21 31.00 2",
                "2017-04-03 CNY - - - 12.50 3.50 1",
                "2017-04-04 CNY east-1 east ONLINE 3.00 1.00 1"),
                totals("2017-04-01", "2017-04-30"));
        assertEquals(String.join("\n",
                "2017-04-03 CNY east-1 " + TestUsers.ALICE_ID + " 111.21 31.00 2",
                "2017-04-03 CNY - " + TestUsers.BOB_ID + " 12.50 3.50 1",
                "2017-04-04 CNY east-1 " + TestUsers.ALICE_ID + " 3.00 1.00 1"),
                repTotals("2017-04-01", "2017-04-30"));
        assertEquals(String.join("\n",
                "2017-04-03 CNY east-1 PARTS 40.10 10.00 1",
                "2017-04-03 CNY east-1 TOOLS 71.11 21.00 2",
                "2017-04-03 CNY - UNKNOWN 12.50 3.50 1",
                "2017-04-04 CNY east-1 TOOLS 3.00 1.00 1"),
                categoryTotals("2017-04-01", "2017-04-30"));

        // and the reports read them: by category, b counts once in UNKNOWN; the team-less order is UNKNOWN by team
        JsonPath byCategory = trend(TestUsers.diana(), "granularity=day&from=2017-04-03&to=2017-04-03&groupBy=category");
        assertPoint(point(byCategory, "2017-04-03", "UNKNOWN"), "12.50", 1);
        assertPoint(point(byCategory, "2017-04-03", "TOOLS"), "71.11", 2);
        assertPoint(point(byCategory, "2017-04-03", "PARTS"), "40.10", 1);
        JsonPath byTeam = trend(TestUsers.diana(), "granularity=month&from=2017-04-01&to=2017-04-30&groupBy=team");
        assertPoint(point(byTeam, "2017-04", "UNKNOWN"), "12.50", 1);
        assertPoint(point(byTeam, "2017-04", "east-1"), "114.21", 3);
        JsonPath byRep = trend(TestUsers.diana(), "granularity=quarter&from=2017-04-01&to=2017-04-30&groupBy=rep");
        assertPoint(point(byRep, "2017-Q2", TestUsers.ALICE_ID), "114.21", 3);
        assertPoint(point(byRep, "2017-Q2", TestUsers.BOB_ID), "12.50", 1);
        JsonPath byChannel = trend(TestUsers.diana(), "granularity=month&from=2017-04-01&to=2017-04-30&groupBy=channel");
        assertPoint(point(byChannel, "2017-04", "UNKNOWN"), "12.50", 1);
        assertPoint(point(byChannel, "2017-04", "ONLINE"), "3.00", 1);
        // the manager's team (totals filtered by team) and the rep's own (facts by owner) agree
        JsonPath team = trend(TestUsers.mike(), "granularity=month&from=2017-04-01&to=2017-04-30");
        assertPoint(point(team, "2017-04", null), "114.21", 3);
        JsonPath own = trend(TestUsers.alice(), "granularity=month&from=2017-04-01&to=2017-04-30");
        assertPoint(point(own, "2017-04", null), "114.21", 3);
    }

    @Test
    void a_rebuild_from_the_topics_reproduces_the_totals() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String ceA = UUID.randomUUID().toString();
        String orderA = order(a, TestUsers.ALICE_ID, "\"east-1\"", "\"east\"", "\"DIRECT\"", "2017-05-08T08:00:00Z",
                line("\"TOOLS\"", "20.00", "5.00"), line(null, "1.25", "0.25"));
        String orderB = order(b, TestUsers.CINDY_ID, "\"west-1\"", "\"west\"", "null", "2017-05-08T09:00:00Z",
                line("\"PARTS\"", "9.99", "4.00"));
        publish(ceA, SETTLED, a, orderA);
        publish(ceA, SETTLED, a, orderA); // redelivered
        publish(UUID.randomUUID().toString(), SETTLED, a, orderA); // again under another ce_id
        publish(UUID.randomUUID().toString(), SETTLED, b, orderB);
        waitFor(() -> totals("2017-05-01", "2017-05-31"), t -> t.lines().count() == 2 && t.contains(" 1\n")
                && t.endsWith(" 1"), Duration.ofSeconds(30));
        assertTotalsEqualFacts("2017-05-01", "2017-05-31");
        String days = totals("2017-05-01", "2017-05-31");
        String categories = categoryTotals("2017-05-01", "2017-05-31");
        String reps = repTotals("2017-05-01", "2017-05-31");
        assertEquals(String.join("\n",
                "2017-05-08 CNY east-1 east DIRECT 21.25 5.25 1",
                "2017-05-08 CNY west-1 west - 9.99 4.00 1"), days);

        String id = startRebuild();
        JsonPath done = waitFor(() -> given().auth().oauth2(TestUsers.admin()).when().get(REBUILD + "/" + id)
                .then().statusCode(200).extract().jsonPath(), r -> !"RUNNING".equals(r.getString("state")),
                Duration.ofSeconds(120));
        assertEquals("SWAPPED", done.getString("state"), done.prettify());
        assertTrue(done.getList("tables").containsAll(List.of("sales_day_fact", "sales_day_rep_fact", "sales_day_category_fact")),
                done.prettify());

        assertEquals(days, totals("2017-05-01", "2017-05-31"));
        assertEquals(reps, repTotals("2017-05-01", "2017-05-31"));
        assertEquals(categories, categoryTotals("2017-05-01", "2017-05-31"));
        // every day of every test: the rebuilt totals are the rebuilt facts' sums
        assertTotalsEqualFacts("1900-01-01", "2999-12-31");
        // the keys came back as V9 made them
        assertEquals(1L, sql("SELECT COUNT(*) FROM pg_constraint WHERE conname = 'sales_day_fact_key'"
                + " AND conrelid = CAST('public.sales_day_fact' AS regclass)"
                + " AND pg_get_constraintdef(oid) LIKE 'UNIQUE NULLS NOT DISTINCT%'"));
        for (String table : List.of("sales_day_rep_fact", "sales_day_category_fact")) {
            assertEquals(1L, sql("SELECT COUNT(*) FROM pg_constraint WHERE conname = '" + table + "_key'"
                    + " AND conrelid = CAST('public." + table + "' AS regclass)"));
        }

        // live ingest after the swap adds to the swapped-in totals
        String c = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), SETTLED, c, order(c, TestUsers.ALICE_ID, "\"east-1\"",
                "\"east\"", "\"DIRECT\"", "2017-05-08T11:00:00Z", line("\"TOOLS\"", "1.00", "0.50")));
        waitFor(() -> totals("2017-05-01", "2017-05-31"), t -> t.contains("DIRECT 22.25 5.75 2"), Duration.ofSeconds(30));
        assertTotalsEqualFacts("2017-05-01", "2017-05-31");
    }

    // --- the comparison -----------------------------------------------------------------------------

    /** The totals and the facts' sums (as V9 backfilled them) hold the same rows, in all three tables. */
    private void assertTotalsEqualFacts(String from, String to) {
        String window = " BETWEEN CAST('" + from + "' AS date) AND CAST('" + to + "' AS date)";
        List<String[]> pairs = List.of(
                new String[] { "SELECT day, currency, team, region, channel, net, cost, orders FROM sales_day_fact"
                        + " WHERE day" + window,
                        "SELECT settled_on, currency, team, region, channel, SUM(net_amount), SUM(cost_amount), COUNT(*)"
                                + " FROM sales_fact WHERE settled_on" + window + " GROUP BY 1, 2, 3, 4, 5" },
                new String[] { "SELECT day, currency, team, owner_id, net, cost, orders FROM sales_day_rep_fact"
                        + " WHERE day" + window,
                        "SELECT settled_on, currency, team, owner_id, SUM(net_amount), SUM(cost_amount), COUNT(*)"
                                + " FROM sales_fact WHERE settled_on" + window + " GROUP BY 1, 2, 3, 4" },
                new String[] { "SELECT day, currency, team, category, net, cost, orders FROM sales_day_category_fact"
                        + " WHERE day" + window,
                        "SELECT f.settled_on, f.currency, f.team, COALESCE(l.category, 'UNKNOWN'), SUM(l.net), SUM(l.cost),"
                                + " COUNT(DISTINCT f.order_id) FROM sales_fact f JOIN sales_fact_line l ON l.order_id = f.order_id"
                                + " WHERE f.settled_on" + window + " GROUP BY 1, 2, 3, 4" });
        for (String[] pair : pairs) {
            long differences = sql("SELECT COUNT(*) FROM ((" + pair[0] + " EXCEPT ALL " + pair[1] + ") UNION ALL ("
                    + pair[1] + " EXCEPT ALL " + pair[0] + ")) x");
            assertEquals(0L, differences, "totals differ from the facts: " + pair[0]);
        }
        assertFalse(totals(from, to).isEmpty());
    }

    private String totals(String from, String to) {
        return text("SELECT day || ' ' || currency || ' ' || COALESCE(team, '-') || ' ' || COALESCE(region, '-') || ' '"
                + " || COALESCE(channel, '-') || ' ' || net || ' ' || cost || ' ' || orders"
                + " FROM sales_day_fact WHERE day BETWEEN CAST('" + from + "' AS date) AND CAST('" + to + "' AS date)"
                + " ORDER BY day, team NULLS LAST, region, channel");
    }

    private String repTotals(String from, String to) {
        return text("SELECT day || ' ' || currency || ' ' || COALESCE(team, '-') || ' ' || owner_id"
                + " || ' ' || net || ' ' || cost || ' ' || orders FROM sales_day_rep_fact"
                + " WHERE day BETWEEN CAST('" + from + "' AS date) AND CAST('" + to + "' AS date)"
                + " ORDER BY day, team NULLS LAST, owner_id");
    }

    private String categoryTotals(String from, String to) {
        return text("SELECT day || ' ' || currency || ' ' || COALESCE(team, '-') || ' ' || category"
                + " || ' ' || net || ' ' || cost || ' ' || orders FROM sales_day_category_fact"
                + " WHERE day BETWEEN CAST('" + from + "' AS date) AND CAST('" + to + "' AS date)"
                + " ORDER BY day, team NULLS LAST, category");
    }

    /** The rows of a one-column query, one per line. */
    private String text(String query) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery(query).getResultList();
            return String.join("\n", rows.stream().map(String::valueOf).toList());
        });
    }

    private long sql(String query) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }

    // --- events and reports -----------------------------------------------------------------------

    private static String order(String orderId, String owner, String team, String region, String channel,
            String settledAt, String... lines) {
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (String l : lines) {
            net = net.add(new BigDecimal(l.replaceAll(".*\"netAmount\":([0-9.]+).*", "$1")));
            cost = cost.add(new BigDecimal(l.replaceAll(".*\"costAmount\":([0-9.]+).*", "$1")));
        }
        return "{\"orderId\":\"" + orderId + "\",\"orderNumber\":\"SO-2017-000001\",\"customerId\":\"" + UUID.randomUUID()
                + "\",\"customerName\":\"Test Customer\",\"ownerId\":\"" + owner + "\",\"team\":" + team + ",\"region\":"
                + region + ",\"channel\":" + channel + ",\"currency\":\"CNY\",\"netAmount\":" + net.toPlainString()
                + ",\"costAmount\":" + cost.toPlainString() + ",\"settledAt\":\"" + settledAt + "\",\"lines\":["
                + String.join(",", lines) + "]}";
    }

    /** A line; category is JSON ("\"TOOLS\"", "null") or null for none at all. */
    private static String line(String category, String net, String cost) {
        return "{\"sku\":\"SKU-1\"," + (category == null ? "" : "\"category\":" + category + ",")
                + "\"quantity\":1,\"netAmount\":" + net + ",\"costAmount\":" + cost + "}";
    }

    private ConsumerRecord<String, String> record(String ceId, String orderId, String payload) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>(ORDER_TOPIC, 0, offset++, orderId, payload);
        EventProbe.cloudEventHeaders(ceId, "/order-service", SETTLED, orderId)
                .forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return r;
    }

    private static JsonPath trend(String token, String query) {
        String body = given().auth().oauth2(token).when().get("/api/v1/reports/sales-trend?" + query)
                .then().statusCode(200).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static Map<String, Object> point(JsonPath trend, String period, String group) {
        List<Map<String, Object>> points = trend.getList("points");
        return points.stream().filter(p -> period.equals(p.get("period")) && Objects.equals(group, p.get("group")))
                .findFirst().orElseThrow(() -> new AssertionError("no point " + period + "/" + group + " in " + trend.prettify()));
    }

    private static void assertPoint(Map<String, Object> point, String net, long orders) {
        assertEquals(0, new BigDecimal(net).compareTo(new BigDecimal(point.get("netAmount").toString())), point.toString());
        assertEquals(orders, ((Number) point.get("orders")).longValue(), point.toString());
    }

    /** Publishes an order event as order-service does, for the live consumer (and a rebuild) to read. */
    private static void publish(String ceId, String type, String orderId, String payload) {
        EventProbe.publish(ORDER_TOPIC, orderId, EventProbe.cloudEventHeaders(ceId, "/order-service", type, orderId), payload);
    }

    /** Starts a rebuild, waiting out one another test may have left running. */
    private static String startRebuild() {
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

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
