package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One settled order or one refund as order-service reported it, kept line by line in
 * {@code revenue_entry} (one row per {@code ce_id}) beside the monthly aggregate in {@code kpi_fact},
 * so a commission statement or a scorecard can name each order. {@link #amount()} is positive for a
 * settlement, negative for a refund.
 */
public record RevenueFact(UUID eventId, Kind kind, UUID orderId, String orderNumber, UUID refundId, UUID customerId,
        KpiContribution contribution, Instant occurredAt) {

    public enum Kind {
        SETTLED, REFUND
    }

    public RevenueFact {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contribution, "contribution");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (orderId == null) {
            throw new InvalidOrderFact("order fact without orderId");
        }
    }

    /** The month (UTC) the settlement or refund happened in; it may be booked in a later one. */
    public KpiPeriod period() {
        return contribution.period();
    }

    public BigDecimal amount() {
        return contribution.salesDelta();
    }

    public BigDecimal costAmount() {
        return contribution.costDelta();
    }
}
