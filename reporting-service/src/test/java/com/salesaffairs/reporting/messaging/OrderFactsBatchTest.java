package com.salesaffairs.reporting.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/**
 * The order consumer's poll-at-a-time path (README "Benchmark") keeps the per-event inbox
 * semantics: within one poll, a repeated ce_id is applied once, a second copy of an order under a new
 * ce_id stores nothing, an event already applied in an earlier poll is ignored, an event of another
 * type leaves no inbox row, and an unreadable event fails alone (for the dead-letter topic) while the
 * rest of the poll is stored.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class OrderFactsBatchTest {
    private static final String TOPIC = "sales.order.events";

    @Inject
    OrderFactsConsumer consumer;
    @Inject
    EntityManager em;

    private long offset = 1_000_000;

    @Test
    void one_poll_applies_each_event_once_and_fails_only_the_unreadable_one() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        String ceA = UUID.randomUUID().toString();
        String ceB = UUID.randomUUID().toString();
        String ceC = UUID.randomUUID().toString();
        String earlierC = UUID.randomUUID().toString();
        String copyOfB = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();

        // c was applied in an earlier poll
        assertTrue(consumer.applyAll(List.of(record(earlierC, OrderFactsConsumer.SETTLED, c, settled(c, "30.00")))).isEmpty());

        List<ConsumerRecord<String, String>> poll = new ArrayList<>();
        poll.add(record(ceA, OrderFactsConsumer.SETTLED, a, settled(a, "100.00")));
        poll.add(record(ceB, OrderFactsConsumer.SETTLED, b, settled(b, "200.00")));
        ConsumerRecord<String, String> unreadable = record(UUID.randomUUID().toString(), OrderFactsConsumer.SETTLED, bad,
                settled(bad, "5.00").replace("\"orderId\":\"" + bad + "\",", ""));
        poll.add(unreadable);
        poll.add(record(ceA, OrderFactsConsumer.SETTLED, a, settled(a, "100.00"))); // redelivered in the same poll
        poll.add(record(copyOfB, OrderFactsConsumer.SETTLED, b, settled(b, "999.00"))); // the order again, new ce_id
        poll.add(record(earlierC, OrderFactsConsumer.SETTLED, c, settled(c, "30.00"))); // applied before
        poll.add(record(ceC, OrderFactsConsumer.SETTLED, c, settled(c, "31.00"))); // c again under a new ce_id
        poll.add(record(other, "sales.order.shipped.v1", a, "{}")); // not a sales fact

        Map<ConsumerRecord<String, String>, RuntimeException> failed = consumer.applyAll(poll);

        assertEquals(1, failed.size(), failed.toString());
        assertSame(unreadable, failed.keySet().iterator().next());
        assertTrue(failed.get(unreadable).getMessage().contains("without orderId"), failed.get(unreadable).getMessage());
        assertEquals("100.00", net(a));
        assertEquals("200.00", net(b)); // the first copy's figures, not the second's
        assertEquals("30.00", net(c));
        assertEquals(0L, count("SELECT count(*) FROM sales_fact WHERE order_id = CAST('" + bad + "' AS uuid)"));
        assertEquals(2L, count("SELECT count(*) FROM sales_fact_line WHERE order_id = CAST('" + a + "' AS uuid)"));
        assertEquals(2L, count("SELECT count(*) FROM sales_fact_line WHERE order_id = CAST('" + b + "' AS uuid)"));
        for (String ce : List.of(ceA, ceB, ceC, earlierC, copyOfB)) {
            assertEquals(1L, count("SELECT count(*) FROM inbox_event WHERE consumer = 'sales-read-model' AND ce_id = CAST('"
                    + ce + "' AS uuid)"), ce);
        }
        assertEquals(0L, count("SELECT count(*) FROM inbox_event WHERE ce_id = CAST('" + other + "' AS uuid)"));
    }

    @Test
    void a_poll_with_a_refund_stores_the_refund_once() {
        String order = UUID.randomUUID().toString();
        String refundCe = UUID.randomUUID().toString();
        String refund = "{\"orderId\":\"" + order + "\",\"orderNumber\":\"SO-2019-000001\",\"customerId\":\"" + UUID.randomUUID()
                + "\",\"ownerId\":\"" + TestUsers.ALICE_ID + "\",\"team\":\"east-1\",\"region\":\"east\",\"channel\":\"DIRECT\","
                + "\"currency\":\"CNY\",\"refundId\":\"" + UUID.randomUUID() + "\",\"amount\":12.50,\"reason\":\"damaged\","
                + "\"refundedAt\":\"2019-06-04T08:00:00Z\"}";
        List<ConsumerRecord<String, String>> poll = List.of(
                record(UUID.randomUUID().toString(), OrderFactsConsumer.SETTLED, order, settled(order, "50.00")),
                record(refundCe, OrderFactsConsumer.REFUNDED, order, refund),
                record(refundCe, OrderFactsConsumer.REFUNDED, order, refund));
        assertTrue(consumer.applyAll(poll).isEmpty());
        assertEquals(1L, count("SELECT count(*) FROM refund_fact WHERE order_id = CAST('" + order + "' AS uuid)"));
        assertEquals("50.00", net(order));
    }

    private ConsumerRecord<String, String> record(String ceId, String type, String subject, String payload) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>(TOPIC, 0, offset++, subject, payload);
        EventProbe.cloudEventHeaders(ceId, "/order-service", type, subject)
                .forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return r;
    }

    /** A settled order of 2019 with two lines sharing the amount. */
    private static String settled(String orderId, String net) {
        String half = new java.math.BigDecimal(net).divide(java.math.BigDecimal.valueOf(2)).setScale(2,
                java.math.RoundingMode.DOWN).toPlainString();
        String rest = new java.math.BigDecimal(net).subtract(new java.math.BigDecimal(half)).toPlainString();
        return "{\"orderId\":\"" + orderId + "\",\"orderNumber\":\"SO-2019-000001\",\"customerId\":\"" + UUID.randomUUID()
                + "\",\"customerName\":\"Test Customer\",\"ownerId\":\"" + TestUsers.ALICE_ID
                + "\",\"team\":\"east-1\",\"region\":\"east\",\"channel\":\"DIRECT\",\"currency\":\"CNY\",\"netAmount\":" + net
                + ",\"costAmount\":1.00,\"settledAt\":\"2019-06-03T10:00:00Z\",\"lines\":["
                + "{\"sku\":\"SKU-1\",\"category\":\"TOOLS\",\"quantity\":1,\"netAmount\":" + half + ",\"costAmount\":0.50},"
                + "{\"sku\":\"SKU-2\",\"category\":\"PARTS\",\"quantity\":1,\"netAmount\":" + rest + ",\"costAmount\":0.50}]}";
    }

    private String net(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "SELECT net_amount FROM sales_fact WHERE order_id = CAST('" + orderId + "' AS uuid)").getSingleResult()));
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
