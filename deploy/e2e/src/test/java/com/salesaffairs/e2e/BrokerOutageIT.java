package com.salesaffairs.e2e;

import static com.salesaffairs.e2e.StackClient.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.YearMonth;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.e2e.SalesSteps.Kpi;

/**
 * The outbox promise (docs/events.md): with the broker down, every request still succeeds
 * because it only commits to the service's own database; once the broker is back the relay
 * delivers every fact, and the consumers' inboxes count each exactly once.
 */
class BrokerOutageIT {
    private static final int ORDERS = 5;
    private static final int QUANTITY = 2;
    private static final BigDecimal ORDER_AMOUNT = new BigDecimal("2500.00");
    private static final Duration RECOVERY = Duration.ofSeconds(90);
    /** How long the KPI must stay put after reaching the expected figure: a late redelivery would move it. */
    private static final Duration HOLD = Duration.ofSeconds(5);

    private final StackClient stack = StackClient.local();
    private final SalesSteps steps = new SalesSteps(stack);

    @Test
    void orders_settled_while_kafka_is_down_count_once_each_in_the_kpi_after_it_returns() {
        UUID customerId = steps.registerCustomer("E2E outage " + UUID.randomUUID());
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        steps.createProduct(sku, new BigDecimal("1250.00"), new BigDecimal("700.00"));
        steps.receiveStock(sku, 100);
        // order-service learns the customer from Kafka: it must have it before the broker goes
        JsonNode probe = steps.createOrder(customerId, sku, 1);
        assertEquals("DRAFT", probe.path("status").asText(), probe.toString());

        YearMonth period = SalesSteps.monthUtc();
        Kpi before = SalesSteps.steady(() -> steps.aliceKpi(period));
        BigDecimal trendBefore = SalesSteps.steady(() -> steps.salesTrendToday().stripTrailingZeros());

        assertEquals(0, LocalStack.run("down.sh", "kafka"), "deploy/local/down.sh kafka");
        int upExit;
        try {
            assertFalse(brokerAnswers(), "the broker at " + stack.kafkaBootstrap() + " is down");
            for (int i = 0; i < ORDERS; i++) {
                JsonNode settled = steps.settleOrder(customerId, sku, QUANTITY);
                assertMoney(ORDER_AMOUNT, money(settled, "netAmount"), "order " + settled.path("id").asText());
            }
        } finally {
            upExit = LocalStack.run("up.sh", "kafka");
        }
        assertEquals(0, upExit, "deploy/local/up.sh kafka");
        assertTrue(brokerAnswers(), "the broker is back");

        BigDecimal expectedSales = before.salesAmount().add(ORDER_AMOUNT.multiply(BigDecimal.valueOf(ORDERS)));
        int expectedCount = before.orderCount() + ORDERS;
        StackClient.eventually(RECOVERY, () -> {
            assertKpi(expectedSales, expectedCount, steps.aliceKpi(period), "after the broker returned");
            return null;
        });
        BigDecimal expectedTrend = trendBefore.add(ORDER_AMOUNT.multiply(BigDecimal.valueOf(ORDERS)));
        StackClient.eventually(RECOVERY, () -> {
            assertMoney(expectedTrend, steps.salesTrendToday(), "today's net sales in reporting after the broker returned");
            return null;
        });
        StackClient.pause(HOLD);
        assertKpi(expectedSales, expectedCount, steps.aliceKpi(period), HOLD.toSeconds() + " s later (nothing doubled)");
        assertMoney(expectedTrend, steps.salesTrendToday(), "today's net sales " + HOLD.toSeconds() + " s later");
    }

    private static void assertKpi(BigDecimal sales, int count, Kpi actual, String when) {
        assertMoney(sales, actual.salesAmount(), "alice's KPI salesAmount " + when);
        assertEquals(count, actual.orderCount(), "alice's KPI orderCount " + when);
    }

    private static void assertMoney(BigDecimal expected, BigDecimal actual, String what) {
        assertEquals(0, expected.compareTo(actual), what + ": expected " + expected + " but was " + actual);
    }

    private boolean brokerAnswers() {
        String first = stack.kafkaBootstrap().split(",")[0];
        int colon = first.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))),
                    2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
