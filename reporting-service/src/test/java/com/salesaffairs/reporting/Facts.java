package com.salesaffairs.reporting;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.TestUsers;

/** Events as order-service and aftersales-service publish them, for feeding reporting's consumers. */
final class Facts {
    static final String ORDER_TOPIC = "sales.order.events";
    static final String AFTERSALES_TOPIC = "sales.aftersales.events";

    private Facts() {
    }

    /** A settled order with one line carrying the whole amounts. */
    static String settled(String orderId, String team, String settledAt, String net, String cost) {
        return settled(orderId, team, settledAt, net, cost,
                "[{\"sku\":\"SKU-1\",\"category\":\"TOOLS\",\"quantity\":1,\"netAmount\":" + net + ",\"costAmount\":" + cost + "}]");
    }

    static String settled(String orderId, String team, String settledAt, String net, String cost, String lines) {
        return settledBy("west-1".equals(team) ? TestUsers.CINDY_ID : TestUsers.ALICE_ID, orderId, team, settledAt, net,
                cost, lines);
    }

    /** A settled order of the given rep with one line carrying the whole amounts. */
    static String settledBy(String owner, String orderId, String team, String settledAt, String net, String cost) {
        return settledBy(owner, orderId, team, settledAt, net, cost,
                "[{\"sku\":\"SKU-1\",\"category\":\"TOOLS\",\"quantity\":1,\"netAmount\":" + net + ",\"costAmount\":" + cost + "}]");
    }

    private static String settledBy(String owner, String orderId, String team, String settledAt, String net, String cost,
            String lines) {
        String region = team.startsWith("west") ? "west" : "east";
        return "{\"orderId\":\"" + orderId + "\",\"orderNumber\":\"SO-2020-000001\",\"customerId\":\"" + UUID.randomUUID()
                + "\",\"customerName\":\"Test Customer\",\"ownerId\":\"" + owner + "\",\"team\":\"" + team
                + "\",\"region\":\"" + region + "\",\"channel\":\"DIRECT\",\"currency\":\"CNY\",\"netAmount\":" + net
                + ",\"costAmount\":" + cost + ",\"submittedAt\":\"" + settledAt + "\",\"approvedAt\":\"" + settledAt
                + "\",\"settledAt\":\"" + settledAt + "\",\"lines\":" + lines + "}";
    }

    static String refunded(String orderId, String team, String refundedAt, String amount) {
        return "{\"orderId\":\"" + orderId + "\",\"orderNumber\":\"SO-2020-000001\",\"customerId\":\"" + UUID.randomUUID()
                + "\",\"ownerId\":\"" + TestUsers.ALICE_ID + "\",\"team\":\"" + team
                + "\",\"region\":\"east\",\"channel\":\"DIRECT\",\"currency\":\"CNY\",\"refundId\":\"" + UUID.randomUUID()
                + "\",\"amount\":" + amount + ",\"reason\":\"damaged\",\"refundedAt\":\"" + refundedAt + "\"}";
    }

    static String feedback(String caseId, String team, String loggedAt, String category, String severity) {
        return feedbackFor(TestUsers.ALICE_ID, caseId, team, loggedAt, category, severity);
    }

    /** Feedback from a customer of the given rep. */
    static String feedbackFor(String owner, String caseId, String team, String loggedAt, String category, String severity) {
        return "{\"caseId\":\"" + caseId + "\",\"caseNumber\":\"CS-2020-000001\",\"customerId\":\"" + UUID.randomUUID()
                + "\",\"customerName\":\"Test Customer\",\"orderId\":null,\"ownerId\":\"" + owner
                + "\",\"team\":\"" + team + "\",\"region\":\"east\",\"channel\":\"PHONE\",\"category\":\"" + category
                + "\",\"severity\":\"" + severity + "\",\"summary\":\"late\",\"loggedBy\":\"" + TestUsers.SAM_ID
                + "\",\"loggedAt\":\"" + loggedAt + "\",\"responseDueAt\":\"" + loggedAt + "\",\"resolutionDueAt\":\""
                + loggedAt + "\"}";
    }

    static void publishOrderEvent(String ceId, String type, String orderId, String payload) {
        Map<String, String> headers = EventProbe.cloudEventHeaders(ceId, "/order-service", type, orderId);
        EventProbe.publish(ORDER_TOPIC, orderId, headers, payload);
    }

    static void publishFeedback(String ceId, String caseId, String payload) {
        Map<String, String> headers = EventProbe.cloudEventHeaders(ceId, "/aftersales-service",
                "sales.feedback.logged.v1", caseId);
        EventProbe.publish(AFTERSALES_TOPIC, caseId, headers, payload);
    }

    /** Polls until the probe's value passes, or returns the last value after 30 s for the assertion to report. */
    static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = probe.get();
        }
        return value;
    }
}
