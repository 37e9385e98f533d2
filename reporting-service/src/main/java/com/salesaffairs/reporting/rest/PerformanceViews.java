package com.salesaffairs.reporting.rest;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.salesaffairs.reporting.domain.PerformanceReport;

/** The performance report as the API answers it. */
public final class PerformanceViews {
    private PerformanceViews() {
    }

    @Schema(name = "PerformanceReport", description = "One month's KPIs as performance-service scored them, by rep or by team, with target attainment")
    public record PerformanceView(
            @Schema(description = "YYYY-MM", example = "2026-11") String period,
            @Schema(enumeration = { "rep", "team" }) String groupBy,
            @Schema(description = "the one team counted; null for every team", nullable = true) String team,
            @Schema(description = "REP: sorted by team (no team last), then rep id; TEAM: by team, no team last") List<PerformanceLineView> lines,
            @Schema(description = "every line added up; its target is the company's (every team), the team's, or the rep's own") PerformanceLineView total) {

        static PerformanceView of(PerformanceReport r) {
            return new PerformanceView(r.period().toString(), r.groupBy().apiName(), r.team(),
                    r.lines().stream().map(PerformanceLineView::of).toList(), PerformanceLineView.of(r.total()));
        }
    }

    @Schema(name = "PerformanceLine", description = "A rep's month, or the sum of a team's reps")
    public record PerformanceLineView(
            @Schema(description = "the rep's user id; null on team lines and the total", nullable = true) String repId,
            @Schema(nullable = true) String team,
            @Schema(nullable = true) String region,
            @Schema(description = "reps added up (1 on rep lines)") long reps,
            @Schema(description = "net sales less refunds") BigDecimal salesAmount,
            BigDecimal costAmount,
            BigDecimal grossMargin,
            long orderCount,
            long refundCount,
            @Schema(description = "mean survey score 1-5 (team: weighted by surveys)", nullable = true) BigDecimal satisfactionAvg,
            long surveyCount,
            long reportsDue,
            long reportsOnTime,
            @Schema(description = "reportsOnTime / reportsDue x 100", nullable = true) BigDecimal onTimeRate,
            long opportunitiesWon,
            long opportunitiesLost,
            @Schema(description = "won / (won + lost) x 100", nullable = true) BigDecimal winRate,
            @Schema(description = "appraisal score (team, total: mean of the reps' scores)", nullable = true) BigDecimal score,
            @Schema(description = "appraisal grade; rep lines only", nullable = true) String grade,
            @Schema(description = "the month's approved target; null when none", nullable = true) BigDecimal target,
            @Schema(description = "salesAmount / target x 100, two decimals half-up", nullable = true) BigDecimal attainment) {

        static PerformanceLineView of(PerformanceReport.Line l) {
            return new PerformanceLineView(l.repId(), l.team(), l.region(), l.reps(), l.salesAmount(), l.costAmount(),
                    l.grossMargin(), l.orderCount(), l.refundCount(), l.satisfactionAvg(), l.surveyCount(), l.reportsDue(),
                    l.reportsOnTime(), l.onTimeRate(), l.opportunitiesWon(), l.opportunitiesLost(), l.winRate(), l.score(),
                    l.grade(), l.target(), l.attainment());
        }
    }
}
