package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Sales of one day in one group as the read model sums them: a refund is a row with a negative
 * net amount, no cost and no order.
 *
 * @param group the group's value, or null when the trend is not split
 */
public record DailySales(LocalDate day, String group, BigDecimal netAmount, BigDecimal costAmount, long orders) {

    public static DailySales refund(LocalDate day, String group, BigDecimal refunded) {
        return new DailySales(day, group, refunded.negate(), BigDecimal.ZERO, 0);
    }
}
