package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scorecard calculator: pure, no I/O. Scoring curves (each 0-100, rounded half-up to 2 decimals):
 * <ul>
 * <li>revenueAttainment: attainment = net revenue / monthly target x 100; score = attainment capped to 0..100.
 * Not scored without a target (or a target of 0).</li>
 * <li>growthRate: growth of net revenue against the same month a year before, or, where that is not
 * defined, against the previous month; score = 50 + growth%, capped to 0..100 (flat = 50, +50% or
 * more = 100, -50% or worse = 0). Growth over a base of 0 or less is not defined, so not scored.</li>
 * <li>customerSatisfaction: average survey score s (1-5); score = (s - 1) / 4 x 100. Not scored without surveys.</li>
 * <li>reportTimeliness: reports handed in on time / reports due x 100. Not scored without reports due.</li>
 * <li>winRate: won / (won + lost) x 100. Not scored without a won or lost opportunity.</li>
 * </ul>
 * The total is the weighted mean over the scored KPIs only: each weight is divided by the sum of the
 * scored weights, so the weights of KPIs without data are redistributed in proportion. The grade is
 * the first band (best first) whose min the total reaches. Without any scored KPI there is no total and no grade.
 */
public final class KpiScoring {
    public static final String POLICY_KEY = KpiPolicyRules.KEY;
    public static final String REVENUE = "revenueAttainment";
    public static final String GROWTH = "growthRate";
    public static final String SATISFACTION = "customerSatisfaction";
    public static final String REPORTS = "reportTimeliness";
    public static final String WIN_RATE = "winRate";
    /** The KPIs in the order a scorecard lists them. */
    public static final List<String> KPIS = List.of(REVENUE, GROWTH, SATISFACTION, REPORTS, WIN_RATE);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal FIFTY = BigDecimal.valueOf(50);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private KpiScoring() {
    }

    public record GradeBand(String grade, BigDecimal min) {
    }

    /** The parts of a {@code performance.kpi} version the calculator uses. */
    public record Policy(int version, Map<String, BigDecimal> weights, List<GradeBand> bands) {
        public Policy {
            weights = Map.copyOf(weights);
            bands = bands.stream().sorted(Comparator.comparing(GradeBand::min).reversed()).toList();
        }

        public static Policy from(int version, JsonNode content) {
            Map<String, BigDecimal> weights = new LinkedHashMap<>();
            content.path("weights").properties().forEach(e -> weights.put(e.getKey(), e.getValue().decimalValue()));
            List<GradeBand> bands = new ArrayList<>();
            content.path("gradeBands").forEach(b -> bands.add(new GradeBand(b.path("grade").asText(), b.path("min").decimalValue())));
            return new Policy(version, weights, bands);
        }

        BigDecimal weight(String kpi) {
            return weights.getOrDefault(kpi, BigDecimal.ZERO);
        }
    }

    /** Growth of {@code revenue} over {@code base}; not defined (null, with the reason) for a base of 0 or less. */
    public static ScorecardGrowth growth(BigDecimal revenue, KpiPeriod basePeriod, BigDecimal base) {
        Objects.requireNonNull(revenue, "revenue");
        BigDecimal b = base == null ? BigDecimal.ZERO.setScale(2) : base.setScale(2, RoundingMode.HALF_UP);
        if (b.signum() == 0) {
            return new ScorecardGrowth(basePeriod.toString(), b, null, "not defined: no net revenue in " + basePeriod);
        }
        if (b.signum() < 0) {
            return new ScorecardGrowth(basePeriod.toString(), b, null,
                    "not defined: net revenue in " + basePeriod + " was negative (refunds)");
        }
        BigDecimal pct = revenue.subtract(b).multiply(HUNDRED).divide(b, 2, RoundingMode.HALF_UP);
        return new ScorecardGrowth(basePeriod.toString(), b, pct, null);
    }

    /** The grade of a total score: the first band, best first, whose min it reaches; null for no score. */
    public static String grade(BigDecimal score, List<GradeBand> bands) {
        if (score == null) {
            return null;
        }
        return bands.stream().sorted(Comparator.comparing(GradeBand::min).reversed())
                .filter(b -> score.compareTo(b.min()) >= 0).map(GradeBand::grade).findFirst().orElse(null);
    }

    public static Scorecard score(ScorecardInputs in, Policy policy) {
        KpiPeriod period = in.period();
        ScorecardGrowth yoy = growth(in.revenue(), new KpiPeriod(period.month().minusYears(1)), in.lastYearRevenue());
        ScorecardGrowth mom = growth(in.revenue(), new KpiPeriod(period.month().minusMonths(1)), in.previousMonthRevenue());

        List<ScorecardKpi> lines = new ArrayList<>();
        lines.add(revenue(in, policy.weight(REVENUE)));
        lines.add(growthLine(yoy, mom, policy.weight(GROWTH)));
        lines.add(satisfaction(in, policy.weight(SATISFACTION)));
        lines.add(rate(REPORTS, in.reportsOnTime(), in.reportsDue(), "no reports were due", policy.weight(REPORTS)));
        lines.add(rate(WIN_RATE, in.won(), in.won() + in.lost(), "no opportunity was won or lost",
                policy.weight(WIN_RATE)));

        BigDecimal scoredWeight = lines.stream().filter(ScorecardKpi::scored).map(ScorecardKpi::weight)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = null;
        List<ScorecardKpi> weighted = lines;
        if (scoredWeight.signum() > 0) {
            BigDecimal sum = lines.stream().filter(ScorecardKpi::scored).map(k -> k.score().multiply(k.weight()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            total = sum.divide(scoredWeight, 2, RoundingMode.HALF_UP);
            weighted = lines.stream().map(k -> k.withAppliedWeight(k.scored()
                    ? k.weight().divide(scoredWeight, 4, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(4)))
                    .toList();
        }
        return new Scorecard(period.toString(), weighted, yoy, mom, total, grade(total, policy.bands()), POLICY_KEY,
                policy.version(), false, null);
    }

    private static ScorecardKpi revenue(ScorecardInputs in, BigDecimal weight) {
        if (in.target() == null) {
            return notScored(REVENUE, "CNY", in.revenue(), null, null, weight, "no revenue target for the month");
        }
        if (in.target().signum() == 0) {
            return notScored(REVENUE, "CNY", in.revenue(), in.target(), null, weight, "the month's target is 0");
        }
        BigDecimal attainment = in.revenue().multiply(HUNDRED).divide(in.target(), 2, RoundingMode.HALF_UP);
        return new ScorecardKpi(REVENUE, "CNY", in.revenue(), in.target(), attainment, null, cap(attainment), weight,
                null, true, null);
    }

    private static ScorecardKpi growthLine(ScorecardGrowth yoy, ScorecardGrowth mom, BigDecimal weight) {
        ScorecardGrowth used = yoy.defined() ? yoy : mom.defined() ? mom : null;
        if (used == null) {
            return notScored(GROWTH, "PERCENT", null, null, null, weight,
                    "growth not defined: no net revenue in " + yoy.basePeriod() + " nor in " + mom.basePeriod());
        }
        String basis = used == yoy ? "against " + yoy.basePeriod() + " (same month last year)"
                : "against " + mom.basePeriod() + " (previous month; same month last year not defined)";
        return new ScorecardKpi(GROWTH, "PERCENT", used.growthPct(), null, null, null,
                cap(FIFTY.add(used.growthPct())), weight, null, true, basis);
    }

    private static ScorecardKpi satisfaction(ScorecardInputs in, BigDecimal weight) {
        if (in.surveys() == 0) {
            return notScored(SATISFACTION, "SCORE_1_5", null, null, null, weight, "no survey was answered");
        }
        BigDecimal exact = in.satisfactionSum().divide(BigDecimal.valueOf(in.surveys()), 10, RoundingMode.HALF_UP);
        BigDecimal score = cap(exact.subtract(BigDecimal.ONE).multiply(HUNDRED).divide(FOUR, 2, RoundingMode.HALF_UP));
        return new ScorecardKpi(SATISFACTION, "SCORE_1_5", exact.setScale(2, RoundingMode.HALF_UP), null, null,
                in.surveys(), score, weight, null, true, null);
    }

    private static ScorecardKpi rate(String kpi, int hits, int of, String none, BigDecimal weight) {
        if (of == 0) {
            return notScored(kpi, "PERCENT", null, null, null, weight, none);
        }
        BigDecimal pct = BigDecimal.valueOf(hits).multiply(HUNDRED).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP);
        return new ScorecardKpi(kpi, "PERCENT", pct, null, null, of, pct, weight, null, true, null);
    }

    private static ScorecardKpi notScored(String kpi, String unit, BigDecimal value, BigDecimal target,
            Integer sample, BigDecimal weight, String reason) {
        return new ScorecardKpi(kpi, unit, value, target, null, sample, null, weight, null, false, reason);
    }

    private static BigDecimal cap(BigDecimal score) {
        BigDecimal s = score.max(BigDecimal.ZERO).min(HUNDRED);
        return s.setScale(2, RoundingMode.HALF_UP);
    }
}
