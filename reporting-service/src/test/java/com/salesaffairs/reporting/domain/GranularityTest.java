package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class GranularityTest {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void a_day_is_named_by_its_date() {
        assertEquals("2026-11-27", Granularity.DAY.periodOf(day("2026-11-27")));
    }

    @Test
    void a_week_is_the_iso_week_of_the_week_based_year() {
        assertEquals("2026-W48", Granularity.WEEK.periodOf(day("2026-11-27")));
        assertEquals("2026-W01", Granularity.WEEK.periodOf(day("2025-12-29")));
        assertEquals("2026-W09", Granularity.WEEK.periodOf(day("2026-02-23")));
    }

    @Test
    void the_last_days_of_2026_and_the_first_of_2027_are_in_2026_w53() {
        assertEquals("2026-W53", Granularity.WEEK.periodOf(day("2026-12-28")));
        assertEquals("2026-W53", Granularity.WEEK.periodOf(day("2026-12-31")));
        assertEquals("2026-W53", Granularity.WEEK.periodOf(day("2027-01-03")));
        assertEquals("2027-W01", Granularity.WEEK.periodOf(day("2027-01-04")));
    }

    @Test
    void the_last_days_of_2024_are_in_2025_w01() {
        assertEquals("2024-W52", Granularity.WEEK.periodOf(day("2024-12-29")));
        assertEquals("2025-W01", Granularity.WEEK.periodOf(day("2024-12-30")));
        assertEquals("2025-W01", Granularity.WEEK.periodOf(day("2024-12-31")));
    }

    @Test
    void a_month_is_named_year_and_month() {
        assertEquals("2026-11", Granularity.MONTH.periodOf(day("2026-11-30")));
        assertEquals("2026-12", Granularity.MONTH.periodOf(day("2026-12-01")));
        assertEquals("2024-02", Granularity.MONTH.periodOf(day("2024-02-29")));
    }

    @Test
    void api_names_are_lower_case_and_nothing_else_is_accepted() {
        assertEquals(Optional.of(Granularity.WEEK), Granularity.fromApiName("week"));
        assertTrue(Granularity.fromApiName("WEEK").isEmpty());
        assertEquals(Optional.of(Granularity.QUARTER), Granularity.fromApiName("quarter"));
        assertTrue(Granularity.fromApiName("year").isEmpty());
        assertEquals("month", Granularity.MONTH.apiName());
    }

    @Test
    void a_quarter_is_named_year_and_calendar_quarter() {
        assertEquals("2026-Q1", Granularity.QUARTER.periodOf(day("2026-01-01")));
        assertEquals("2026-Q1", Granularity.QUARTER.periodOf(day("2026-03-31")));
        assertEquals("2026-Q2", Granularity.QUARTER.periodOf(day("2026-04-01")));
        assertEquals("2026-Q4", Granularity.QUARTER.periodOf(day("2026-12-31")));
        assertEquals("2027-Q1", Granularity.QUARTER.periodOf(day("2027-01-01")));
    }

    @Test
    void a_daily_trend_covers_at_most_a_leap_year_and_the_others_five_years() {
        assertEquals(366, Granularity.DAY.maxSpanDays());
        // 2020-01-01..2024-12-31, five years with two leap days, is the most.
        assertEquals(1827, Granularity.WEEK.maxSpanDays());
        assertEquals(1827, Granularity.MONTH.maxSpanDays());
        assertEquals(1827, Granularity.QUARTER.maxSpanDays());
    }
}
