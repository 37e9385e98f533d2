package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * A settled order as reporting keeps it (from {@code sales.order.settled.v1}): it counts as sales on
 * the UTC day it was settled. Written once, never changed; a refund is a fact of its own.
 */
@Entity
@Table(name = "sales_fact")
public class SalesFact {
    @Id
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "order_number")
    private String orderNumber;
    @Column(name = "settled_on", nullable = false)
    private LocalDate settledOn;
    @Column(name = "settled_at", nullable = false)
    private Instant settledAt;
    @Column(name = "owner_id", nullable = false)
    private String ownerId;
    private String team;
    private String region;
    private String channel;
    @Column(nullable = false)
    private String currency;
    @Column(name = "net_amount", nullable = false)
    private BigDecimal netAmount;
    @Column(name = "cost_amount", nullable = false)
    private BigDecimal costAmount;
    @Column(name = "customer_id", nullable = false)
    private UUID customerId;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "sales_fact_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<SalesFactLine> lines = new ArrayList<>();

    protected SalesFact() {
    }

    /** Who sold it, where and to whom. */
    public record Seller(String ownerId, String team, String region, String channel) {
    }

    public static SalesFact settled(UUID orderId, String orderNumber, UUID customerId, Seller seller, String currency,
            BigDecimal netAmount, BigDecimal costAmount, Instant settledAt, List<SalesFactLine> lines,
            Instant recordedAt) {
        if (seller.ownerId() == null || seller.ownerId().isBlank()) {
            throw new InvalidFact("settled order " + orderId + " without ownerId");
        }
        SalesFact f = new SalesFact();
        f.orderId = orderId;
        f.orderNumber = orderNumber;
        f.customerId = customerId;
        f.ownerId = seller.ownerId();
        f.team = seller.team();
        f.region = seller.region();
        f.channel = seller.channel();
        f.currency = Money.currency(currency);
        f.netAmount = Money.amount("netAmount", netAmount);
        f.costAmount = Money.amount("costAmount", costAmount);
        f.settledAt = settledAt;
        f.settledOn = LocalDate.ofInstant(settledAt, ZoneOffset.UTC);
        f.lines.addAll(lines);
        f.recordedAt = recordedAt;
        return f;
    }

    public UUID orderId() {
        return orderId;
    }

    public LocalDate settledOn() {
        return settledOn;
    }

    public String team() {
        return team;
    }

    // Read by the consumer's batch insert (messaging/OrderFactsConsumer, repository/SalesFactBatch).

    public String orderNumber() {
        return orderNumber;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public String ownerId() {
        return ownerId;
    }

    public String region() {
        return region;
    }

    public String channel() {
        return channel;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal netAmount() {
        return netAmount;
    }

    public BigDecimal costAmount() {
        return costAmount;
    }

    public UUID customerId() {
        return customerId;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /** The lines in order; line_no is the position from 0, as the entity's {@code @OrderColumn} stores it. */
    public List<SalesFactLine> lines() {
        return List.copyOf(lines);
    }
}
