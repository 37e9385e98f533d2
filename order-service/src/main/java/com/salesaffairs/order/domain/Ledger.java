package com.salesaffairs.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The order's records that are written once and never changed: receipts, shipments, invoices, money, history. */
public final class Ledger {
    private Ledger() {
    }

    /**
     * One order line's part of a shipment, invoice or refund: the units and their net amount (the
     * difference of two cumulative roundings of the line, see {@link Money#share}, so the parts of a
     * line add up to it to the cent). Kept as JSON in the row's {@code lines} column.
     */
    public record PartLine(int lineNo, String sku, int quantity, BigDecimal netAmount) {
    }

    /**
     * One order line's part of a refund: the money given back on it and, when the refund names
     * them, the units returned. Kept as JSON in {@code refund.lines}.
     */
    public record RefundLine(int lineNo, String sku, String category, Integer quantity, BigDecimal netAmount) {
    }

    @Entity
    @Table(name = "goods_receipt")
    public static class GoodsReceipt {
        @Id
        public UUID id;
        @Column(nullable = false)
        public String sku;
        @Column(nullable = false)
        public String warehouse;
        @Column(nullable = false)
        public int quantity;
        public String reference;
        @Column(name = "received_by", nullable = false)
        public String receivedBy;
        @Column(name = "received_at", nullable = false)
        public Instant receivedAt;
    }

    @Entity
    @Table(name = "shipment")
    public static class Shipment {
        @Id
        public UUID id;
        @Column(name = "order_id", nullable = false)
        public UUID orderId;
        @Column(nullable = false)
        public String carrier;
        @Column(name = "tracking_number", nullable = false)
        public String trackingNumber;
        @Column(name = "shipped_by", nullable = false)
        public String shippedBy;
        @Column(name = "shipped_at", nullable = false)
        public Instant shippedAt;
        /** JSON list of {lineNo, sku, quantity, netAmount}; rows written before 2026-12 hold {lineNo, quantity} only. */
        @Column(nullable = false, columnDefinition = "text")
        public String lines;
    }

    @Entity
    @Table(name = "invoice")
    public static class Invoice {
        @Id
        public UUID id;
        @Column(name = "invoice_number", nullable = false)
        public String invoiceNumber;
        @Column(name = "order_id", nullable = false)
        public UUID orderId;
        @Column(nullable = false)
        public BigDecimal amount;
        /** JSON list of {lineNo, sku, quantity, netAmount}. */
        @Column(nullable = false, columnDefinition = "text")
        public String lines;
        @Column(name = "issued_by", nullable = false)
        public String issuedBy;
        @Column(name = "issued_at", nullable = false)
        public Instant issuedAt;
        @Column(name = "due_date", nullable = false)
        public LocalDate dueDate;
    }

    @Entity
    @Table(name = "payment")
    public static class Payment {
        @Id
        public UUID id;
        @Column(name = "order_id", nullable = false)
        public UUID orderId;
        @Column(nullable = false)
        public BigDecimal amount;
        @Column(nullable = false)
        public String method;
        public String reference;
        @Column(name = "recorded_by", nullable = false)
        public String recordedBy;
        @Column(name = "received_at", nullable = false)
        public Instant receivedAt;
    }

    @Entity
    @Table(name = "refund")
    public static class Refund {
        @Id
        public UUID id;
        @Column(name = "order_id", nullable = false)
        public UUID orderId;
        @Column(nullable = false)
        public BigDecimal amount;
        @Column(nullable = false)
        public String reason;
        @Column(name = "recorded_by", nullable = false)
        public String recordedBy;
        @Column(name = "refunded_at", nullable = false)
        public Instant refundedAt;
        /** JSON list of {@link RefundLine}; null on refunds recorded before lines were kept (attributed pro rata when read). */
        @Column(columnDefinition = "text")
        public String lines;
    }

    @Entity
    @Table(name = "order_history")
    public static class HistoryEntry {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        public Long id;
        @Column(name = "order_id", nullable = false)
        public UUID orderId;
        @Column(nullable = false)
        public Instant at;
        @Column(nullable = false)
        public String actor;
        @Column(name = "on_behalf_of")
        public String onBehalfOf;
        @Column(nullable = false)
        public String action;
        public String detail;
        @Column(name = "policy_key")
        public String policyKey;
        @Column(name = "policy_version")
        public Integer policyVersion;
    }
}
