package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;

/**
 * Sales of one market group in one of the two windows as the read model sums them: settled orders
 * add revenue, cost and orders; a refund is a row with negative revenue, no cost and no order.
 *
 * @param previous true for the window before the one asked for
 */
public record MarketSales(String group, boolean previous, BigDecimal revenue, BigDecimal cost, long orders) {

    public static MarketSales refund(String group, boolean previous, BigDecimal refunded) {
        return new MarketSales(group, previous, refunded.negate(), BigDecimal.ZERO, 0);
    }
}
