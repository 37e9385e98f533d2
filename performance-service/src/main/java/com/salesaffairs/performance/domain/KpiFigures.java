package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The sales figures of a rep (or a team) for a month, in {@code CNY}. Money is kept to the cent;
 * the margin percentage is rounded half-up to two decimals, the way finance reports it.
 */
public record KpiFigures(BigDecimal salesAmount, BigDecimal costAmount, int orderCount, int refundCount) {
    public static final String CURRENCY = "CNY";
    public static final KpiFigures ZERO = new KpiFigures(BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public KpiFigures {
        salesAmount = cents(Objects.requireNonNull(salesAmount, "salesAmount"));
        costAmount = cents(Objects.requireNonNull(costAmount, "costAmount"));
    }

    /** Net sales less the cost of what was sold. */
    public BigDecimal grossMargin() {
        return salesAmount.subtract(costAmount).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Gross margin as a percentage of net sales, or null when there are no sales to relate it to
     * (no orders, or refunds that wiped the month's sales out): a ratio there would mislead.
     */
    public BigDecimal grossMarginPct() {
        if (salesAmount.signum() <= 0) {
            return null;
        }
        return grossMargin().multiply(HUNDRED).divide(salesAmount, 2, RoundingMode.HALF_UP);
    }

    public KpiFigures plus(KpiFigures other) {
        return new KpiFigures(salesAmount.add(other.salesAmount), costAmount.add(other.costAmount),
                orderCount + other.orderCount, refundCount + other.refundCount);
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
