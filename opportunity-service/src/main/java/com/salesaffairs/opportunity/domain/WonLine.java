package com.salesaffairs.opportunity.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What the customer agreed to buy, for the rep to turn into an order; unit price is optional (the list price applies). */
@Embeddable
public class WonLine {
    @Column(nullable = false)
    private String sku;
    @Column(nullable = false)
    private int quantity;
    @Column(name = "unit_price")
    private BigDecimal unitPrice;

    protected WonLine() {
    }

    public WonLine(String sku, int quantity, BigDecimal unitPrice) {
        this.sku = sku;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
    }

    public String sku() {
        return sku;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }
}
