package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rep's non-revenue KPI inputs of one booked month: satisfaction surveys, reports due and handed
 * in on time, opportunities won and lost. Rates are percentages rounded half-up to two decimals and
 * null when there is nothing to relate them to (no report due, no opportunity closed): a rate of 0
 * would read as a failure.
 */
public record KpiSourceFigures(BigDecimal satisfactionAvg, int surveyCount, int reportsDue, int reportsOnTime,
        int opportunitiesWon, int opportunitiesLost) {
    public static final KpiSourceFigures NONE = new KpiSourceFigures(null, 0, 0, 0, 0, 0);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public KpiSourceFigures {
        satisfactionAvg = satisfactionAvg == null || surveyCount == 0 ? null
                : satisfactionAvg.setScale(2, RoundingMode.HALF_UP);
    }

    /** Reports handed in by their due time, in percent of the reports due; null when none was due. */
    public BigDecimal onTimeRate() {
        return percent(reportsOnTime, reportsDue);
    }

    /** Won in percent of won plus lost; null when no opportunity was closed. */
    public BigDecimal winRate() {
        return percent(opportunitiesWon, opportunitiesWon + opportunitiesLost);
    }

    private static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
