package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Money given back on a settled order (from {@code sales.order.refunded.v1}). It lowers net sales on
 * the UTC day of the refund, not on the order's day: a closed period's figures do not move.
 */
@Entity
@Table(name = "refund_fact")
public class RefundFact {
    @Id
    @Column(name = "refund_id")
    private UUID refundId;
    @Column(name = "order_id", nullable = false)
    private UUID orderId;
    @Column(name = "refunded_on", nullable = false)
    private LocalDate refundedOn;
    @Column(name = "refunded_at", nullable = false)
    private Instant refundedAt;
    @Column(name = "owner_id", nullable = false)
    private String ownerId;
    private String team;
    private String region;
    private String channel;
    @Column(nullable = false)
    private String currency;
    @Column(nullable = false)
    private BigDecimal amount;
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected RefundFact() {
    }

    public static RefundFact refunded(UUID refundId, UUID orderId, UUID customerId, SalesFact.Seller seller,
            String currency, BigDecimal amount, Instant refundedAt, Instant recordedAt) {
        if (seller.ownerId() == null || seller.ownerId().isBlank()) {
            throw new InvalidFact("refund " + refundId + " without ownerId");
        }
        BigDecimal refunded = Money.amount("amount", amount);
        if (refunded.signum() <= 0) {
            throw new InvalidFact("refund " + refundId + " of " + refunded + "; a refund must be positive");
        }
        RefundFact r = new RefundFact();
        r.refundId = refundId;
        r.orderId = orderId;
        r.customerId = customerId;
        r.ownerId = seller.ownerId();
        r.team = seller.team();
        r.region = seller.region();
        r.channel = seller.channel();
        r.currency = Money.currency(currency);
        r.amount = refunded;
        r.refundedAt = refundedAt;
        r.refundedOn = LocalDate.ofInstant(refundedAt, ZoneOffset.UTC);
        r.recordedAt = recordedAt;
        return r;
    }

    public UUID refundId() {
        return refundId;
    }

    public UUID orderId() {
        return orderId;
    }

    public LocalDate refundedOn() {
        return refundedOn;
    }
}
