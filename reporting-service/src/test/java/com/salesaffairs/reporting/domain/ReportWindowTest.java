package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReportWindowTest {

    private static ReportWindow window(String from, String to) {
        return new ReportWindow(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void every_day_of_the_window_is_a_period_both_ends_included() {
        assertEquals(List.of("2026-02-27", "2026-02-28", "2026-03-01"),
                window("2026-02-27", "2026-03-01").periods(Granularity.DAY));
        assertEquals(3, window("2026-02-27", "2026-03-01").days());
        assertEquals(366, window("2024-01-01", "2024-12-31").days());
    }

    @Test
    void weeks_across_the_year_boundary_include_w53_and_the_cut_weeks_at_both_ends() {
        assertEquals(List.of("2026-W52", "2026-W53", "2027-W01"),
                window("2026-12-27", "2027-01-04").periods(Granularity.WEEK));
    }

    @Test
    void months_run_from_the_month_of_from_to_the_month_of_to() {
        assertEquals(List.of("2026-11", "2026-12", "2027-01", "2027-02"),
                window("2026-11-30", "2027-02-01").periods(Granularity.MONTH));
    }

    @Test
    void a_window_cannot_end_before_it_starts() {
        assertThrows(IllegalArgumentException.class, () -> window("2026-01-02", "2026-01-01"));
        assertEquals(List.of("2026-01"), window("2026-01-01", "2026-01-01").periods(Granularity.MONTH));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 365 * 30).map(n -> LocalDate.of(2000, 1, 1).plusDays(n));
    }

    @Property(tries = 300)
    void periods_are_distinct_ascending_and_hold_every_day_of_the_window(@ForAll("days") LocalDate from,
            @ForAll("days") LocalDate to) {
        if (to.isBefore(from)) {
            LocalDate swap = from;
            from = to;
            to = swap;
        }
        if (to.isAfter(from.plusDays(800))) {
            to = from.plusDays(800);
        }
        ReportWindow window = new ReportWindow(from, to);
        for (Granularity granularity : Granularity.values()) {
            List<String> periods = window.periods(granularity);
            for (int i = 1; i < periods.size(); i++) {
                assertTrue(periods.get(i - 1).compareTo(periods.get(i)) < 0, granularity + " " + periods);
            }
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                assertTrue(periods.contains(granularity.periodOf(day)), granularity + " misses " + day);
            }
            assertEquals(granularity.periodOf(from), periods.get(0));
            assertEquals(granularity.periodOf(to), periods.get(periods.size() - 1));
        }
    }
}
