package com.salesaffairs.performance.domain;

import java.math.BigDecimal;

/**
 * One KPI line of a scorecard. {@code value} is in {@code unit} (CNY for revenue, PERCENT for the
 * rates and growth, SCORE_1_5 for satisfaction); {@code score} is 0-100. A KPI without data is not
 * scored ({@code scored=false}, score null, {@code reason} says why) and its weight goes to the
 * scored ones in proportion: {@code appliedWeight} is the share it really had in the total.
 */
public record ScorecardKpi(String kpi, String unit, BigDecimal value, BigDecimal target, BigDecimal attainment,
        Integer sampleSize, BigDecimal score, BigDecimal weight, BigDecimal appliedWeight, boolean scored,
        String reason) {

    ScorecardKpi withAppliedWeight(BigDecimal applied) {
        return new ScorecardKpi(kpi, unit, value, target, attainment, sampleSize, score, weight, applied, scored, reason);
    }
}
