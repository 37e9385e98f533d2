package com.salesaffairs.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class KpiScoringTest {
    private static final KpiPeriod NOV = KpiPeriod.parse("2026-11");
    /** performance.kpi v2 as seeded by V6. */
    static final KpiScoring.Policy V2 = policy("""
            {"weights":{"revenueAttainment":0.40,"growthRate":0.15,"customerSatisfaction":0.20,"reportTimeliness":0.10,"winRate":0.15},
             "gradeBands":[{"grade":"A","min":90},{"grade":"B","min":75},{"grade":"C","min":60},{"grade":"D","min":0}]}""");

    static KpiScoring.Policy policy(String content) {
        try {
            return KpiScoring.Policy.from(2, new ObjectMapper().readTree(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static ScorecardInputs inputs(String revenue, String target, String previous, String lastYear, int surveys,
            String satisfactionSum, int due, int onTime, int won, int lost) {
        return new ScorecardInputs(NOV, d(revenue), target == null ? null : d(target), d(previous), d(lastYear), surveys,
                d(satisfactionSum), due, onTime, won, lost);
    }

    @Test
    void every_kpi_scored_gives_the_weighted_mean_and_the_grade() {
        // attainment 120% -> 100; growth yoy +10% -> 60; satisfaction 4.5 -> 87.5; reports 3/4 -> 75; win 1/2 -> 50
        Scorecard card = KpiScoring.score(inputs("12000.00", "10000.00", "8000.00", "10909.09", 2, "9", 4, 3, 1, 1), V2);
        assertEquals(d("120.00"), card.kpi("revenueAttainment").attainment());
        assertEquals(d("100.00"), card.kpi("revenueAttainment").score());
        assertEquals(d("10.00"), card.kpi("growthRate").value());
        assertEquals(d("60.00"), card.kpi("growthRate").score());
        assertEquals(d("4.50"), card.kpi("customerSatisfaction").value());
        assertEquals(d("87.50"), card.kpi("customerSatisfaction").score());
        assertEquals(d("75.00"), card.kpi("reportTimeliness").score());
        assertEquals(d("50.00"), card.kpi("winRate").score());
        // 0.40*100 + 0.15*60 + 0.20*87.5 + 0.10*75 + 0.15*50 = 40 + 9 + 17.5 + 7.5 + 7.5 = 81.5
        assertEquals(d("81.50"), card.score());
        assertEquals("B", card.grade());
        assertEquals(d("50.00"), card.monthOverMonth().growthPct());
        assertEquals("performance.kpi", card.policyKey());
        assertEquals(2, card.policyVersion());
    }

    @Test
    void growth_with_a_zero_base_is_not_defined_rather_than_infinite() {
        ScorecardGrowth g = KpiScoring.growth(d("5000.00"), KpiPeriod.parse("2025-11"), BigDecimal.ZERO);
        assertNull(g.growthPct());
        assertFalse(g.defined());
        assertTrue(g.reason().contains("not defined"), g.reason());
        ScorecardGrowth negative = KpiScoring.growth(d("5000.00"), KpiPeriod.parse("2026-10"), d("-10.00"));
        assertNull(negative.growthPct());
        assertTrue(negative.reason().contains("negative"), negative.reason());
        assertEquals(d("-100.00"), KpiScoring.growth(BigDecimal.ZERO, KpiPeriod.parse("2026-10"), d("10.00")).growthPct());
    }

    @Test
    void growth_falls_back_to_the_previous_month_and_is_not_scored_when_neither_base_exists() {
        Scorecard fallback = KpiScoring.score(inputs("1500.00", null, "1000.00", "0", 0, "0", 0, 0, 0, 0), V2);
        assertEquals(d("50.00"), fallback.kpi("growthRate").value());
        assertEquals(d("100.00"), fallback.kpi("growthRate").score());
        assertNull(fallback.yearOverYear().growthPct());
        assertTrue(fallback.kpi("growthRate").reason().contains("previous month"));

        Scorecard none = KpiScoring.score(inputs("1500.00", null, "0", "0", 0, "0", 0, 0, 0, 0), V2);
        assertFalse(none.kpi("growthRate").scored());
        assertNull(none.kpi("growthRate").score());
        assertNull(none.score());
        assertNull(none.grade());
    }

    @Test
    void the_weights_of_kpis_without_data_are_redistributed_over_the_scored_ones() {
        // only revenue (attainment 80 -> 80) and reports (1/2 -> 50): (0.4*80 + 0.1*50) / 0.5 = 74
        Scorecard card = KpiScoring.score(inputs("800.00", "1000.00", "0", "0", 0, "0", 2, 1, 0, 0), V2);
        assertEquals(d("74.00"), card.score());
        assertEquals("C", card.grade());
        assertEquals(d("0.8000"), card.kpi("revenueAttainment").appliedWeight());
        assertEquals(d("0.2000"), card.kpi("reportTimeliness").appliedWeight());
        assertEquals(d("0.0000"), card.kpi("winRate").appliedWeight());
        assertEquals(d("0.15"), card.kpi("winRate").weight());
        assertEquals("no opportunity was won or lost", card.kpi("winRate").reason());
        assertEquals("no revenue target for the month",
                KpiScoring.score(inputs("800.00", null, "0", "0", 0, "0", 2, 1, 0, 0), V2).kpi("revenueAttainment").reason());
        assertFalse(KpiScoring.score(inputs("800.00", "0", "0", "0", 0, "0", 0, 0, 0, 0), V2).kpi("revenueAttainment").scored());
    }

    @Test
    void grade_bands_start_at_their_min() {
        List<KpiScoring.GradeBand> bands = V2.bands();
        assertEquals("A", KpiScoring.grade(d("90.00"), bands));
        assertEquals("B", KpiScoring.grade(d("89.99"), bands));
        assertEquals("B", KpiScoring.grade(d("75"), bands));
        assertEquals("C", KpiScoring.grade(d("74.99"), bands));
        assertEquals("C", KpiScoring.grade(d("60"), bands));
        assertEquals("D", KpiScoring.grade(d("59.99"), bands));
        assertEquals("D", KpiScoring.grade(BigDecimal.ZERO, bands));
        assertNull(KpiScoring.grade(null, bands));
    }

    @Property
    void growth_is_never_infinite_and_is_defined_exactly_when_the_base_is_positive(
            @ForAll @BigRange(min = "-1000000", max = "1000000") @Scale(2) BigDecimal revenue,
            @ForAll @BigRange(min = "-1000", max = "1000000") @Scale(2) BigDecimal base) {
        ScorecardGrowth g = KpiScoring.growth(revenue, NOV, base);
        assertEquals(base.signum() > 0, g.defined());
        if (!g.defined()) {
            assertNull(g.growthPct());
            assertTrue(g.reason().startsWith("not defined"));
        }
    }

    @Property
    void every_score_has_exactly_the_grade_of_its_band(
            @ForAll @BigRange(min = "0", max = "100") @Scale(2) BigDecimal score) {
        String grade = KpiScoring.grade(score, V2.bands());
        String expected = score.compareTo(d("90")) >= 0 ? "A" : score.compareTo(d("75")) >= 0 ? "B"
                : score.compareTo(d("60")) >= 0 ? "C" : "D";
        assertEquals(expected, grade);
    }

    @Property
    void the_total_lies_between_the_lowest_and_highest_scored_kpi_and_applied_weights_add_up_to_one(
            @ForAll @BigRange(min = "-5000", max = "50000") @Scale(2) BigDecimal revenue,
            @ForAll @BigRange(min = "0", max = "20000") @Scale(2) BigDecimal target,
            @ForAll @BigRange(min = "-100", max = "20000") @Scale(2) BigDecimal lastYear,
            @ForAll @IntRange(min = 0, max = 5) int surveys, @ForAll @IntRange(min = 0, max = 6) int due,
            @ForAll @IntRange(min = 0, max = 6) int onTime, @ForAll @IntRange(min = 0, max = 4) int won,
            @ForAll @IntRange(min = 0, max = 4) int lost, @ForAll boolean hasTarget) {
        ScorecardInputs in = new ScorecardInputs(NOV, revenue, hasTarget ? target : null, BigDecimal.ZERO, lastYear,
                surveys, BigDecimal.valueOf(surveys * 4L), due, Math.min(onTime, due), won, lost);
        Scorecard card = KpiScoring.score(in, V2);
        List<ScorecardKpi> scored = card.kpis().stream().filter(ScorecardKpi::scored).toList();
        if (scored.isEmpty()) {
            assertNull(card.score());
            assertNull(card.grade());
            return;
        }
        BigDecimal min = scored.stream().map(ScorecardKpi::score).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = scored.stream().map(ScorecardKpi::score).max(BigDecimal::compareTo).orElseThrow();
        assertTrue(card.score().compareTo(min) >= 0 && card.score().compareTo(max) <= 0, card.toString());
        BigDecimal applied = card.kpis().stream().map(ScorecardKpi::appliedWeight).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(applied.subtract(BigDecimal.ONE).abs().compareTo(d("0.0005")) <= 0, applied.toPlainString());
        for (ScorecardKpi k : card.kpis()) {
            if (k.scored()) {
                assertTrue(k.score().signum() >= 0 && k.score().compareTo(d("100")) <= 0, k.toString());
            } else {
                assertNull(k.score());
                assertTrue(k.reason() != null && !k.reason().isBlank());
            }
        }
        assertEquals(KpiScoring.grade(card.score(), V2.bands()), card.grade());
    }

    @Test
    void the_policy_rules_accept_version_two_and_refuse_an_unknown_kpi() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals(List.of(), KpiPolicyRules.check(json.readTree("""
                {"weights":{"revenueAttainment":0.40,"growthRate":0.15,"customerSatisfaction":0.20,"reportTimeliness":0.10,"winRate":0.15},
                 "gradeBands":[{"grade":"A","min":90},{"grade":"B","min":75},{"grade":"C","min":60},{"grade":"D","min":0}]}""")));
        // the unknown KPI does not count, so the rest add up to 0.60
        assertEquals(Map.of("weights.salesAmount", 1, "weights", 1, "bonus", 1), KpiPolicyRules.check(json.readTree("""
                {"weights":{"salesAmount":0.40,"growthRate":0.15,"customerSatisfaction":0.20,"reportTimeliness":0.10,"winRate":0.15},
                 "gradeBands":[{"grade":"A","min":90},{"grade":"D","min":0}],"bonus":1}""")).stream()
                .collect(java.util.stream.Collectors.toMap(v -> v.field(), v -> 1)));
    }
}
