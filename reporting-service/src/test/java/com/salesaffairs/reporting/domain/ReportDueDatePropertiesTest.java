package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.databind.ObjectMapper;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The due-date rule for every week and month of the calendar years the adopted calendar covers. */
class ReportDueDatePropertiesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ReportSchedule adopted() throws Exception {
        return ReportSchedule.from(2, new ObjectMapper().readTree(ReportScheduleTest.ADOPTED));
    }

    @Property
    void a_monthly_report_is_due_at_six_pm_on_a_business_day_preceded_by_exactly_two_in_the_next_month(
            @ForAll @IntRange(min = 0, max = 23) int monthIndex) throws Exception {
        ReportSchedule schedule = adopted();
        YearMonth month = YearMonth.of(2025, 12).plusMonths(monthIndex);
        ZonedDateTime due = schedule.dueAt(ReportPeriod.parse(ReportKind.MONTHLY, month.toString())).atZone(SHANGHAI);
        LocalDate day = due.toLocalDate();
        assertEquals(month.plusMonths(1), YearMonth.from(day));
        assertEquals(LocalTime.of(18, 0), due.toLocalTime());
        assertTrue(schedule.calendar().isBusinessDay(day));
        long before = day.withDayOfMonth(1).datesUntil(day).filter(schedule.calendar()::isBusinessDay).count();
        assertEquals(2, before);
    }

    @Property
    void a_weekly_report_is_due_the_day_after_its_sunday_at_ten(@ForAll @IntRange(min = 1, max = 52) int week)
            throws Exception {
        ReportPeriod period = ReportPeriod.parse(ReportKind.WEEKLY, String.format("2027-W%02d", week));
        ZonedDateTime due = adopted().dueAt(period).atZone(SHANGHAI);
        assertEquals(DayOfWeek.SUNDAY, period.last().getDayOfWeek());
        assertEquals(period.last().plusDays(1), due.toLocalDate());
        assertEquals(LocalTime.of(10, 0), due.toLocalTime());
    }
}
