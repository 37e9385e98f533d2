package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A report period is an ISO week or a calendar month, written the way the trend writes it. */
class ReportPeriodTest {

    @Test
    void an_iso_week_runs_monday_to_sunday_of_the_week_based_year() {
        ReportPeriod w = ReportPeriod.parse(ReportKind.WEEKLY, "2026-W48");
        assertEquals(LocalDate.parse("2026-11-23"), w.first());
        assertEquals(LocalDate.parse("2026-11-29"), w.last());
        ReportPeriod w53 = ReportPeriod.parse(ReportKind.WEEKLY, "2026-W53");
        assertEquals(LocalDate.parse("2026-12-28"), w53.first());
        assertEquals(LocalDate.parse("2027-01-03"), w53.last());
        ReportPeriod first2027 = ReportPeriod.parse(ReportKind.WEEKLY, "2027-W01");
        assertEquals(LocalDate.parse("2027-01-04"), first2027.first());
    }

    @Test
    void a_month_runs_from_its_first_to_its_last_day() {
        ReportPeriod m = ReportPeriod.parse(ReportKind.MONTHLY, "2028-02");
        assertEquals(LocalDate.parse("2028-02-01"), m.first());
        assertEquals(LocalDate.parse("2028-02-29"), m.last());
    }

    @Test
    void a_week_or_month_that_does_not_exist_or_of_the_other_kind_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse(ReportKind.WEEKLY, "2027-W53"));
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse(ReportKind.WEEKLY, "2026-W00"));
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse(ReportKind.WEEKLY, "2026-11"));
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse(ReportKind.MONTHLY, "2026-13"));
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse(ReportKind.MONTHLY, "2026-W48"));
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse(ReportKind.MONTHLY, "1999-12"));
        assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse(ReportKind.MONTHLY, null));
    }

    @Test
    void the_period_containing_a_day_has_the_label_the_parser_reads() {
        ReportPeriod week = ReportPeriod.containing(ReportKind.WEEKLY, LocalDate.parse("2027-01-02"));
        assertEquals("2026-W53", week.label());
        assertEquals(week, ReportPeriod.parse(ReportKind.WEEKLY, week.label()));
        assertEquals("2026-12", ReportPeriod.containing(ReportKind.MONTHLY, LocalDate.parse("2026-12-31")).label());
    }

    @Test
    void a_period_has_begun_on_its_first_day_and_not_before() {
        ReportPeriod m = ReportPeriod.parse(ReportKind.MONTHLY, "2026-12");
        assertTrue(m.begunBy(LocalDate.parse("2026-12-01")));
        assertFalse(m.begunBy(LocalDate.parse("2026-11-30")));
    }
}
