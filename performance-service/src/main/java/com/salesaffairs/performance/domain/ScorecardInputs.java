package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a scorecard is computed from, for one rep (or one team) and one booked month: net revenue
 * of the month, of the month before and of the same month a year before; the month's revenue
 * target if one exists; the survey answers; the reports due; the opportunities won and lost.
 */
public record ScorecardInputs(KpiPeriod period, BigDecimal revenue, BigDecimal target, BigDecimal previousMonthRevenue,
        BigDecimal lastYearRevenue, int surveys, BigDecimal satisfactionSum, int reportsDue, int reportsOnTime,
        int won, int lost) {

    public ScorecardInputs {
        Objects.requireNonNull(period, "period");
        revenue = money(revenue);
        previousMonthRevenue = money(previousMonthRevenue);
        lastYearRevenue = money(lastYearRevenue);
        target = target == null ? null : money(target);
        satisfactionSum = satisfactionSum == null ? BigDecimal.ZERO : satisfactionSum;
        if (surveys < 0 || reportsDue < 0 || reportsOnTime < 0 || reportsOnTime > reportsDue || won < 0 || lost < 0) {
            throw new IllegalArgumentException("counts must not be negative and on-time reports not exceed reports due");
        }
    }

    /** Nothing at all in the month. */
    public static ScorecardInputs empty(KpiPeriod period) {
        return new ScorecardInputs(period, null, null, null, null, 0, null, 0, 0, 0, 0);
    }

    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
