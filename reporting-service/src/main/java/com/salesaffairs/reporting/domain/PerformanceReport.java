package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Performance of one month by rep or by team, from the KPI snapshots performance-service publishes,
 * with each line's target attainment. A team line adds up its reps: sums of money and counts, rates
 * recomputed from the sums (not averaged), satisfaction weighted by surveys, score the plain mean of
 * the reps' scores.
 */
public record PerformanceReport(YearMonth period, PerformanceGrouping groupBy, String team, List<Line> lines,
        Line total) {

    /**
     * @param repId the rep (REP lines), null on TEAM lines and the total
     * @param team the rep's team, the team of a TEAM line; null when unknown, and on the total
     * @param target the month's effective target of the rep or team (company on the total); null when none
     * @param attainment salesAmount / target x 100; null without target
     */
    public record Line(String repId, String team, String region, long reps, BigDecimal salesAmount,
            BigDecimal costAmount, BigDecimal grossMargin, long orderCount, long refundCount,
            BigDecimal satisfactionAvg, long surveyCount, long reportsDue, long reportsOnTime, BigDecimal onTimeRate,
            long opportunitiesWon, long opportunitiesLost, BigDecimal winRate, BigDecimal score, String grade,
            BigDecimal target, BigDecimal attainment) {
    }

    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    /**
     * @param repTargets effective target of the month per rep id
     * @param teamTargets effective target of the month per team
     * @param overallTarget the target the total is held against (company, the team's, or the rep's); null when none
     */
    public static PerformanceReport of(YearMonth period, PerformanceGrouping groupBy, String team,
            List<PerformanceKpi> kpis, Map<String, BigDecimal> repTargets, Map<String, BigDecimal> teamTargets,
            BigDecimal overallTarget) {
        List<Line> lines = new ArrayList<>();
        if (groupBy == PerformanceGrouping.REP) {
            kpis.stream().sorted(Comparator.comparing(PerformanceKpi::team, NULLS_LAST).thenComparing(PerformanceKpi::repId))
                    .forEach(k -> lines.add(repLine(k, repTargets.get(k.repId()))));
        } else {
            Map<String, List<PerformanceKpi>> byTeam = new LinkedHashMap<>();
            kpis.stream().sorted(Comparator.comparing(PerformanceKpi::team, NULLS_LAST))
                    .forEach(k -> byTeam.computeIfAbsent(k.team(), t -> new ArrayList<>()).add(k));
            byTeam.forEach((t, members) -> lines.add(sum(t, members, t == null ? null : teamTargets.get(t))));
        }
        return new PerformanceReport(period, groupBy, team, lines, sum(null, kpis, overallTarget));
    }

    private static Line repLine(PerformanceKpi k, BigDecimal target) {
        return new Line(k.repId(), k.team(), k.region(), 1, k.salesAmount(), k.costAmount(), k.grossMargin(),
                k.orderCount(), k.refundCount(), k.satisfactionAvg(), k.surveyCount(), k.reportsDue(),
                k.reportsOnTime(), Percent.of(k.reportsOnTime(), k.reportsDue()), k.opportunitiesWon(),
                k.opportunitiesLost(), Percent.of(k.opportunitiesWon(), k.opportunitiesWon() + k.opportunitiesLost()),
                k.score(), k.grade(), target, Percent.of(k.salesAmount(), target));
    }

    private static Line sum(String team, List<PerformanceKpi> members, BigDecimal target) {
        BigDecimal sales = money(members, PerformanceKpi::salesAmount);
        BigDecimal cost = money(members, PerformanceKpi::costAmount);
        BigDecimal margin = money(members, PerformanceKpi::grossMargin);
        long surveys = members.stream().mapToLong(PerformanceKpi::surveyCount).sum();
        BigDecimal satisfactionPoints = members.stream().filter(k -> k.satisfactionAvg() != null)
                .map(k -> k.satisfactionAvg().multiply(BigDecimal.valueOf(k.surveyCount())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long rated = members.stream().filter(k -> k.satisfactionAvg() != null).mapToLong(PerformanceKpi::surveyCount).sum();
        BigDecimal satisfaction = rated == 0 ? null
                : satisfactionPoints.divide(BigDecimal.valueOf(rated), 2, RoundingMode.HALF_UP);
        long due = members.stream().mapToLong(PerformanceKpi::reportsDue).sum();
        long onTime = members.stream().mapToLong(PerformanceKpi::reportsOnTime).sum();
        long won = members.stream().mapToLong(PerformanceKpi::opportunitiesWon).sum();
        long lost = members.stream().mapToLong(PerformanceKpi::opportunitiesLost).sum();
        List<BigDecimal> scores = members.stream().map(PerformanceKpi::score).filter(Objects::nonNull).toList();
        BigDecimal score = scores.isEmpty() ? null
                : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
        String region = members.stream().map(PerformanceKpi::region).filter(Objects::nonNull).distinct().count() == 1
                ? members.stream().map(PerformanceKpi::region).filter(Objects::nonNull).findFirst().orElseThrow()
                : null;
        return new Line(null, team, team == null ? null : region, members.size(), sales, cost, margin,
                members.stream().mapToLong(PerformanceKpi::orderCount).sum(),
                members.stream().mapToLong(PerformanceKpi::refundCount).sum(), satisfaction, surveys, due, onTime,
                Percent.of(onTime, due), won, lost, Percent.of(won, won + lost), score, null, target,
                Percent.of(sales, target));
    }

    private static BigDecimal money(List<PerformanceKpi> members, java.util.function.Function<PerformanceKpi, BigDecimal> field) {
        return members.stream().map(field).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }
}
