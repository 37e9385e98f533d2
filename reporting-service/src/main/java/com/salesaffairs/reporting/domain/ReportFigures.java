package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;

/**
 * The system's figures for a rep's report period, from reporting's read models: orders the rep settled
 * (count, net and cost), refunds paid on them, and customer feedback logged for the rep's customers.
 * Days are UTC calendar days, as in the trend; only facts in {@code currency} count.
 */
public record ReportFigures(String currency, long orders, BigDecimal settledAmount, BigDecimal costAmount,
        long refunds, BigDecimal refundAmount, long feedback) {

    /** Settled net minus refunds: what the trend calls netAmount for the same days. */
    public BigDecimal netSales() {
        return settledAmount.subtract(refundAmount).setScale(2);
    }

    /** Net sales minus the cost of the orders settled. */
    public BigDecimal grossMargin() {
        return netSales().subtract(costAmount).setScale(2);
    }
}
