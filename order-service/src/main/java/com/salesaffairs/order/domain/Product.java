package com.salesaffairs.order.domain;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "product")
public class Product {
    @Id
    private String sku;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String category;
    @Column(name = "list_price", nullable = false)
    private BigDecimal listPrice;
    @Column(name = "unit_cost", nullable = false)
    private BigDecimal unitCost;
    @Column(nullable = false)
    private String currency;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Product() {
    }

    public static Product create(String sku, String name, String category, BigDecimal listPrice, BigDecimal unitCost,
            String currency, Instant at) {
        Product p = new Product();
        p.sku = sku;
        p.name = name;
        p.category = category;
        p.listPrice = Money.cents(listPrice);
        p.unitCost = Money.cents(unitCost);
        p.currency = currency;
        p.active = true;
        p.createdAt = at;
        return p;
    }

    /** An inactive product stays on existing orders but cannot be ordered again. */
    public void setActive(boolean isActive) {
        active = isActive;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public String category() {
        return category;
    }

    public BigDecimal listPrice() {
        return listPrice;
    }

    public BigDecimal unitCost() {
        return unitCost;
    }

    public String currency() {
        return currency;
    }

    public boolean active() {
        return active;
    }

    public long version() {
        return version;
    }
}
