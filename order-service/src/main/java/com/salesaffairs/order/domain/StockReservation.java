package com.salesaffairs.order.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Units of one order line promised from one warehouse; shipped units are taken off it. */
@Entity
@Table(name = "stock_reservation")
public class StockReservation {
    public enum Status {
        ACTIVE, CONSUMED, RELEASED
    }

    @Id
    public UUID id;
    @Column(name = "order_id", nullable = false)
    public UUID orderId;
    @Column(name = "line_no", nullable = false)
    public int lineNo;
    @Column(nullable = false)
    public String sku;
    @Column(nullable = false)
    public String warehouse;
    /** Units still promised (not yet shipped). */
    @Column(nullable = false)
    public int quantity;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static StockReservation of(UUID orderId, int lineNo, String sku, String warehouse, int quantity, Instant at) {
        StockReservation r = new StockReservation();
        r.id = UUID.randomUUID();
        r.orderId = orderId;
        r.lineNo = lineNo;
        r.sku = sku;
        r.warehouse = warehouse;
        r.quantity = quantity;
        r.status = Status.ACTIVE;
        r.createdAt = at;
        return r;
    }
}
