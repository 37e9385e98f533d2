package com.salesaffairs.reporting;

import static com.salesaffairs.reporting.Facts.eventually;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestTokens;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/** Each test settles its orders on its own days in 2020, so tests never count each other's facts. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class SalesTrendReportTest {
    private static final String SETTLED = "sales.order.settled.v1";
    private static final String REFUNDED = "sales.order.refunded.v1";

    @Inject
    EntityManager em;

    private static JsonPath trend(String token, String query) {
        String body = given().auth().oauth2(token).when().get("/api/v1/reports/sales-trend?" + query)
                .then().statusCode(200).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static List<Map<String, Object>> points(JsonPath trend) {
        return trend.getList("points");
    }

    private static Map<String, Object> point(JsonPath trend, String period, String group) {
        return points(trend).stream().filter(p -> period.equals(p.get("period")) && Objects.equals(group, p.get("group")))
                .findFirst().orElseThrow(() -> new AssertionError("no point " + period + "/" + group + " in " + trend.prettify()));
    }

    private static long orders(JsonPath trend) {
        return points(trend).stream().mapToLong(p -> ((Number) p.get("orders")).longValue()).sum();
    }

    /** Asserts net, cost, gross margin to the cent, and the order count. */
    private static void assertPoint(Map<String, Object> point, String net, String cost, String margin, long orders) {
        assertMoney(net, point.get("netAmount"), point);
        assertMoney(cost, point.get("costAmount"), point);
        assertMoney(margin, point.get("grossMargin"), point);
        assertEquals(orders, ((Number) point.get("orders")).longValue(), point.toString());
    }

    private static void assertMoney(String expected, Object actual, Object context) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())),
                "expected " + expected + " but was " + actual + " in " + context);
    }

    private long inboxRows(String ceId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM inbox_event WHERE ce_id = :id")
                .setParameter("id", UUID.fromString(ceId)).getSingleResult()).longValue());
    }

    private long lineRows(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM sales_fact_line WHERE order_id = :id")
                .setParameter("id", UUID.fromString(orderId)).getSingleResult()).longValue());
    }

    @Test
    void no_token_is_401_problem() {
        given().when().get("/api/v1/reports/sales-trend?from=2020-01-01&to=2020-01-31")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().when().get("/api/v1/reports/aftersales?from=2020-01-01&to=2020-01-31")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void forged_and_expired_tokens_are_401() {
        for (String token : new String[] {
                TestTokens.user("diana", TestUsers.DIANA_ID).roles("sales-director").forged().sign(),
                TestTokens.user("diana", TestUsers.DIANA_ID).roles("sales-director").expired().sign(),
                TestTokens.user("diana", TestUsers.DIANA_ID).roles("sales-director").audience("other-api").sign() }) {
            given().auth().oauth2(token).when().get("/api/v1/reports/sales-trend?from=2020-01-01&to=2020-01-31")
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void functional_roles_may_not_read_sales_reports() {
        for (String token : new String[] { TestUsers.fiona(), TestUsers.walt(), TestUsers.sam(), TestUsers.paul() }) {
            given().auth().oauth2(token).when().get("/api/v1/reports/sales-trend?from=2020-01-01&to=2020-01-31")
                    .then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).when().get("/api/v1/reports/aftersales?from=2020-01-01&to=2020-01-31")
                    .then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void bad_parameters_are_400_naming_the_field() {
        String base = "/api/v1/reports/sales-trend?";
        given().auth().oauth2(TestUsers.diana()).when().get(base + "to=2020-01-31")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("from"));
        given().auth().oauth2(TestUsers.diana()).when().get(base + "granularity=year&from=2020-01-01&to=2020-01-31")
                .then().statusCode(400).body("violations.field", hasItem("granularity"));
        given().auth().oauth2(TestUsers.diana()).when().get(base + "from=2020-02-01&to=2020-01-31")
                .then().statusCode(400).body("violations.field", hasItem("to"));
        given().auth().oauth2(TestUsers.diana()).when().get(base + "granularity=day&from=2020-01-01&to=2021-01-01")
                .then().statusCode(400).body("violations.field", hasItem("to"));
        given().auth().oauth2(TestUsers.diana()).when().get(base + "from=2020-02-30&to=2020-03-01&groupBy=customer")
                .then().statusCode(400).body("violations.field", hasItem("from")).body("violations.field", hasItem("groupBy"));
        given().auth().oauth2(TestUsers.diana()).when().get(base + "from=2020-01-01&to=2020-01-31&currency=yuan")
                .then().statusCode(400).body("violations.field", hasItem("currency"));
        given().auth().oauth2(TestUsers.diana()).when().get(base + "from=2020-01-01&to=2020-01-31&groupBy=rep&granularity=fortnight")
                .then().statusCode(400).body("violations.field", hasItem("granularity"))
                .body("violations.field", org.hamcrest.Matchers.not(hasItem("groupBy")));
        // A leap year of days is allowed, and five years (two leap days: 1827 days) of weeks, months and quarters.
        given().auth().oauth2(TestUsers.diana()).when().get(base + "granularity=day&from=2020-01-01&to=2020-12-31")
                .then().statusCode(200);
        given().auth().oauth2(TestUsers.diana()).when().get(base + "granularity=month&from=2016-01-01&to=2020-12-31")
                .then().statusCode(200).body("points.size()", equalTo(60));
        given().auth().oauth2(TestUsers.diana()).when().get(base + "granularity=quarter&from=2016-01-01&to=2020-12-31")
                .then().statusCode(200).body("points.size()", equalTo(20));
        for (String granularity : new String[] { "week", "month", "quarter" }) {
            given().auth().oauth2(TestUsers.diana()).when()
                    .get(base + "granularity=" + granularity + "&from=2016-01-01&to=2021-01-01")
                    .then().statusCode(400).body("violations.field", hasItem("to"))
                    .body("violations.message[0]", org.hamcrest.Matchers.containsString("1827"));
        }
    }

    @Test
    void daily_trend_adds_up_each_day_to_the_cent_and_a_manager_sees_only_his_team() {
        publishSettled(UUID.randomUUID().toString(), "east-1", "2020-01-06T09:30:00Z", "1234.50", "800.00");
        publishSettled(UUID.randomUUID().toString(), "east-1", "2020-01-07T23:59:59Z", "99.99", "45.10");
        publishSettled(UUID.randomUUID().toString(), "west-1", "2020-01-06T02:00:00Z", "500.25", "300.00");
        String days = "granularity=day&from=2020-01-05&to=2020-01-08";

        JsonPath director = eventually(() -> trend(TestUsers.diana(), days), t -> orders(t) == 3);
        assertEquals("day", director.getString("granularity"));
        assertEquals("2020-01-05", director.getString("from"));
        assertEquals("2020-01-08", director.getString("to"));
        assertEquals("CNY", director.getString("currency"));
        // Unsplit, groupBy and each point's group are present and null.
        assertTrue(director.getMap("$").containsKey("groupBy") && director.get("groupBy") == null, director.prettify());
        assertTrue(points(director).stream().allMatch(p -> p.containsKey("group") && p.get("group") == null));
        assertEquals(List.of("2020-01-05", "2020-01-06", "2020-01-07", "2020-01-08"),
                points(director).stream().map(p -> p.get("period")).toList());
        assertPoint(point(director, "2020-01-05", null), "0.00", "0.00", "0.00", 0);
        assertPoint(point(director, "2020-01-06", null), "1734.75", "1100.00", "634.75", 2);
        assertPoint(point(director, "2020-01-07", null), "99.99", "45.10", "54.89", 1);
        assertPoint(point(director, "2020-01-08", null), "0.00", "0.00", "0.00", 0);

        JsonPath manager = trend(TestUsers.mike(), days);
        assertPoint(point(manager, "2020-01-06", null), "1234.50", "800.00", "434.50", 1);
        assertPoint(point(manager, "2020-01-07", null), "99.99", "45.10", "54.89", 1);
        assertEquals(2, orders(manager));

        JsonPath byTeam = trend(TestUsers.diana(), "granularity=day&from=2020-01-06&to=2020-01-07&groupBy=team");
        assertEquals("team", byTeam.getString("groupBy"));
        assertEquals(List.of("2020-01-06/east-1", "2020-01-06/west-1", "2020-01-07/east-1", "2020-01-07/west-1"),
                points(byTeam).stream().map(p -> p.get("period") + "/" + p.get("group")).toList());
        assertPoint(point(byTeam, "2020-01-06", "east-1"), "1234.50", "800.00", "434.50", 1);
        assertPoint(point(byTeam, "2020-01-06", "west-1"), "500.25", "300.00", "200.25", 1);
        assertPoint(point(byTeam, "2020-01-07", "west-1"), "0.00", "0.00", "0.00", 0);

        JsonPath managerByTeam = trend(TestUsers.mike(), "granularity=day&from=2020-01-06&to=2020-01-07&groupBy=team");
        assertEquals(List.of("east-1"), points(managerByTeam).stream().map(p -> p.get("group")).distinct().toList());

        // 2020-01-06 is a Monday: the week 2020-W02 holds all three orders.
        JsonPath weekly = trend(TestUsers.erin(), "granularity=week&from=2020-01-06&to=2020-01-12");
        assertEquals(1, points(weekly).size());
        assertPoint(point(weekly, "2020-W02", null), "1834.74", "1145.10", "689.64", 3);
    }

    @Test
    void the_same_settled_event_delivered_twice_counts_once() {
        String orderId = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        String lines = "[{\"sku\":\"SKU-1\",\"category\":\"TOOLS\",\"quantity\":2,\"netAmount\":600.00,\"costAmount\":300.00},"
                + "{\"sku\":\"SKU-2\",\"category\":\"PARTS\",\"quantity\":1,\"netAmount\":400.10,\"costAmount\":100.00}]";
        String payload = Facts.settled(orderId, "east-1", "2020-02-03T10:00:00Z", "1000.10", "400.00", lines);
        Facts.publishOrderEvent(ceId, SETTLED, orderId, payload);
        String days = "granularity=day&from=2020-02-03&to=2020-02-03";
        assertEquals(1, orders(eventually(() -> trend(TestUsers.dora(), days), t -> orders(t) >= 1)));

        // The broker redelivers the same event; then the producer's relay sends the fact again under a new ce_id.
        Facts.publishOrderEvent(ceId, SETTLED, orderId, payload);
        String secondCopy = UUID.randomUUID().toString();
        Facts.publishOrderEvent(secondCopy, SETTLED, orderId, payload);
        assertEquals(1, eventually(() -> inboxRows(secondCopy), n -> n > 0));

        JsonPath trend = trend(TestUsers.dora(), days);
        assertPoint(point(trend, "2020-02-03", null), "1000.10", "400.00", "600.10", 1);
        assertEquals(1, inboxRows(ceId));
        assertEquals(2, lineRows(orderId));
        JsonPath byCategory = trend(TestUsers.admin(), days + "&groupBy=category");
        assertPoint(point(byCategory, "2020-02-03", "PARTS"), "400.10", "100.00", "300.10", 1);
        assertPoint(point(byCategory, "2020-02-03", "TOOLS"), "600.00", "300.00", "300.00", 1);
    }

    @Test
    void a_refund_lowers_net_sales_on_the_day_it_was_paid_and_is_shared_over_the_order_categories() {
        String orderId = UUID.randomUUID().toString();
        String lines = "[{\"sku\":\"SKU-1\",\"category\":\"TOOLS\",\"quantity\":1,\"netAmount\":200.00,\"costAmount\":50.00},"
                + "{\"sku\":\"SKU-2\",\"category\":\"PARTS\",\"quantity\":1,\"netAmount\":100.00,\"costAmount\":50.00}]";
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, orderId,
                Facts.settled(orderId, "east-1", "2020-03-02T08:00:00Z", "300.00", "100.00", lines));
        String refundCe = UUID.randomUUID().toString();
        Facts.publishOrderEvent(refundCe, REFUNDED, orderId,
                Facts.refunded(orderId, "east-1", "2020-03-04T08:00:00Z", "50.00"));
        assertEquals(1, eventually(() -> inboxRows(refundCe), n -> n > 0));

        JsonPath days = eventually(() -> trend(TestUsers.mike(), "granularity=day&from=2020-03-02&to=2020-03-04"),
                t -> orders(t) == 1);
        assertPoint(point(days, "2020-03-02", null), "300.00", "100.00", "200.00", 1);
        assertPoint(point(days, "2020-03-03", null), "0.00", "0.00", "0.00", 0);
        assertPoint(point(days, "2020-03-04", null), "-50.00", "0.00", "-50.00", 0);

        JsonPath month = trend(TestUsers.diana(), "granularity=month&from=2020-03-01&to=2020-03-31&groupBy=category");
        assertPoint(point(month, "2020-03", "TOOLS"), "166.67", "50.00", "116.67", 1);
        assertPoint(point(month, "2020-03", "PARTS"), "83.33", "50.00", "33.33", 1);

        // Wendy manages west-1: east-1's order and refund are not hers.
        JsonPath other = trend(TestUsers.wendy(), "granularity=month&from=2020-03-01&to=2020-03-31");
        assertPoint(point(other, "2020-03", null), "0.00", "0.00", "0.00", 0);
    }

    @Test
    void a_malformed_settled_event_ends_on_the_dead_letter_topic_with_the_reason() {
        String key = UUID.randomUUID().toString();
        String payload = Facts.settled(key, "east-1", "2020-05-04T08:00:00Z", "10.00", "5.00")
                .replace("\"orderId\":\"" + key + "\",", "");
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, key, payload);
        EventProbe.Received dead = EventProbe.await("sales.order.events.dlq", r -> key.equals(r.key()),
                Duration.ofSeconds(30));
        assertTrue(dead.headers().getOrDefault("dead-letter-reason", "").contains("without orderId"),
                dead.headers().toString());
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/reports/sales-trend?from=2020-05-04&to=2020-05-04")
                .then().statusCode(200).body("points[0].orders", equalTo(0));
    }

    @Test
    void a_rep_reads_only_the_facts_they_own_whatever_team_the_fact_carries() {
        // 2012: alice sells in east-1, then once under west-1 (a deal from before her move); bob sells in east-1.
        publishSettledBy(TestUsers.ALICE_ID, "east-1", "2012-03-05T09:00:00Z", "100.00", "40.00");
        publishSettledBy(TestUsers.ALICE_ID, "west-1", "2012-03-06T09:00:00Z", "50.00", "20.00");
        publishSettledBy(TestUsers.BOB_ID, "east-1", "2012-03-05T10:00:00Z", "700.00", "300.00");
        String days = "granularity=day&from=2012-03-05&to=2012-03-06";
        eventually(() -> trend(TestUsers.diana(), days), t -> orders(t) == 3);

        JsonPath alice = trend(TestUsers.alice(), days);
        assertEquals(TestUsers.ALICE_ID, alice.getString("repId"));
        assertEquals(null, alice.getString("team"));
        assertPoint(point(alice, "2012-03-05", null), "100.00", "40.00", "60.00", 1);
        assertPoint(point(alice, "2012-03-06", null), "50.00", "20.00", "30.00", 1);
        JsonPath bob = trend(TestUsers.bob(), days);
        assertPoint(point(bob, "2012-03-05", null), "700.00", "300.00", "400.00", 1);
        assertEquals(1, orders(bob));
        // Naming her own team narrows nothing: a rep's figures are hers alone.
        assertEquals(2, orders(trend(TestUsers.alice(), days + "&team=east-1")));
        // Split by rep, a rep sees one series: her own.
        JsonPath byRep = trend(TestUsers.alice(), days + "&groupBy=rep");
        assertEquals(List.of(TestUsers.ALICE_ID), points(byRep).stream().map(p -> p.get("group")).distinct().toList());
        // Her manager sees the team's east-1 facts (bob's and alice's east-1 order), not the west-1 one.
        JsonPath mike = trend(TestUsers.mike(), days);
        assertEquals("east-1", mike.getString("team"));
        assertEquals(null, mike.getString("repId"));
        assertPoint(point(mike, "2012-03-05", null), "800.00", "340.00", "460.00", 2);
        assertPoint(point(mike, "2012-03-06", null), "0.00", "0.00", "0.00", 0);

        String aliceCase = UUID.randomUUID().toString();
        Facts.publishFeedback(UUID.randomUUID().toString(), aliceCase,
                Facts.feedbackFor(TestUsers.ALICE_ID, aliceCase, "east-1", "2012-03-05T03:00:00Z", "DELIVERY", "HIGH"));
        String bobCase = UUID.randomUUID().toString();
        Facts.publishFeedback(UUID.randomUUID().toString(), bobCase,
                Facts.feedbackFor(TestUsers.BOB_ID, bobCase, "east-1", "2012-03-05T04:00:00Z", "BILLING", "LOW"));
        String feedback = "/api/v1/reports/aftersales?from=2012-03-05&to=2012-03-05";
        eventually(() -> given().auth().oauth2(TestUsers.mike()).get(feedback).then().extract().jsonPath(),
                r -> r.getLong("feedbackCount") >= 2);
        given().auth().oauth2(TestUsers.alice()).when().get(feedback).then().statusCode(200)
                .body("feedbackCount", equalTo(1)).body("byCategory.DELIVERY", equalTo(1)).body("bySeverity.LOW", equalTo(0));
        given().auth().oauth2(TestUsers.bob()).when().get(feedback).then().statusCode(200)
                .body("feedbackCount", equalTo(1)).body("byCategory.BILLING", equalTo(1));
        given().auth().oauth2(TestUsers.cindy()).when().get(feedback).then().statusCode(200).body("feedbackCount", equalTo(0));
    }

    @Test
    void a_rep_or_manager_naming_another_team_is_403_and_a_director_may_name_any() {
        for (String token : new String[] { TestUsers.alice(), TestUsers.mike() }) {
            for (String path : new String[] { "/api/v1/reports/sales-trend?from=2012-04-01&to=2012-04-30&team=west-1",
                    "/api/v1/reports/aftersales?from=2012-04-01&to=2012-04-30&team=west-1",
                    "/api/v1/reports/market?dimension=region&from=2012-04-01&to=2012-04-30&team=west-1" }) {
                given().auth().oauth2(token).when().get(path).then().statusCode(403)
                        .contentType("application/problem+json").body("violations.field", hasItem("team"));
            }
            // Their own team is fine.
            given().auth().oauth2(token).when().get("/api/v1/reports/sales-trend?from=2012-04-01&to=2012-04-30&team=east-1")
                    .then().statusCode(200);
        }
        publishSettledBy(TestUsers.CINDY_ID, "west-1", "2012-04-02T09:00:00Z", "80.00", "30.00");
        publishSettledBy(TestUsers.ALICE_ID, "east-1", "2012-04-02T09:00:00Z", "20.00", "10.00");
        String month = "granularity=month&from=2012-04-01&to=2012-04-30";
        eventually(() -> trend(TestUsers.diana(), month), t -> orders(t) == 2);
        JsonPath west = trend(TestUsers.erin(), month + "&team=west-1");
        assertEquals("west-1", west.getString("team"));
        assertPoint(point(west, "2012-04", null), "80.00", "30.00", "50.00", 1);
        assertPoint(point(trend(TestUsers.wendy(), month), "2012-04", null), "80.00", "30.00", "50.00", 1);
    }

    @Test
    void a_quarterly_trend_split_by_rep_has_every_quarter_for_every_rep() {
        publishSettledBy(TestUsers.ALICE_ID, "east-1", "2012-05-15T09:00:00Z", "100.00", "60.00");
        publishSettledBy(TestUsers.BOB_ID, "east-1", "2012-06-30T23:59:59Z", "200.00", "50.00");
        publishSettledBy(TestUsers.BOB_ID, "east-1", "2012-07-01T00:00:00Z", "300.00", "100.00");
        String quarters = "granularity=quarter&from=2012-05-01&to=2012-09-30&groupBy=rep&team=east-1";
        JsonPath trend = eventually(() -> trend(TestUsers.diana(), quarters), t -> orders(t) == 3);
        assertEquals("quarter", trend.getString("granularity"));
        assertEquals("rep", trend.getString("groupBy"));
        assertEquals(List.of("2012-Q2/" + TestUsers.ALICE_ID, "2012-Q2/" + TestUsers.BOB_ID,
                "2012-Q3/" + TestUsers.ALICE_ID, "2012-Q3/" + TestUsers.BOB_ID),
                points(trend).stream().map(p -> p.get("period") + "/" + p.get("group")).toList());
        assertPoint(point(trend, "2012-Q2", TestUsers.ALICE_ID), "100.00", "60.00", "40.00", 1);
        assertPoint(point(trend, "2012-Q2", TestUsers.BOB_ID), "200.00", "50.00", "150.00", 1);
        assertPoint(point(trend, "2012-Q3", TestUsers.ALICE_ID), "0.00", "0.00", "0.00", 0);
        assertPoint(point(trend, "2012-Q3", TestUsers.BOB_ID), "300.00", "100.00", "200.00", 1);
    }

    @Test
    void the_trend_answers_as_csv_or_as_an_svg_line_chart_by_accept() {
        publishSettledBy(TestUsers.ALICE_ID, "east-1", "2012-11-01T09:00:00Z", "1234.50", "800.00");
        publishSettledBy(TestUsers.CINDY_ID, "west-1", "2012-11-02T09:00:00Z", "99.99", "45.10");
        String days = "granularity=day&from=2012-11-01&to=2012-11-02&groupBy=team";
        eventually(() -> trend(TestUsers.diana(), days), t -> orders(t) == 2);

        io.restassured.response.Response csv = given().auth().oauth2(TestUsers.diana()).accept("text/csv").when()
                .get("/api/v1/reports/sales-trend?" + days);
        csv.then().statusCode(200).contentType("text/csv").header("Vary", org.hamcrest.Matchers.containsString("Accept"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("sales-trend-2012-11-01-2012-11-02.csv"));
        assertEquals("period,group,netAmount,costAmount,grossMargin,orders\r\n"
                + "2012-11-01,east-1,1234.50,800.00,434.50,1\r\n"
                + "2012-11-01,west-1,0.00,0.00,0.00,0\r\n"
                + "2012-11-02,east-1,0.00,0.00,0.00,0\r\n"
                + "2012-11-02,west-1,99.99,45.10,54.89,1\r\n", csv.asString());

        String svg = given().auth().oauth2(TestUsers.diana()).accept("image/svg+xml").when()
                .get("/api/v1/reports/sales-trend?" + days).then().statusCode(200).contentType("image/svg+xml")
                .extract().asString();
        org.w3c.dom.Document chart = com.salesaffairs.reporting.rest.ChartTest.parse(svg);
        assertEquals(2, chart.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength());
        assertTrue(svg.contains(">Net sales per day by team</text>") && svg.contains(">2012-11-01</text>")
                && svg.contains(">east-1</text>") && svg.contains(">west-1</text>"), svg);

        // A rep's CSV holds only her own facts.
        String own = given().auth().oauth2(TestUsers.alice()).accept("text/csv").when()
                .get("/api/v1/reports/sales-trend?" + days).then().statusCode(200).extract().asString();
        assertTrue(own.contains("east-1,1234.50") && !own.contains("west-1"), own);

        // JSON stays the default, even for a client listing every type; HTML is not on offer; problems stay problems.
        given().auth().oauth2(TestUsers.diana()).accept("image/svg+xml, text/csv, application/json").when()
                .get("/api/v1/reports/sales-trend?" + days).then().statusCode(200).contentType("application/json");
        given().auth().oauth2(TestUsers.diana()).accept("text/html").when()
                .get("/api/v1/reports/sales-trend?" + days).then().statusCode(406);
        given().auth().oauth2(TestUsers.diana()).accept("text/csv").when()
                .get("/api/v1/reports/sales-trend?from=2012-11-02&to=2012-11-01").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("to"));
    }

    private static void publishSettledBy(String owner, String team, String settledAt, String net, String cost) {
        String orderId = UUID.randomUUID().toString();
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, orderId,
                Facts.settledBy(owner, orderId, team, settledAt, net, cost));
    }

    private static void publishSettled(String orderId, String team, String settledAt, String net, String cost) {
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, orderId,
                Facts.settled(orderId, team, settledAt, net, cost));
    }
}
