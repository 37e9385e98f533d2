package com.salesaffairs.reporting;

import static com.salesaffairs.reporting.Facts.eventually;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;
import com.salesaffairs.reporting.rest.ChartTest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Market analysis through REST from settled orders, refunds and customers published as their producers
 * do. Each test uses its own 2013 month and its own team (named in team= by the director), so tests
 * never count each other's facts.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class MarketReportTest {
    private static final String SETTLED = "sales.order.settled.v1";
    private static final String REFUNDED = "sales.order.refunded.v1";
    private static final String MARKET = "/api/v1/reports/market?";

    private static JsonPath market(String token, String query) {
        String body = given().auth().oauth2(token).when().get(MARKET + query).then().statusCode(200).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static long orders(JsonPath market) {
        return ((Number) market.get("total.orders")).longValue();
    }

    private static Map<String, Object> row(JsonPath market, String group) {
        List<Map<String, Object>> rows = market.getList("rows");
        return rows.stream().filter(r -> group.equals(r.get("group"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + group + " in " + market.prettify()));
    }

    /** revenue, cost, margin, marginPercent, sharePercent, orders, previousRevenue, growthPercent; null for an absent percentage. */
    private static void assertRow(Map<String, Object> row, String revenue, String cost, String margin, String marginPercent,
            String share, long orders, String previous, String growth) {
        assertNumber(revenue, row.get("revenue"), row);
        assertNumber(cost, row.get("cost"), row);
        assertNumber(margin, row.get("margin"), row);
        assertNumber(marginPercent, row.get("marginPercent"), row);
        assertNumber(share, row.get("sharePercent"), row);
        assertEquals(orders, ((Number) row.get("orders")).longValue(), row.toString());
        assertNumber(previous, row.get("previousRevenue"), row);
        assertNumber(growth, row.get("growthPercent"), row);
    }

    private static void assertNumber(String expected, Object actual, Object context) {
        if (expected == null) {
            assertNull(actual, "expected null in " + context);
            return;
        }
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))),
                "expected " + expected + " but was " + actual + " in " + context);
    }

    private static String settle(String owner, String team, String region, String channel, String customerId,
            String settledAt, String net, String cost, String currency) {
        String orderId = UUID.randomUUID().toString();
        String payload = "{\"orderId\":\"" + orderId + "\",\"orderNumber\":\"SO-2013-000001\",\"customerId\":\"" + customerId
                + "\",\"customerName\":\"Test Customer\",\"ownerId\":\"" + owner + "\",\"team\":\"" + team
                + "\",\"region\":\"" + region + "\",\"channel\":\"" + channel + "\",\"currency\":\"" + currency
                + "\",\"netAmount\":" + net + ",\"costAmount\":" + cost + ",\"submittedAt\":\"" + settledAt
                + "\",\"approvedAt\":\"" + settledAt + "\",\"settledAt\":\"" + settledAt + "\",\"lines\":[{\"sku\":\"SKU-1\","
                + "\"category\":\"TOOLS\",\"quantity\":1,\"netAmount\":" + net + ",\"costAmount\":" + cost + "}]}";
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, orderId, payload);
        return orderId;
    }

    private static String settle(String team, String region, String channel, String settledAt, String net, String cost) {
        return settle(TestUsers.ALICE_ID, team, region, channel, UUID.randomUUID().toString(), settledAt, net, cost, "CNY");
    }

    /** A refund as order-service publishes it; customerId may be null (the producer may leave it out). */
    private static void refund(String orderId, String team, String region, String channel, String customerId,
            String refundedAt, String amount) {
        String payload = "{\"orderId\":\"" + orderId + "\",\"orderNumber\":\"SO-2013-000001\","
                + (customerId == null ? "" : "\"customerId\":\"" + customerId + "\",")
                + "\"ownerId\":\"" + TestUsers.ALICE_ID + "\",\"team\":\"" + team + "\",\"region\":\"" + region
                + "\",\"channel\":\"" + channel + "\",\"currency\":\"CNY\",\"refundId\":\"" + UUID.randomUUID()
                + "\",\"amount\":" + amount + ",\"reason\":\"damaged\",\"refundedAt\":\"" + refundedAt + "\"}";
        Facts.publishOrderEvent(UUID.randomUUID().toString(), REFUNDED, orderId, payload);
    }

    @Test
    void revenue_cost_margin_share_and_growth_per_region_and_channel_against_the_period_before() {
        String team = "mkt-region";
        // February 2013 (28 days) against 2013-01-04..2013-01-31.
        String east = settle(team, "east", "DIRECT", "2013-02-03T09:00:00Z", "1000.00", "600.00");
        settle(team, "east", "ONLINE", "2013-02-10T09:00:00Z", "500.00", "200.00");
        refund(east, team, "east", "DIRECT", null, "2013-02-20T09:00:00Z", "100.00");
        settle(team, "west", "PARTNER", "2013-02-28T23:59:59Z", "300.00", "100.00");
        settle(team, "east", "DIRECT", "2013-01-10T09:00:00Z", "700.00", "500.00");
        settle(team, "west", "PARTNER", "2013-01-04T00:00:00Z", "400.00", "100.00");
        settle(team, "north", "DIRECT", "2013-01-31T23:59:59Z", "250.00", "100.00");
        // Outside both windows, and in another currency: not counted.
        settle(team, "east", "DIRECT", "2013-01-03T23:59:59Z", "9999.00", "1.00");
        settle(team, "east", "DIRECT", "2013-03-01T00:00:00Z", "9999.00", "1.00");
        settle(TestUsers.ALICE_ID, team, "east", "DIRECT", UUID.randomUUID().toString(), "2013-02-04T09:00:00Z", "5000.00",
                "1.00", "USD");
        String query = "dimension=region&from=2013-02-01&to=2013-02-28&team=" + team;

        JsonPath byRegion = eventually(() -> market(TestUsers.diana(), query),
                m -> orders(m) == 3 && new BigDecimal(m.getString("total.revenue")).compareTo(new BigDecimal("1700")) == 0
                        && new BigDecimal(m.getString("total.previousRevenue")).compareTo(new BigDecimal("1350")) == 0);
        assertEquals("region", byRegion.getString("dimension"));
        assertEquals("2013-01-04", byRegion.getString("previousFrom"));
        assertEquals("2013-01-31", byRegion.getString("previousTo"));
        assertEquals("CNY", byRegion.getString("currency"));
        assertEquals(team, byRegion.getString("team"));
        assertEquals(List.of("east", "west", "north"), byRegion.getList("rows.group"));
        assertRow(row(byRegion, "east"), "1400.00", "800.00", "600.00", "42.86", "82.35", 2, "700.00", "100.00");
        assertRow(row(byRegion, "west"), "300.00", "100.00", "200.00", "66.67", "17.65", 1, "400.00", "-25.00");
        assertRow(row(byRegion, "north"), "0.00", "0.00", "0.00", null, "0.00", 0, "250.00", "-100.00");
        assertRow(byRegion.getMap("total"), "1700.00", "900.00", "800.00", "47.06", "100.00", 3, "1350.00", "25.93");

        JsonPath byChannel = market(TestUsers.erin(), "dimension=channel&from=2013-02-01&to=2013-02-28&team=" + team);
        assertEquals(List.of("DIRECT", "ONLINE", "PARTNER"), byChannel.getList("rows.group"));
        assertRow(row(byChannel, "DIRECT"), "900.00", "600.00", "300.00", "33.33", "52.94", 1, "950.00", "-5.26");
        assertRow(row(byChannel, "ONLINE"), "500.00", "200.00", "300.00", "60.00", "29.41", 1, "0.00", null);
        assertRow(row(byChannel, "PARTNER"), "300.00", "100.00", "200.00", "66.67", "17.65", 1, "400.00", "-25.00");

        // The same analysis for a spreadsheet and as a chart.
        io.restassured.response.Response csv = given().auth().oauth2(TestUsers.diana()).accept("text/csv").when()
                .get(MARKET + query);
        csv.then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", containsString("market-region-2013-02-01-2013-02-28.csv"));
        assertEquals("region,revenue,cost,margin,marginPercent,sharePercent,orders,previousRevenue,growthPercent\r\n"
                + "east,1400.00,800.00,600.00,42.86,82.35,2,700.00,100.00\r\n"
                + "west,300.00,100.00,200.00,66.67,17.65,1,400.00,-25.00\r\n"
                + "north,0.00,0.00,0.00,,0.00,0,250.00,-100.00\r\n"
                + "TOTAL,1700.00,900.00,800.00,47.06,100.00,3,1350.00,25.93\r\n", csv.asString());

        String svg = given().auth().oauth2(TestUsers.diana()).accept("image/svg+xml").when().get(MARKET + query)
                .then().statusCode(200).contentType("image/svg+xml").header("Vary", containsString("Accept"))
                .extract().asString();
        Document chart = ChartTest.parse(svg);
        NodeList groups = chart.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        List<String> bars = new java.util.ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("bar".equals(g.getAttribute("class"))) {
                bars.add(g.getAttribute("data-category"));
            }
        }
        assertEquals(List.of("east", "west", "north"), bars);
        assertTrue(svg.contains(">Revenue by region</text>") && svg.contains("(82.35%)") && svg.contains("team " + team),
                svg);
    }

    @Test
    void the_segment_is_the_customers_as_last_heard_and_unknown_without_a_customer() {
        String team = "mkt-segment";
        String grown = UUID.randomUUID().toString();
        String agency = UUID.randomUUID().toString();
        String stranger = UUID.randomUUID().toString();
        // Registered as a small business, updated to enterprise: the newest version counts, also for older orders.
        String registered = ReadModelEvents.customer(grown, 1, "Ningbo Pumps", TestUsers.ALICE_ID, team, "SMALL_BUSINESS",
                null, "2013-03-01T00:00:00Z");
        String updated = ReadModelEvents.customer(grown, 2, "Ningbo Pumps", TestUsers.ALICE_ID, team, "ENTERPRISE", null,
                "2013-03-20T00:00:00Z");
        ReadModelEvents.opportunityEvent("sales.customer.registered.v1", grown, registered);
        ReadModelEvents.opportunityEvent("sales.customer.updated.v1", grown, updated);
        ReadModelEvents.opportunityEvent("sales.customer.registered.v1", agency, ReadModelEvents.customer(agency, 1,
                "Water Works", TestUsers.ALICE_ID, team, "PUBLIC_SECTOR", null, "2013-03-01T00:00:00Z"));

        String grownOrder = settle(TestUsers.ALICE_ID, team, "east", "DIRECT", grown, "2013-03-05T09:00:00Z", "800.00",
                "300.00", "CNY");
        String agencyOrder = settle(TestUsers.ALICE_ID, team, "east", "DIRECT", agency, "2013-03-06T09:00:00Z", "200.00",
                "100.00", "CNY");
        settle(TestUsers.ALICE_ID, team, "east", "DIRECT", stranger, "2013-03-07T09:00:00Z", "100.00", "20.00", "CNY");
        // One refund names no customer (the order's is used), the other names it.
        refund(grownOrder, team, "east", "DIRECT", null, "2013-03-08T09:00:00Z", "50.00");
        refund(agencyOrder, team, "east", "DIRECT", agency, "2013-03-09T09:00:00Z", "20.00");

        String query = "dimension=segment&from=2013-03-01&to=2013-03-31&team=" + team;
        JsonPath bySegment = eventually(() -> market(TestUsers.dora(), query),
                m -> m.getList("rows.group").containsAll(List.of("ENTERPRISE", "PUBLIC_SECTOR", "UNKNOWN"))
                        && new BigDecimal(m.getString("total.revenue")).compareTo(new BigDecimal("1030")) == 0);
        assertEquals(List.of("ENTERPRISE", "PUBLIC_SECTOR", "UNKNOWN"), bySegment.getList("rows.group"));
        assertRow(row(bySegment, "ENTERPRISE"), "750.00", "300.00", "450.00", "60.00", "72.82", 1, "0.00", null);
        assertRow(row(bySegment, "PUBLIC_SECTOR"), "180.00", "100.00", "80.00", "44.44", "17.48", 1, "0.00", null);
        assertRow(row(bySegment, "UNKNOWN"), "100.00", "20.00", "80.00", "80.00", "9.71", 1, "0.00", null);
    }

    @Test
    void a_rep_sees_their_own_market_a_manager_their_team_and_the_roles_that_see_all_everything() {
        String alice = settle(TestUsers.ALICE_ID, "east-1", "east", "DIRECT", UUID.randomUUID().toString(),
                "2013-07-02T09:00:00Z", "100.00", "50.00", "CNY");
        settle(TestUsers.BOB_ID, "east-1", "east", "ONLINE", UUID.randomUUID().toString(), "2013-07-03T09:00:00Z",
                "300.00", "100.00", "CNY");
        settle(TestUsers.CINDY_ID, "west-1", "west", "DIRECT", UUID.randomUUID().toString(), "2013-07-04T09:00:00Z",
                "600.00", "200.00", "CNY");
        assertTrue(alice != null);
        String july = "dimension=region&from=2013-07-01&to=2013-07-31";
        eventually(() -> market(TestUsers.admin(), july), m -> orders(m) >= 3);

        JsonPath own = market(TestUsers.alice(), july);
        assertEquals(TestUsers.ALICE_ID, own.getString("repId"));
        assertEquals(List.of("east"), own.getList("rows.group"));
        assertRow(row(own, "east"), "100.00", "50.00", "50.00", "50.00", "100.00", 1, "0.00", null);
        JsonPath bob = market(TestUsers.bob(), july.replace("region", "channel"));
        assertEquals(List.of("ONLINE"), bob.getList("rows.group"));

        JsonPath team = market(TestUsers.mike(), july);
        assertEquals("east-1", team.getString("team"));
        assertRow(team.getMap("total"), "400.00", "150.00", "250.00", "62.50", "100.00", 2, "0.00", null);
        JsonPath west = market(TestUsers.wendy(), july);
        assertRow(west.getMap("total"), "600.00", "200.00", "400.00", "66.67", "100.00", 1, "0.00", null);

        JsonPath all = market(TestUsers.admin(), july);
        assertRow(row(all, "east"), "400.00", "150.00", "250.00", "62.50", "40.00", 2, "0.00", null);
        assertRow(row(all, "west"), "600.00", "200.00", "400.00", "66.67", "60.00", 1, "0.00", null);

        given().when().get(MARKET + july).then().statusCode(401).contentType("application/problem+json");
        for (String token : new String[] { TestUsers.fiona(), TestUsers.walt(), TestUsers.sam() }) {
            given().auth().oauth2(token).when().get(MARKET + july).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(TestUsers.cindy()).when().get(MARKET + july + "&team=east-1").then().statusCode(403)
                .body("violations.field", hasItem("team"));
        // A manager without any sale in a range sees an empty analysis, not an error.
        given().auth().oauth2(TestUsers.wendy()).when().get(MARKET + "dimension=segment&from=2013-11-01&to=2013-11-30")
                .then().statusCode(200).body("rows.size()", equalTo(0)).body("total.revenue", equalTo(0.0f))
                .body("total.sharePercent", equalTo(null));
    }

    @Test
    void bad_parameters_are_400_naming_each_one() {
        given().auth().oauth2(TestUsers.diana()).when().get(MARKET + "from=2013-01-01&to=2013-01-31")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("dimension"));
        given().auth().oauth2(TestUsers.diana()).when().get(MARKET + "dimension=city&from=2013-01-31&to=2013-01-01&currency=rmb")
                .then().statusCode(400).body("violations.field", hasItems("dimension", "to", "currency"));
        given().auth().oauth2(TestUsers.diana()).when().get(MARKET + "dimension=region&from=2013-13-01")
                .then().statusCode(400).body("violations.field", hasItems("from", "to"));
        // Five years with two leap days (1827 days) is the most; one more day is refused.
        given().auth().oauth2(TestUsers.diana()).when().get(MARKET + "dimension=region&from=2016-01-01&to=2020-12-31")
                .then().statusCode(200);
        given().auth().oauth2(TestUsers.diana()).when().get(MARKET + "dimension=region&from=2016-01-01&to=2021-01-01")
                .then().statusCode(400).body("violations.field", hasItem("to"))
                .body("violations.message[0]", containsString("1827"));
        given().auth().oauth2(TestUsers.diana()).accept("text/html").when()
                .get(MARKET + "dimension=region&from=2013-01-01&to=2013-01-31").then().statusCode(406);
    }

    @Test
    void the_openapi_document_declares_json_csv_and_svg_answers_and_the_scope_parameters() {
        com.fasterxml.jackson.databind.JsonNode doc = com.salesaffairs.platform.testing.OpenApiContract.servedDocument();
        for (String path : new String[] { "/api/v1/reports/sales-trend", "/api/v1/reports/market" }) {
            com.fasterxml.jackson.databind.JsonNode get = doc.path("paths").path(path).path("get");
            com.fasterxml.jackson.databind.JsonNode ok = get.path("responses").path("200").path("content");
            List<String> mediaTypes = new java.util.ArrayList<>();
            ok.fieldNames().forEachRemaining(mediaTypes::add);
            assertEquals(List.of("application/json", "text/csv", "image/svg+xml"), mediaTypes, path);
            assertEquals("string", ok.path("text/csv").path("schema").path("type").asText(), path);
            assertEquals("string", ok.path("image/svg+xml").path("schema").path("type").asText(), path);
            List<String> parameters = new java.util.ArrayList<>();
            get.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
            assertTrue(parameters.contains("team"), parameters.toString());
            assertTrue(get.path("description").asText().contains("sales-rep: the facts they own"), path);
        }
        assertTrue(doc.at("/components/schemas/MarketAnalysis/properties/rows").isObject());
        assertTrue(doc.at("/components/schemas/MarketRow/properties/growthPercent").isObject());
    }
}
