package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PipelineReportRulesTest {

    @Test
    void weighted_amounts_are_rounded_to_cents_half_up_once() {
        // 333.33 x 15 % = 49.9995 -> 50.00
        assertEquals(new BigDecimal("50.00"), PipelineReport.weighted(new BigDecimal("333.33").multiply(BigDecimal.valueOf(15))));
        assertEquals(new BigDecimal("0.00"), PipelineReport.weighted(BigDecimal.ZERO));
    }

    @Test
    void every_open_stage_converts_to_the_next_and_negotiation_to_won() {
        var conversions = PipelineReport.conversions(Map.of(PipelineStage.PROPOSAL, new long[] { 3, 1 }));
        assertEquals(List.of(PipelineStage.NEEDS_ANALYSIS, PipelineStage.PROPOSAL, PipelineStage.NEGOTIATION, PipelineStage.WON),
                conversions.stream().map(PipelineReport.Conversion::to).toList());
        assertEquals(new BigDecimal("33.33"), conversions.get(2).rate());
        assertNull(conversions.get(0).rate());
    }

    @Test
    void a_forecast_above_target_has_a_negative_gap_and_months_without_target_are_named() {
        var forecast = PipelineReport.Forecast.of(2, new BigDecimal("1000.00"), new BigDecimal("400.00"),
                new BigDecimal("800.00"), List.of("2033-01", "2033-02"), Map.of("2033-02", new BigDecimal("1000.00")));
        assertEquals(new BigDecimal("1200.00"), forecast.forecastAmount());
        assertEquals(new BigDecimal("1000.00"), forecast.target());
        assertEquals(new BigDecimal("-200.00"), forecast.gap());
        assertEquals(new BigDecimal("120.00"), forecast.coverage());
        assertEquals(List.of("2033-01"), forecast.monthsWithoutTarget());
    }

    @Test
    void without_target_gap_and_coverage_are_null() {
        var forecast = PipelineReport.Forecast.of(0, new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("0.00"),
                List.of("2033-01"), Map.of());
        assertNull(forecast.target());
        assertNull(forecast.gap());
        assertNull(forecast.coverage());
    }
}
