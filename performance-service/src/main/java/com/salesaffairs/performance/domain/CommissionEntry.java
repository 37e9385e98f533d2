package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code revenue_entry} as commissions read it: a settled order or a refund (the amount is
 * always positive here; {@code kind} tells which), and the month it is booked in.
 */
public record CommissionEntry(UUID eventId, Kind kind, UUID orderId, String orderNumber, UUID refundId,
        BigDecimal amount, Instant occurredAt, KpiPeriod bookedPeriod) {

    public enum Kind { SETTLED, REFUND }

    public CommissionEntry {
        amount = amount.abs();
    }
}
