package com.salesaffairs.order.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Stock of one sku in one warehouse: on hand, promised to approved orders, and what is left to promise. */
@Entity
@Table(name = "stock_level")
@IdClass(StockLevel.Key.class)
public class StockLevel {
    @Id
    private String sku;
    @Id
    private String warehouse;
    @Column(name = "on_hand", nullable = false)
    private int onHand;
    @Column(nullable = false)
    private int reserved;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected StockLevel() {
    }

    public static StockLevel empty(String sku, String warehouse, Instant at) {
        StockLevel s = new StockLevel();
        s.sku = sku;
        s.warehouse = warehouse;
        s.updatedAt = at;
        return s;
    }

    public void receive(int quantity, Instant at) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a receipt adds a positive quantity");
        }
        onHand += quantity;
        updatedAt = at;
    }

    public int available() {
        return onHand - reserved;
    }

    /** Promises up to {@code wanted} units; returns how many it could promise. */
    public int reserveUpTo(int wanted, Instant at) {
        int taken = Math.min(wanted, available());
        if (taken > 0) {
            reserved += taken;
            updatedAt = at;
        }
        return taken;
    }

    public void release(int quantity, Instant at) {
        if (quantity > reserved) {
            throw new IllegalStateException("releasing " + quantity + " of " + reserved + " reserved " + sku);
        }
        reserved -= quantity;
        updatedAt = at;
    }

    /** Reserved units leave the warehouse. */
    public void ship(int quantity, Instant at) {
        if (quantity > reserved || quantity > onHand) {
            throw new IllegalStateException("shipping " + quantity + " of " + reserved + " reserved " + sku);
        }
        reserved -= quantity;
        onHand -= quantity;
        updatedAt = at;
    }

    public String sku() {
        return sku;
    }

    public String warehouse() {
        return warehouse;
    }

    public int onHand() {
        return onHand;
    }

    public int reserved() {
        return reserved;
    }

    public static class Key implements Serializable {
        public String sku;
        public String warehouse;

        public Key() {
        }

        public Key(String sku, String warehouse) {
            this.sku = sku;
            this.warehouse = warehouse;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sku, k.sku) && Objects.equals(warehouse, k.warehouse);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sku, warehouse);
        }
    }
}
