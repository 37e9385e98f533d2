package com.salesaffairs.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.salesaffairs.reporting.domain.ReportWindow;

/** The forecast holds a window against the part of each month's target the window covers. */
class PipelineTargetShareTest {

    @Test
    void a_whole_month_keeps_its_target_and_a_partial_one_gets_its_days_share() {
        Map<String, BigDecimal> targets = Map.of("2026-10", new BigDecimal("31000.00"), "2026-11", new BigDecimal("30000.00"));
        Map<String, BigDecimal> covered = PipelineService.coveredShare(targets,
                new ReportWindow(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-10")));
        assertEquals(new BigDecimal("31000.00"), covered.get("2026-10"), "all of October");
        assertEquals(new BigDecimal("10000.00"), covered.get("2026-11"), "10 of November's 30 days");
    }

    @Test
    void shares_round_to_the_cent_half_up() {
        Map<String, BigDecimal> covered = PipelineService.coveredShare(Map.of("2026-02", new BigDecimal("100.00")),
                new ReportWindow(LocalDate.parse("2026-02-16"), LocalDate.parse("2026-02-16")));
        assertEquals(new BigDecimal("3.57"), covered.get("2026-02"), "1/28 of 100.00 = 3.571...");
    }
}
