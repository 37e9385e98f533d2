package com.salesaffairs.performance;

import java.util.Map;
import java.util.UUID;

import com.salesaffairs.platform.testing.EventProbe;

/** order-service's events as its relay would publish them (the fixed contract of the brief). */
final class OrderFacts {
    static final String TOPIC = "sales.order.events";

    private OrderFacts() {
    }

    static String settledPayload(String orderId, String ownerId, String team, String region, String net, String cost,
            String settledAt) {
        return "{\"orderId\":\"" + orderId + "\",\"orderNumber\":\"SO-2031-000123\",\"customerId\":\"" + UUID.randomUUID()
                + "\",\"customerName\":\"Acme Machinery\",\"ownerId\":\"" + ownerId + "\",\"team\":\"" + team
                + "\",\"region\":\"" + region + "\",\"channel\":\"DIRECT\",\"currency\":\"CNY\",\"netAmount\":" + net
                + ",\"costAmount\":" + cost + ",\"submittedAt\":\"2031-01-02T08:00:00Z\",\"approvedAt\":\"2031-01-02T09:00:00Z\""
                + ",\"settledAt\":\"" + settledAt + "\",\"lines\":[{\"sku\":\"PUMP-100\",\"category\":\"pumps\",\"quantity\":1"
                + ",\"netAmount\":" + net + ",\"costAmount\":" + cost + "}]}";
    }

    static String refundPayload(String orderId, String ownerId, String team, String region, String amount,
            String refundedAt) {
        return "{\"orderId\":\"" + orderId + "\",\"orderNumber\":\"SO-2031-000123\",\"customerId\":\"" + UUID.randomUUID()
                + "\",\"ownerId\":\"" + ownerId + "\",\"team\":\"" + team + "\",\"region\":\"" + region
                + "\",\"channel\":\"DIRECT\",\"currency\":\"CNY\",\"refundId\":\"" + UUID.randomUUID() + "\",\"amount\":"
                + amount + ",\"reason\":\"damaged in transit\",\"refundedAt\":\"" + refundedAt + "\"}";
    }

    /** Publishes with the given ce_id, so a test can redeliver the very same event. */
    static void publish(String ceId, String type, String orderId, String payload) {
        Map<String, String> headers = EventProbe.cloudEventHeaders(ceId, "/order-service", type, orderId);
        EventProbe.publish(TOPIC, orderId, headers, payload);
    }

    /** A settled order whose event carries the given W3C traceparent header. */
    static void settledTraced(String traceparent, String orderId, String ownerId, String team, String region,
            String net, String cost, String settledAt) {
        Map<String, String> headers = EventProbe.cloudEventHeaders(UUID.randomUUID().toString(), "/order-service",
                "sales.order.settled.v1", orderId);
        headers.put("traceparent", traceparent);
        EventProbe.publish(TOPIC, orderId, headers, settledPayload(orderId, ownerId, team, region, net, cost, settledAt));
    }

    static String settled(String orderId, String ownerId, String team, String region, String net, String cost,
            String settledAt) {
        String ceId = UUID.randomUUID().toString();
        publish(ceId, "sales.order.settled.v1", orderId, settledPayload(orderId, ownerId, team, region, net, cost, settledAt));
        return ceId;
    }

    static String refunded(String orderId, String ownerId, String team, String region, String amount, String refundedAt) {
        String ceId = UUID.randomUUID().toString();
        publish(ceId, "sales.order.refunded.v1", orderId, refundPayload(orderId, ownerId, team, region, amount, refundedAt));
        return ceId;
    }
}
