package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pipeline funnel of a caller's reach: the open pipeline as it stands, by stage; how many
 * opportunities that reached a stage in the window went further; the win rate of what closed in the
 * window; and the weighted forecast of the window against the approved targets of its months.
 *
 * @param targetLevel whose target the forecast is held against: COMPANY (every team), TEAM or REP
 * @param targetSubject {@code company}, the team or the rep's user id; null when the reach has none
 */
public record PipelineReport(ReportWindow window, String currency, String team, String targetLevel,
        String targetSubject, List<StageLine> stages, List<Conversion> conversions, WinRate winRate,
        Forecast forecast) {

    /** Open opportunities in one stage; {@code weightedAmount} = sum of amount x probability / 100. */
    public record StageLine(PipelineStage stage, long opportunities, BigDecimal amount, BigDecimal weightedAmount) {
    }

    /**
     * Of the opportunities that first reached {@code from} within the window, how many have reached a
     * later stage (at any time since, skipped stages included; LOST is not later).
     */
    public record Conversion(PipelineStage from, PipelineStage to, long reached, long advanced, BigDecimal rate) {
    }

    /** Opportunities closed in the window; {@code rate} = won / (won + lost) x 100, null when none closed. */
    public record WinRate(long won, long lost, BigDecimal wonAmount, BigDecimal lostAmount, BigDecimal rate) {
    }

    /**
     * Open opportunities expected to close in the window, weighted by probability, plus what was won in
     * the window, against the target of the window's months.
     *
     * @param forecastAmount wonAmount + weightedAmount
     * @param target the sum of the effective monthly targets of {@code months}; null when none was approved
     * @param monthsWithoutTarget months of the window without an approved target share
     * @param gap target - forecastAmount (negative when the forecast exceeds the target); null without target
     * @param coverage forecastAmount / target x 100; null without target
     */
    public record Forecast(long opportunities, BigDecimal amount, BigDecimal weightedAmount, BigDecimal wonAmount,
            BigDecimal forecastAmount, List<String> months, BigDecimal target, List<String> monthsWithoutTarget,
            BigDecimal gap, BigDecimal coverage) {

        public static Forecast of(long opportunities, BigDecimal amount, BigDecimal weightedAmount,
                BigDecimal wonAmount, List<String> months, Map<String, BigDecimal> targetPerMonth) {
            BigDecimal forecast = wonAmount.add(weightedAmount);
            List<String> missing = months.stream().filter(m -> !targetPerMonth.containsKey(m)).toList();
            BigDecimal target = PerformanceTarget.total(targetPerMonth, months).orElse(null);
            return new Forecast(opportunities, amount, weightedAmount, wonAmount, forecast, months, target, missing,
                    target == null ? null : target.subtract(forecast), Percent.of(forecast, target));
        }
    }

    /** Raw weighted sums (amount x probability, in percent-cents) to money: divided by 100, cents half-up. */
    public static BigDecimal weighted(BigDecimal amountTimesPercent) {
        return amountTimesPercent.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    /** Every open stage in funnel order, zero when the read model holds none in it. */
    public static List<StageLine> stages(Map<PipelineStage, StageLine> counted) {
        List<StageLine> lines = new ArrayList<>();
        for (PipelineStage stage : PipelineStage.OPEN) {
            lines.add(counted.getOrDefault(stage, new StageLine(stage, 0, Money.amount("amount", BigDecimal.ZERO),
                    Money.amount("weightedAmount", BigDecimal.ZERO))));
        }
        return lines;
    }

    /** One conversion per open stage, in funnel order, from per-stage {reached, advanced} counts. */
    public static List<Conversion> conversions(Map<PipelineStage, long[]> counted) {
        List<Conversion> conversions = new ArrayList<>();
        for (PipelineStage stage : PipelineStage.OPEN) {
            long[] c = counted.getOrDefault(stage, new long[2]);
            conversions.add(new Conversion(stage, stage.next().orElseThrow(), c[0], c[1], Percent.of(c[1], c[0])));
        }
        return conversions;
    }

    /** Open pipeline totals over every stage. */
    public long openOpportunities() {
        return stages.stream().mapToLong(StageLine::opportunities).sum();
    }

    public BigDecimal openAmount() {
        return stages.stream().map(StageLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    public BigDecimal openWeightedAmount() {
        return stages.stream().map(StageLine::weightedAmount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
