package com.salesaffairs.order.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One priced line of an order, with what has shipped and been invoiced of it. */
@Embeddable
public class OrderLine {
    /** Written by the order's list index (lines are numbered 1..n), read back here. */
    @Column(name = "line_no", nullable = false, insertable = false, updatable = false)
    private int lineNo;
    @Column(nullable = false)
    private String sku;
    @Column(name = "product_name", nullable = false)
    private String productName;
    @Column(nullable = false)
    private String category;
    @Column(nullable = false)
    private int quantity;
    @Column(name = "list_price", nullable = false)
    private BigDecimal listPrice;
    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;
    @Column(name = "discount_pct", nullable = false)
    private BigDecimal discountPct;
    @Column(name = "unit_cost", nullable = false)
    private BigDecimal unitCost;
    @Column(name = "net_amount", nullable = false)
    private BigDecimal netAmount;
    @Column(name = "cost_amount", nullable = false)
    private BigDecimal costAmount;
    @Column(name = "shipped_qty", nullable = false)
    private int shippedQty;
    @Column(name = "invoiced_qty", nullable = false)
    private int invoicedQty;
    /** Units a short-close cancelled: never shipped, never to ship. */
    @Column(name = "cancelled_qty", nullable = false)
    private int cancelledQty;

    protected OrderLine() {
    }

    public OrderLine(int lineNo, Product product, int quantity, BigDecimal unitPrice, BigDecimal discountPct) {
        this.lineNo = lineNo;
        this.sku = product.sku();
        this.productName = product.name();
        this.category = product.category();
        this.quantity = quantity;
        this.listPrice = product.listPrice();
        this.unitPrice = Money.cents(unitPrice);
        this.discountPct = discountPct.setScale(2, java.math.RoundingMode.HALF_UP);
        this.unitCost = product.unitCost();
        this.netAmount = Money.lineNet(quantity, this.unitPrice, this.discountPct);
        this.costAmount = Money.cents(product.unitCost().multiply(BigDecimal.valueOf(quantity)));
    }

    void ship(int qty) {
        shippedQty += qty;
    }

    void invoice(int qty) {
        invoicedQty += qty;
    }

    /** Cancels what is left to ship of the line (short-close); what shipped stays sold. */
    void cancelRest() {
        cancelledQty += leftToShip();
    }

    public int lineNo() {
        return lineNo;
    }

    public String sku() {
        return sku;
    }

    public String productName() {
        return productName;
    }

    public String category() {
        return category;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal listPrice() {
        return listPrice;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal discountPct() {
        return discountPct;
    }

    public BigDecimal unitCost() {
        return unitCost;
    }

    public BigDecimal netAmount() {
        return netAmount;
    }

    public BigDecimal costAmount() {
        return costAmount;
    }

    public int shippedQty() {
        return shippedQty;
    }

    public int invoicedQty() {
        return invoicedQty;
    }

    public int cancelledQty() {
        return cancelledQty;
    }

    public int leftToShip() {
        return quantity - shippedQty - cancelledQty;
    }

    /** The units the line sells: as ordered, less what a short-close cancelled. */
    public int soldQuantity() {
        return quantity - cancelledQty;
    }

    /**
     * What the line sells for: its net amount, or after a short-close the share of it its sold units
     * are worth (the same cumulative rounding invoices use, so invoicing every sold unit comes to
     * exactly this).
     */
    public BigDecimal soldNetAmount() {
        return cancelledQty == 0 ? netAmount : Money.share(netAmount, quantity, soldQuantity(), 0);
    }

    /** What the sold units cost, shared out of the line's cost as its net amount is. */
    public BigDecimal soldCostAmount() {
        return cancelledQty == 0 ? costAmount : Money.share(costAmount, quantity, soldQuantity(), 0);
    }
}
