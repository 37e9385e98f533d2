package com.salesaffairs.e2e;

import static com.salesaffairs.e2e.StackClient.expectStatus;
import static com.salesaffairs.e2e.StackClient.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.e2e.StackClient.Service;

import io.restassured.response.Response;

/**
 * Sales data from the operational services to reporting's analysis, against the running stack: alice
 * registers a public-sector customer and settles two orders for it, and logs the customer's feedback;
 * reporting-service, fed only by the events, shows them in the sales trend (JSON, CSV and SVG), in the
 * market analysis by region and by customer segment, and in the after-sales summary; alice's own trend is
 * hers alone, another team is 403; and the sales report alice submits carries the same figures as her own
 * trend over the report's period.
 *
 * <p>The stack's database outlives a run, so the test reads the figures before and compares
 * differences, and takes the first report period alice has not reported on yet.
 */
class ReportingFlowIT {
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);
    private static final String SEGMENT = "PUBLIC_SECTOR";

    private final StackClient stack = StackClient.local();
    private final SalesSteps steps = new SalesSteps(stack);

    /** The figures this test moves, as diana (director) and alice (rep, her own) see them today. */
    private record Reading(BigDecimal eastRevenue, long eastOrders, BigDecimal segmentRevenue, BigDecimal aliceNet,
            long aliceOrders, long feedback) {
    }

    @Test
    void orders_and_feedback_reach_the_trend_the_market_and_the_reps_report() {
        LocalDate today = SalesSteps.todayUtc();

        // a. the figures before, once earlier tests' events have stopped moving
        Reading before = SalesSteps.steady(() -> reading(today));

        // b. a public-sector customer, two settled orders and a complaint
        String sku = "E2E-RPT-" + UUID.randomUUID().toString().substring(0, 8);
        steps.createProduct(sku, new BigDecimal("980.00"), new BigDecimal("610.00"));
        steps.receiveStock(sku, 10);
        UUID customerId = registerPublicSectorCustomer("E2E reporting " + UUID.randomUUID());
        JsonNode first = steps.settleOrder(customerId, sku, 2);
        JsonNode second = steps.settleOrder(customerId, sku, 1);
        BigDecimal net = money(first, "netAmount").add(money(second, "netAmount"));
        steps.logFeedback(customerId);

        // c. reporting-service shows them, from the events alone
        Reading after = StackClient.eventually(PROJECTION_WAIT, () -> {
            Reading now = reading(today);
            assertMoney(before.eastRevenue().add(net), now.eastRevenue(), "east's revenue in the market analysis");
            assertEquals(before.eastOrders() + 2, now.eastOrders(), "east's settled orders");
            assertMoney(before.segmentRevenue().add(net), now.segmentRevenue(), SEGMENT + " revenue by customer segment");
            assertMoney(before.aliceNet().add(net), now.aliceNet(), "alice's own trend");
            assertEquals(before.aliceOrders() + 2, now.aliceOrders(), "alice's own orders");
            assertEquals(before.feedback() + 1, now.feedback(), "feedback logged today");
            return now;
        });
        assertNotNull(after);

        // d. the same trend as a spreadsheet and as a chart
        String day = today.toString();
        Response csv = stack.as("diana").accept("text/csv")
                .queryParam("from", day).queryParam("to", day)
                .get(Service.REPORTING.url("/api/v1/reports/sales-trend"));
        assertEquals(200, csv.statusCode(), csv.asString());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        String csvBody = csv.asString();
        assertTrue(csvBody.lines().anyMatch(line -> line.startsWith(day)), "today's row in\n" + csvBody);
        Response svg = stack.as("diana").accept("image/svg+xml")
                .queryParam("dimension", "region").queryParam("from", day).queryParam("to", day)
                .get(Service.REPORTING.url("/api/v1/reports/market"));
        assertEquals(200, svg.statusCode(), svg.asString());
        assertTrue(svg.contentType().startsWith("image/svg+xml"), svg.contentType());
        assertTrue(svg.asString().contains("<svg") && svg.asString().contains("east"), svg.asString());

        // e. scope: a rep reads only her own figures, another team's are 403 to her and to wendy
        for (String outsider : List.of("alice", "wendy")) {
            String team = "alice".equals(outsider) ? "west-1" : "east-1";
            Response refused = stack.as(outsider).queryParam("dimension", "region")
                    .queryParam("from", day).queryParam("to", day).queryParam("team", team)
                    .get(Service.REPORTING.url("/api/v1/reports/market"));
            assertEquals(403, refused.statusCode(), outsider + " asks for team " + team + ": " + refused.asString());
        }
        Response reversed = stack.as("diana").queryParam("from", day).queryParam("to", today.minusDays(1).toString())
                .get(Service.REPORTING.url("/api/v1/reports/sales-trend"));
        JsonNode problem = expectStatus(reversed, 400, "a reversed range");
        assertEquals("to", problem.path("violations").path(0).path("field").asText(), problem.toString());

        // f. alice's sales report carries her own figures for its period
        JsonNode report = submitFirstFreeReport();
        LocalDate start = LocalDate.parse(report.path("periodStart").asText());
        LocalDate end = LocalDate.parse(report.path("periodEnd").asText());
        JsonNode figures = report.path("figures");
        JsonNode own = aliceTrend(start, end, "month".equals(granularityOf(report)) ? "month" : "week");
        BigDecimal ownNet = BigDecimal.ZERO;
        long ownOrders = 0;
        for (JsonNode point : own.path("points")) {
            ownNet = ownNet.add(money(point, "netAmount"));
            ownOrders += point.path("orders").asLong();
        }
        assertMoney(ownNet, money(figures, "netSales"), "report's net sales = alice's own trend over " + start + ".." + end);
        assertEquals(ownOrders, figures.path("orders").asLong(), "report's orders = alice's own trend: " + figures);
        if (!today.isBefore(start) && !today.isAfter(end)) {
            assertTrue(figures.path("orders").asLong() >= 2, "the period holds today's two orders: " + figures);
        }
        assertNotNull(report.path("dueAt").asText(null), "due time set at submission: " + report);
        assertTrue(report.path("onTime").isBoolean(), report.toString());
    }

    private Reading reading(LocalDate today) {
        String day = today.toString();
        JsonNode east = marketRow(market("diana", "region", day), "east");
        JsonNode segment = marketRow(market("diana", "segment", day), SEGMENT);
        JsonNode own = aliceTrend(today, today, "day");
        BigDecimal aliceNet = BigDecimal.ZERO;
        long aliceOrders = 0;
        for (JsonNode point : own.path("points")) {
            aliceNet = aliceNet.add(money(point, "netAmount"));
            aliceOrders += point.path("orders").asLong();
        }
        return new Reading(east == null ? BigDecimal.ZERO : money(east, "revenue").setScale(2),
                east == null ? 0 : east.path("orders").asLong(),
                segment == null ? BigDecimal.ZERO : money(segment, "revenue").setScale(2), aliceNet.setScale(2), aliceOrders,
                steps.feedbackCountToday());
    }

    private JsonNode market(String username, String dimension, String day) {
        Response response = stack.as(username).queryParam("dimension", dimension)
                .queryParam("from", day).queryParam("to", day)
                .get(Service.REPORTING.url("/api/v1/reports/market"));
        return expectStatus(response, 200, username + " reads the market by " + dimension);
    }

    private static JsonNode marketRow(JsonNode market, String group) {
        for (JsonNode row : market.path("rows")) {
            if (group.equals(row.path("group").asText())) {
                return row;
            }
        }
        return null;
    }

    private JsonNode aliceTrend(LocalDate from, LocalDate to, String granularity) {
        Response response = stack.as("alice").queryParam("granularity", granularity)
                .queryParam("from", from.toString()).queryParam("to", to.toString())
                .get(Service.REPORTING.url("/api/v1/reports/sales-trend"));
        JsonNode trend = expectStatus(response, 200, "alice reads her own trend");
        assertEquals(StackClient.ALICE_ID, trend.path("repId").asText(), "a rep's trend is her own: " + trend);
        return trend;
    }

    private UUID registerPublicSectorCustomer(String name) {
        Response response = stack.as("alice")
                .body(Map.of("name", name, "industry", "Water", "country", "CN", "city", "Hangzhou", "segment", SEGMENT))
                .post(Service.OPPORTUNITY.url("/api/v1/customers"));
        JsonNode customer = expectStatus(response, 201, "alice registers customer " + name);
        return UUID.fromString(customer.path("id").asText());
    }

    /**
     * alice drafts and submits a report on this week, or else this month, or else the latest week she has
     * not reported on (one report per rep and period, and the stack's database outlives a run).
     */
    private JsonNode submitFirstFreeReport() {
        LocalDate today = SalesSteps.todayUtc();
        List<Map.Entry<String, String>> periods = new java.util.ArrayList<>();
        periods.add(Map.entry("WEEKLY", weekLabel(today)));
        periods.add(Map.entry("MONTHLY", YearMonth.now(ZoneOffset.UTC).toString()));
        for (int weeksBack = 1; weeksBack <= 104; weeksBack++) {
            periods.add(Map.entry("WEEKLY", weekLabel(today.minusWeeks(weeksBack))));
        }
        for (Map.Entry<String, String> period : periods) {
            Response drafted = stack.as("alice").header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("kind", period.getKey(), "period", period.getValue(), "summary", "e2e: reporting flow",
                            "highlights", "public sector orders", "risks", "none", "nextSteps", "follow up the complaint"))
                    .post(Service.REPORTING.url("/api/v1/sales-reports"));
            if (drafted.statusCode() == 409) {
                continue;
            }
            JsonNode draft = expectStatus(drafted, 201, "alice drafts " + period);
            return expectStatus(stack.as("alice")
                    .post(Service.REPORTING.url("/api/v1/sales-reports/" + draft.path("id").asText() + "/submit")), 200,
                    "alice submits " + period);
        }
        throw new AssertionError("alice has reported on every period tried");
    }

    private static String granularityOf(JsonNode report) {
        return "MONTHLY".equals(report.path("kind").asText()) ? "month" : "week";
    }

    private static String weekLabel(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static void assertMoney(BigDecimal expected, BigDecimal actual, String what) {
        assertEquals(0, expected.compareTo(actual), what + ": expected " + expected + " but was " + actual);
    }
}
