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

    /**
     * {@code amount} spread over parts in proportion to their weights, to the cent: each part but the
     * last rounded HALF_UP, the last taking the remainder, so the parts add up to the amount exactly.
     * Should the remainder fall outside 0..its weight (rounding can push it a cent out when the
     * amount is close to the weights' total), the parts are taken as differences of cumulative
     * roundings instead, which always stay within their weights. Zero weights get zero.
     */
    public static java.util.List<BigDecimal> proRata(BigDecimal amount, java.util.List<BigDecimal> weights) {
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() <= 0) {
            throw new IllegalArgumentException("nothing to spread " + amount + " over");
        }
        int last = -1;
        for (int i = 0; i < weights.size(); i++) {
            if (weights.get(i).signum() > 0) {
                last = i;
            }
        }
        java.util.List<BigDecimal> parts = new java.util.ArrayList<>();
        BigDecimal given = ZERO;
        for (int i = 0; i < weights.size(); i++) {
            BigDecimal part = i == last ? ZERO : amount.multiply(weights.get(i)).divide(total, 2, RoundingMode.HALF_UP);
            parts.add(part);
            given = given.add(part);
        }
        BigDecimal remainder = cents(amount.subtract(given));
        if (remainder.signum() >= 0 && remainder.compareTo(weights.get(last)) <= 0) {
            parts.set(last, remainder);
            return parts;
        }
        parts.clear();
        BigDecimal covered = BigDecimal.ZERO;
        BigDecimal before = ZERO;
        for (BigDecimal w : weights) {
            covered = covered.add(w);
            BigDecimal upTo = amount.multiply(covered).divide(total, 2, RoundingMode.HALF_UP);
            parts.add(upTo.subtract(before));
            before = upTo;
        }
        return parts;
    }

    public static boolean hasAtMostTwoDecimals(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 2;
    }
}
