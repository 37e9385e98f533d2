package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One rep's month as performance-service scored it ({@code kpi_fact}, from {@code sales.kpi.updated.v1}
 * and {@code sales.appraisal.completed.v1}). Reporting does not recompute KPIs: the appraisal's figures
 * are the ones people are paid on, so the report shows those.
 */
public record PerformanceKpi(String repId, String team, String region, BigDecimal salesAmount, BigDecimal costAmount,
        BigDecimal grossMargin, long orderCount, long refundCount, BigDecimal satisfactionAvg, long surveyCount,
        long reportsDue, long reportsOnTime, long opportunitiesWon, long opportunitiesLost, BigDecimal score,
        String grade, Instant updatedAt) {
}
