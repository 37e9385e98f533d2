package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;

/**
 * One period of a sales trend, in one group.
 *
 * @param grossMargin net amount less cost, as an amount of money
 */
public record TrendPoint(String period, String group, BigDecimal netAmount, BigDecimal costAmount,
        BigDecimal grossMargin, long orders) {
}
