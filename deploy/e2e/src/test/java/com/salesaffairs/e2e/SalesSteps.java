package com.salesaffairs.e2e;

import static com.salesaffairs.e2e.StackClient.expectStatus;
import static com.salesaffairs.e2e.StackClient.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.e2e.StackClient.Service;

import io.restassured.response.Response;

/**
 * The steps of the sales flow as the demo users perform them through the public APIs. Each step
 * asserts the answer it needs to go on; the flows assert the rest.
 */
public final class SalesSteps {
    /** How long a replica built from events (customer in order- and aftersales-service) may take. */
    public static final Duration REPLICA_WAIT = Duration.ofSeconds(30);

    public record Kpi(BigDecimal salesAmount, int orderCount) {
    }

    private final StackClient stack;

    public SalesSteps(StackClient stack) {
        this.stack = stack;
    }

    public static LocalDate todayUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public static YearMonth monthUtc() {
        return YearMonth.now(ZoneOffset.UTC);
    }

    /** alice registers a customer at opportunity-service; its id. */
    public UUID registerCustomer(String name) {
        Response response = stack.as("alice")
                .body(Map.of("name", name, "industry", "Machinery", "country", "CN", "city", "Hangzhou"))
                .post(Service.OPPORTUNITY.url("/api/v1/customers"));
        JsonNode customer = expectStatus(response, 201, "alice registers customer " + name);
        return UUID.fromString(customer.path("id").asText());
    }

    /** diana (sales-director) adds a product in category Pumps. */
    public JsonNode createProduct(String sku, BigDecimal listPrice, BigDecimal unitCost) {
        Response response = stack.as("diana")
                .body(Map.of("sku", sku, "name", "Pump", "category", "Pumps", "listPrice", listPrice,
                        "unitCost", unitCost, "currency", "CNY"))
                .post(Service.ORDER.url("/api/v1/products"));
        return expectStatus(response, 201, "diana creates product " + sku);
    }

    /** walt (warehouse) receives stock into WH-EAST. */
    public JsonNode receiveStock(String sku, int quantity) {
        Response response = stack.as("walt")
                .body(Map.of("sku", sku, "warehouse", "WH-EAST", "quantity", quantity, "reference", "PO-1"))
                .post(Service.ORDER.url("/api/v1/inventory/receipts"));
        return expectStatus(response, 201, "walt receives " + quantity + " of " + sku);
    }

    /**
     * alice creates a DIRECT, NET30 order with one undiscounted line (and finance grants the customer
     * credit), sending it again with the same
     * Idempotency-Key while order-service has not yet learnt the customer from its events.
     */
    public JsonNode createOrder(UUID customerId, String sku, int quantity) {
        JsonNode order = createOrder(customerId, sku, quantity, 0, "NET30");
        grantCredit(customerId);
        return order;
    }

    /** fiona gives the customer a credit line, so NET30 orders within it need no finance review. */
    public JsonNode grantCredit(UUID customerId) {
        return expectStatus(stack.as("fiona").body(Map.of("limit", 10000000.00, "blocked", false))
                .put(Service.ORDER.url("/api/v1/customers/" + customerId + "/credit")), 200,
                "fiona sets the credit of customer " + customerId);
    }

    /** The same with a discount on the line and the given payment terms. */
    public JsonNode createOrder(UUID customerId, String sku, int quantity, int discountPct, String paymentTerms) {
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of(
                "customerId", customerId.toString(),
                "channel", "DIRECT",
                "paymentTerms", paymentTerms,
                "shippingAddress", "1 Lake Rd, Hangzhou",
                "lines", List.of(Map.of("sku", sku, "quantity", quantity, "discountPct", discountPct)));
        Response response = StackClient.retryWhileRule(REPLICA_WAIT, "order.customer-known",
                () -> stack.as("alice").header("Idempotency-Key", idempotencyKey).body(body)
                        .post(Service.ORDER.url("/api/v1/orders")));
        return expectStatus(response, 201, "alice creates an order for customer " + customerId);
    }

    public JsonNode submit(UUID orderId) {
        return expectStatus(stack.as("alice").post(Service.ORDER.url("/api/v1/orders/" + orderId + "/submit")),
                200, "alice submits order " + orderId);
    }

    /** walt ships every unit of line 1. */
    public JsonNode ship(UUID orderId, int quantity) {
        Response response = stack.as("walt")
                .body(Map.of("carrier", "SF Express", "trackingNumber", "SF" + UUID.randomUUID(),
                        "lines", List.of(Map.of("lineNo", 1, "quantity", quantity))))
                .post(Service.ORDER.url("/api/v1/orders/" + orderId + "/shipments"));
        return expectStatus(response, 201, "walt ships order " + orderId);
    }

    /** fiona invoices what was shipped. */
    public JsonNode invoice(UUID orderId) {
        Response response = stack.as("fiona").body(Map.of())
                .post(Service.ORDER.url("/api/v1/orders/" + orderId + "/invoices"));
        return expectStatus(response, 201, "fiona invoices order " + orderId);
    }

    /** fiona records a bank transfer. */
    public JsonNode pay(UUID orderId, BigDecimal amount) {
        Response response = stack.as("fiona")
                .body(Map.of("amount", amount, "method", "BANK_TRANSFER", "reference", "BT-" + orderId))
                .post(Service.ORDER.url("/api/v1/orders/" + orderId + "/payments"));
        return expectStatus(response, 201, "fiona records payment for order " + orderId);
    }

    public JsonNode order(UUID orderId) {
        return expectStatus(stack.as("alice").get(Service.ORDER.url("/api/v1/orders/" + orderId)), 200,
                "alice reads order " + orderId);
    }

    /**
     * One order from creation to SETTLED through every step, each answering 2xx; the order as it
     * ended.
     */
    public JsonNode settleOrder(UUID customerId, String sku, int quantity) {
        JsonNode created = createOrder(customerId, sku, quantity);
        UUID orderId = UUID.fromString(created.path("id").asText());
        BigDecimal amount = money(created, "netAmount");
        assertEquals("APPROVED", submit(orderId).path("status").asText(),
                "a NET30 order within the credit limit, without discount, under 200,000 needs no approval");
        ship(orderId, quantity);
        invoice(orderId);
        pay(orderId, amount);
        JsonNode settled = order(orderId);
        assertEquals("SETTLED", settled.path("status").asText(), "order after full payment: " + settled);
        return settled;
    }

    /** alice's KPI figures for a month, read with her own token. */
    public Kpi aliceKpi(YearMonth period) {
        Response response = stack.as("alice")
                .queryParam("period", period.toString())
                .get(Service.PERFORMANCE.url("/api/v1/kpis/reps/" + StackClient.ALICE_ID));
        JsonNode kpi = expectStatus(response, 200, "alice reads her KPI for " + period);
        assertTrue(kpi.path("orderCount").isIntegralNumber(), "orderCount is a whole number: " + kpi);
        BigDecimal sales = kpi.path("salesAmount").isNull() ? BigDecimal.ZERO : money(kpi, "salesAmount");
        return new Kpi(sales, kpi.path("orderCount").asInt());
    }

    /**
     * A figure once it has stopped moving (two readings two seconds apart agree), so a figure read
     * before a test is not overtaken by an earlier test's events still on their way.
     */
    public static <T> T steady(Supplier<T> reading) {
        return StackClient.eventually(Duration.ofSeconds(30), () -> {
            T first = reading.get();
            StackClient.pause(Duration.ofSeconds(2));
            T second = reading.get();
            assertEquals(first, second, "still moving");
            return second;
        });
    }

    /** reporting-service's net sales of today (UTC), as diana sees it; zero while today has no point. */
    public BigDecimal salesTrendToday() {
        String today = todayUtc().toString();
        Response response = stack.as("diana")
                .queryParam("granularity", "day").queryParam("from", today).queryParam("to", today)
                .get(Service.REPORTING.url("/api/v1/reports/sales-trend"));
        JsonNode trend = expectStatus(response, 200, "diana reads today's sales trend");
        JsonNode points = trend.path("points");
        assertTrue(points.isArray(), "sales trend has a points array: " + trend);
        for (JsonNode point : points) {
            if (today.equals(point.path("period").asText())) {
                return money(point, "netAmount");
            }
        }
        assertTrue(points.isEmpty(), "a single day asked, so its point or none: " + trend);
        return BigDecimal.ZERO;
    }

    /** reporting-service's count of feedback logged today (UTC), as diana sees it. */
    public long feedbackCountToday() {
        String today = todayUtc().toString();
        Response response = stack.as("diana")
                .queryParam("from", today).queryParam("to", today)
                .get(Service.REPORTING.url("/api/v1/reports/aftersales"));
        JsonNode report = expectStatus(response, 200, "diana reads today's aftersales report");
        assertTrue(report.path("feedbackCount").isIntegralNumber(), "feedbackCount is a whole number: " + report);
        return report.path("feedbackCount").asLong();
    }

    /** alice logs a phone complaint about delivery, retried while aftersales-service does not know the customer yet. */
    public JsonNode logFeedback(UUID customerId) {
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("customerId", customerId.toString(), "channel", "PHONE",
                "category", "DELIVERY", "severity", "MEDIUM", "summary", "late by a day");
        Response response = StackClient.retryWhileRule(REPLICA_WAIT, "feedback.customer-known",
                () -> stack.as("alice").header("Idempotency-Key", idempotencyKey).body(body)
                        .post(Service.AFTERSALES.url("/api/v1/feedback")));
        return expectStatus(response, 201, "alice logs feedback for customer " + customerId);
    }
}
