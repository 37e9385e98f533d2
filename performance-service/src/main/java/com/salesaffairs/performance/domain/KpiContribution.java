package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What one order fact adds to a rep's month: a settled order adds its net sales, its cost and one
 * order; a refund takes its amount off the net sales of the month it was refunded in (not the
 * month of the order: a closed month's figures, and the commission paid on them, stay as paid)
 * and counts one refund.
 */
public record KpiContribution(String repId, KpiPeriod period, String team, String region, BigDecimal salesDelta,
        BigDecimal costDelta, int orders, int refunds) {

    public KpiContribution {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(salesDelta, "salesDelta");
        Objects.requireNonNull(costDelta, "costDelta");
        if (repId == null || repId.isBlank()) {
            throw new InvalidOrderFact("order fact without ownerId");
        }
    }

    public static KpiContribution settledOrder(String repId, String team, String region, String currency,
            BigDecimal netAmount, BigDecimal costAmount, Instant settledAt) {
        requireCny(currency);
        return new KpiContribution(repId, KpiPeriod.of(settledAt), team, region, money("netAmount", netAmount),
                money("costAmount", costAmount), 1, 0);
    }

    public static KpiContribution refund(String repId, String team, String region, String currency,
            BigDecimal amount, Instant refundedAt) {
        requireCny(currency);
        BigDecimal refunded = money("amount", amount);
        if (refunded.signum() == 0) {
            throw new InvalidOrderFact("refund amount must be above 0");
        }
        return new KpiContribution(repId, KpiPeriod.of(refundedAt), team, region, refunded.negate(),
                BigDecimal.ZERO.setScale(2), 0, 1);
    }

    /**
     * The same contribution counted in another month: the booking month, which is the fact's own
     * month unless that was closed for appraisal when the fact arrived (then the first open one after).
     */
    public KpiContribution bookedIn(KpiPeriod booked) {
        return new KpiContribution(repId, booked, team, region, salesDelta, costDelta, orders, refunds);
    }

    /** KPI facts have one currency; adding another without a rate would corrupt every figure. */
    private static void requireCny(String currency) {
        if (currency != null && !KpiFigures.CURRENCY.equals(currency)) {
            throw new InvalidOrderFact("currency " + currency + " is not " + KpiFigures.CURRENCY
                    + "; KPI facts are kept in " + KpiFigures.CURRENCY + " only");
        }
    }

    /** Contract money: present, not negative, whole cents (a sub-cent amount is a producer bug, not ours to round). */
    private static BigDecimal money(String field, BigDecimal amount) {
        if (amount == null) {
            throw new InvalidOrderFact("order fact without " + field);
        }
        if (amount.signum() < 0) {
            throw new InvalidOrderFact(field + " must not be negative, was " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidOrderFact(field + " has more than two decimals: " + amount.toPlainString());
        }
        return amount.setScale(2);
    }
}
