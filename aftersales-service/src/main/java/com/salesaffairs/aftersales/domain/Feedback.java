package com.salesaffairs.aftersales.domain;

import java.util.UUID;

/** What the person logging feedback says about it; customer, owner and team come from the replica. */
public record Feedback(UUID customerId, UUID orderId, FeedbackChannel channel, FeedbackCategory category,
        Severity severity, String summary, String details, FeedbackKind kind) {
}
