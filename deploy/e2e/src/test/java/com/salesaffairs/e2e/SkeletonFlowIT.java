package com.salesaffairs.e2e;

import static com.salesaffairs.e2e.StackClient.money;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.e2e.SalesSteps.Kpi;
import com.salesaffairs.e2e.client.order.model.InvoiceView;
import com.salesaffairs.e2e.client.order.model.OrderView;
import com.salesaffairs.e2e.client.performance.model.RepKpiView;

/**
 * The walking skeleton through all five services: a customer registered in opportunity-service
 * reaches order- and aftersales-service as events; an order goes from draft to settled in
 * order-service; the settled fact reaches performance-service (KPI) and reporting-service (sales
 * trend), and the feedback fact reaches reporting-service. Each service reads only its own
 * database, so every arrow in between is Kafka. Every call goes through the Java clients generated
 * from the services' OpenAPI documents ({@link GeneratedClientSteps}).
 */
class SkeletonFlowIT {
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(15);
    private static final BigDecimal LIST_PRICE = new BigDecimal("1250.00");
    private static final BigDecimal UNIT_COST = new BigDecimal("700.00");
    private static final int QUANTITY = 4;
    private static final BigDecimal ORDER_AMOUNT = new BigDecimal("5000.00");
    private static final BigDecimal ORDER_COST = new BigDecimal("2800.00");
    private static final String ORDER_TOPIC = "sales.order.events";
    private static final String SETTLED = "sales.order.settled.v1";

    private final StackClient stack = StackClient.local();
    private final GeneratedClientSteps steps = new GeneratedClientSteps(stack);

    @Test
    void a_settled_order_reaches_kpi_and_reports_and_finance_reads_the_settled_fact() throws Exception {
        // 1-2. customer, product, stock
        UUID customerId = steps.registerCustomer("E2E " + UUID.randomUUID());
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        steps.stockProduct(sku, LIST_PRICE, UNIT_COST, 100);

        // 3. the figures before this order
        YearMonth period = SalesSteps.monthUtc();
        Kpi kpiBefore = SalesSteps.steady(() -> aliceKpi(period));
        BigDecimal trendBefore = SalesSteps.steady(() -> call(steps::salesTrendToday).stripTrailingZeros());
        long feedbackBefore = SalesSteps.steady(() -> call(steps::feedbackCountToday));

        // 4. the order, once order-service has the customer replica
        OrderView draft = steps.createOrder(customerId, sku, QUANTITY);
        UUID orderId = draft.getId();
        assertEquals("DRAFT", draft.getStatus(), draft.toString());
        assertMoney(ORDER_AMOUNT, draft.getNetAmount(), "4 x 1250.00 without discount");

        // 5. no approval needed: no discount, NET30 within the credit finance granted, under 200,000
        assertEquals("APPROVED", steps.submit(draft).getStatus());

        // 6. shipped in full
        assertEquals(QUANTITY, steps.ship(orderId, QUANTITY).getLines().get(0).getQuantity());
        assertEquals("SHIPPED", steps.order(orderId).getStatus());

        // 7. invoiced and paid in full
        InvoiceView invoice = steps.invoice(orderId);
        assertMoney(ORDER_AMOUNT, invoice.getAmount(), "the invoice covers what was shipped");
        steps.pay(orderId, ORDER_AMOUNT);
        assertEquals("SETTLED", steps.order(orderId).getStatus());

        // 8. the settled fact reaches performance- and reporting-service
        StackClient.eventually(PROJECTION_WAIT, () -> {
            Kpi now = aliceKpi(period);
            assertMoney(kpiBefore.salesAmount().add(ORDER_AMOUNT), now.salesAmount(), "alice's KPI salesAmount");
            assertEquals(kpiBefore.orderCount() + 1, now.orderCount(), "alice's KPI orderCount");
            return now;
        });
        StackClient.eventually(PROJECTION_WAIT, () -> {
            assertMoney(trendBefore.add(ORDER_AMOUNT), call(steps::salesTrendToday), "today's net sales in the trend");
            return null;
        });

        // 8b. feedback, once aftersales-service has the customer replica, reaches reporting
        assertEquals(customerId, steps.logFeedback(customerId).getCustomerId());
        StackClient.eventually(PROJECTION_WAIT, () -> {
            assertEquals(feedbackBefore + 1, call(steps::feedbackCountToday), "today's feedback count");
            return null;
        });

        // 9. what finance's own consumer reads
        assertOrderFactsOnKafka(orderId, customerId, sku);
    }

    private Kpi aliceKpi(YearMonth period) {
        RepKpiView kpi = call(() -> steps.aliceKpi(period));
        return new Kpi(kpi.getSalesAmount() == null ? BigDecimal.ZERO : kpi.getSalesAmount(), kpi.getOrderCount());
    }

    /** A step inside a polling lambda, whose checked failures fail the poll like an assertion. */
    private static <T> T call(Callable<T> step) {
        try {
            return step.call();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void assertOrderFactsOnKafka(UUID orderId, UUID customerId, String sku) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicReader.recordsWithKey(stack.kafkaBootstrap(), ORDER_TOPIC,
                orderId.toString(), r -> SETTLED.equals(TopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
        List<String> types = records.stream().map(r -> TopicReader.header(r, "ce_type")).toList();
        assertFalse(records.isEmpty(), "no record with key " + orderId + " on " + ORDER_TOPIC);
        ConsumerRecord<String, String> settled = records.get(records.size() - 1);
        assertEquals(SETTLED, TopicReader.header(settled, "ce_type"), "no settled event for the order; saw " + types);

        String ceId = TopicReader.header(settled, "ce_id");
        assertAll("CloudEvents headers of the settled event",
                () -> assertEquals("1.0", TopicReader.header(settled, "ce_specversion")),
                () -> assertEquals("/order-service", TopicReader.header(settled, "ce_source")),
                () -> assertTrue(isUuid(ceId), "ce_id is a UUID: " + ceId),
                () -> assertEquals(orderId.toString(), TopicReader.header(settled, "ce_subject")),
                () -> assertEquals("application/json", TopicReader.header(settled, "content-type")));

        JsonNode fact = StackClient.JSON.readTree(settled.value());
        JsonNode line = fact.path("lines").path(0);
        assertAll("payload of " + SETTLED + ": " + fact,
                () -> assertEquals(orderId.toString(), fact.path("orderId").asText()),
                () -> assertEquals(customerId.toString(), fact.path("customerId").asText()),
                () -> assertEquals(StackClient.ALICE_ID, fact.path("ownerId").asText()),
                () -> assertEquals("east-1", fact.path("team").asText()),
                () -> assertEquals("east", fact.path("region").asText()),
                () -> assertEquals("DIRECT", fact.path("channel").asText()),
                () -> assertEquals("CNY", fact.path("currency").asText()),
                () -> assertMoney(ORDER_AMOUNT, money(fact, "netAmount"), "netAmount"),
                () -> assertMoney(ORDER_COST, money(fact, "costAmount"), "costAmount: 4 x 700.00"),
                () -> assertTrue(isInstant(fact.path("settledAt").asText(null)), "settledAt: " + fact.path("settledAt")),
                () -> assertEquals(1, fact.path("lines").size(), "one line"),
                () -> assertEquals(sku, line.path("sku").asText()),
                () -> assertEquals("Pumps", line.path("category").asText()),
                () -> assertTrue(line.path("quantity").isIntegralNumber() && line.path("quantity").asInt() == QUANTITY,
                        "line quantity 4: " + line),
                () -> assertMoney(ORDER_AMOUNT, money(line, "netAmount"), "line netAmount"),
                () -> assertMoney(ORDER_COST, money(line, "costAmount"), "line costAmount"));

        List<String> lifecycle = List.of("sales.order.approved.v1", "sales.order.shipped.v1", "sales.order.invoiced.v1",
                "sales.order.payment-received.v1", SETTLED);
        int previous = -1;
        for (String type : lifecycle) {
            int at = types.indexOf(type);
            assertTrue(at > previous, type + " after the one before it in " + lifecycle + "; the order's events: " + types);
            previous = at;
        }
    }

    private static void assertMoney(BigDecimal expected, BigDecimal actual, String what) {
        assertEquals(0, expected.compareTo(actual), what + ": expected " + expected + " but was " + actual);
    }

    private static boolean isUuid(String text) {
        try {
            return text != null && UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isInstant(String text) {
        try {
            return text != null && Instant.parse(text) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
