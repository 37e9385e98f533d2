package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PerformanceReportLinesTest {
    private static final YearMonth MAY = YearMonth.of(2033, 5);

    private static PerformanceKpi kpi(String rep, String team, String sales, String satisfaction, long surveys, long won,
            long lost, String score) {
        return new PerformanceKpi(rep, team, "east", new BigDecimal(sales), new BigDecimal("0.00"), new BigDecimal(sales), 1, 0,
                satisfaction == null ? null : new BigDecimal(satisfaction), surveys, 2, 1, won, lost,
                score == null ? null : new BigDecimal(score), null, Instant.EPOCH);
    }

    @Test
    void a_team_line_weights_satisfaction_by_surveys_and_recomputes_rates_from_sums() {
        var report = PerformanceReport.of(MAY, PerformanceGrouping.TEAM, null, List.of(
                kpi("a", "t1", "100.00", "5.00", 1, 1, 0, "90.00"),
                kpi("b", "t1", "300.00", "3.00", 3, 0, 3, null),
                kpi("c", null, "50.00", null, 0, 0, 0, "70.00")),
                Map.of(), Map.of("t1", new BigDecimal("800.00")), new BigDecimal("1000.00"));
        assertEquals(Arrays.asList("t1", null), report.lines().stream().map(PerformanceReport.Line::team).toList());
        var t1 = report.lines().get(0);
        assertEquals(new BigDecimal("400.00"), t1.salesAmount());
        assertEquals(new BigDecimal("3.50"), t1.satisfactionAvg()); // (5 x 1 + 3 x 3) / 4
        assertEquals(new BigDecimal("25.00"), t1.winRate()); // 1 / (1 + 3), not the mean of 100 % and 0 %
        assertEquals(new BigDecimal("50.00"), t1.onTimeRate());
        assertEquals(new BigDecimal("90.00"), t1.score()); // mean of the scores there are
        assertEquals(new BigDecimal("50.00"), t1.attainment());
        assertNull(report.lines().get(1).target());
        assertEquals(3, report.total().reps());
        assertEquals(new BigDecimal("450.00"), report.total().salesAmount());
        assertEquals(new BigDecimal("45.00"), report.total().attainment());
        assertEquals(new BigDecimal("80.00"), report.total().score());
    }

    @Test
    void rep_lines_are_sorted_by_team_then_rep_with_reps_without_team_last() {
        var report = PerformanceReport.of(MAY, PerformanceGrouping.REP, null, List.of(
                kpi("z", null, "1.00", null, 0, 0, 0, null),
                kpi("b", "t1", "1.00", null, 0, 0, 0, null),
                kpi("a", "t2", "1.00", null, 0, 0, 0, null),
                kpi("a", "t1", "1.00", null, 0, 0, 0, null)),
                Map.of("b", new BigDecimal("4.00")), Map.of(), null);
        assertEquals(List.of("a", "b", "a", "z"), report.lines().stream().map(PerformanceReport.Line::repId).toList());
        assertEquals(new BigDecimal("25.00"), report.lines().get(1).attainment());
        assertNull(report.total().target());
    }
}
