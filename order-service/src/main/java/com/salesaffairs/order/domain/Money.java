package com.salesaffairs.order.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money arithmetic to the cent, HALF_UP, the way finance rounds. */
public final class Money {
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** quantity x unit price, less the discount percentage, rounded once at the end. */
    public static BigDecimal lineNet(int quantity, BigDecimal unitPrice, BigDecimal discountPct) {
        BigDecimal gross = unitPrice.multiply(BigDecimal.valueOf(quantity));
        BigDecimal factor = HUNDRED.subtract(discountPct).divide(HUNDRED);
        return cents(gross.multiply(factor));
    }

    /**
     * The share of a line's net amount for {@code part} more units after {@code alreadyCovered}:
     * the difference of two cumulative roundings, so the shares of a line always add up to it exactly.
     */
    public static BigDecimal share(BigDecimal lineNet, int lineQuantity, int part, int alreadyCovered) {
        return cumulative(lineNet, lineQuantity, alreadyCovered + part).subtract(cumulative(lineNet, lineQuantity, alreadyCovered));
    }

    private static BigDecimal cumulative(BigDecimal lineNet, int lineQuantity, int units) {
        return cents(lineNet.multiply(BigDecimal.valueOf(units)).divide(BigDecimal.valueOf(lineQuantity), 10, RoundingMode.HALF_UP));
    }

    public static boolean hasAtMostTwoDecimals(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 2;
    }
}
