package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PerformanceTargetTest {
    private static final Instant EARLY = Instant.parse("2033-01-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2033-02-01T00:00:00Z");

    private static PerformanceTarget share(String subject, String month, String kind, Instant approved, String amount) {
        return new PerformanceTarget(subject, month, kind, approved, new BigDecimal(amount));
    }

    @Test
    void the_finest_period_wins_a_month_whatever_the_order_and_approval() {
        var effective = PerformanceTarget.effective(List.of(
                share("east-1", "2033-03", "MONTH", EARLY, "1000.00"),
                share("east-1", "2033-03", "QUARTER", LATE, "2000.00"),
                share("east-1", "2033-03", "YEAR", LATE, "3000.00"),
                share("east-1", "2033-04", "YEAR", EARLY, "3000.00"),
                share("east-1", "2033-04", "QUARTER", EARLY, "2500.00")));
        assertEquals(Map.of("2033-03", new BigDecimal("1000.00"), "2033-04", new BigDecimal("2500.00")), effective.get("east-1"));
    }

    @Test
    void of_two_targets_of_one_kind_the_later_approval_wins_and_subjects_stay_apart() {
        var effective = PerformanceTarget.effective(List.of(
                share("a", "2033-03", "MONTH", LATE, "700.00"),
                share("a", "2033-03", "MONTH", EARLY, "900.00"),
                share("b", "2033-03", "MONTH", EARLY, "100.00")));
        assertEquals(new BigDecimal("700.00"), effective.get("a").get("2033-03"));
        assertEquals(new BigDecimal("100.00"), effective.get("b").get("2033-03"));
    }

    @Test
    void a_total_adds_the_months_that_have_a_target_and_is_empty_when_none_has() {
        Map<String, BigDecimal> perMonth = Map.of("2033-01", new BigDecimal("10.00"), "2033-03", new BigDecimal("5.50"));
        assertEquals(Optional.of(new BigDecimal("15.50")), PerformanceTarget.total(perMonth, List.of("2033-01", "2033-02", "2033-03")));
        assertEquals(Optional.empty(), PerformanceTarget.total(perMonth, List.of("2033-02")));
    }
}
