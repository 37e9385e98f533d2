package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of a settled order: what was sold, in which product category, for how much. */
@Embeddable
public class SalesFactLine {
    @Column(nullable = false)
    private String sku;
    private String category;
    @Column(nullable = false)
    private int quantity;
    @Column(nullable = false)
    private BigDecimal net;
    @Column(nullable = false)
    private BigDecimal cost;

    protected SalesFactLine() {
    }

    public SalesFactLine(String sku, String category, int quantity, BigDecimal net, BigDecimal cost) {
        if (quantity <= 0) {
            throw new InvalidFact("line " + sku + " has quantity " + quantity + "; it must be positive");
        }
        this.sku = sku;
        this.category = category;
        this.quantity = quantity;
        this.net = Money.amount("lines.netAmount", net);
        this.cost = Money.amount("lines.costAmount", cost);
    }

    public String sku() {
        return sku;
    }

    public String category() {
        return category;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal net() {
        return net;
    }

    public BigDecimal cost() {
        return cost;
    }
}
