package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.problem.Violation;

/** reporting.schedule v2: weekly due Monday 10:00, monthly the third business day 18:00, Asia/Shanghai, with 调休. */
public class ReportScheduleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The calendar of the seeded v2 (V3__sales_reports.sql), as far as these tests need it. */
    public static final String ADOPTED = """
            {"weekly":{"dueDay":"MON","dueTime":"10:00"},"monthly":{"dueBusinessDay":3,"dueTime":"18:00"},
             "calendar":{"timeZone":"Asia/Shanghai","workingDays":["MON","TUE","WED","THU","FRI"],
              "holidays":["2026-01-01","2026-01-02","2026-01-03","2026-05-01","2026-05-02","2026-05-03","2026-05-04","2026-05-05",
                          "2026-10-01","2026-10-02","2026-10-03","2026-10-04","2026-10-05","2026-10-06","2026-10-07"],
              "makeUpWorkingDays":["2026-01-04","2026-05-09","2026-10-10"]}}""";

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static ReportSchedule adopted() throws Exception {
        return ReportSchedule.from(2, json(ADOPTED));
    }

    private static Instant due(String kind, String period) throws Exception {
        return adopted().dueAt(ReportPeriod.parse(ReportKind.valueOf(kind), period));
    }

    @Test
    void a_weekly_report_is_due_the_monday_after_its_iso_week_at_ten_in_shanghai() throws Exception {
        assertEquals(Instant.parse("2026-11-30T02:00:00Z"), due("WEEKLY", "2026-W48"));
        // 2026 has 53 ISO weeks; the last ends on Sunday 3 January 2027.
        assertEquals(Instant.parse("2027-01-04T02:00:00Z"), due("WEEKLY", "2026-W53"));
    }

    @Test
    void a_weekly_report_stays_due_on_monday_even_when_that_monday_is_a_holiday() throws Exception {
        // 2026-W40 ends Sunday 4 October; Monday 5 October is National Day: the adopted text says Monday.
        assertEquals(Instant.parse("2026-10-05T02:00:00Z"), due("WEEKLY", "2026-W40"));
    }

    @Test
    void a_monthly_report_is_due_the_third_business_day_at_six_pm() throws Exception {
        // December 2026: Tuesday 1, Wednesday 2, Thursday 3.
        assertEquals(Instant.parse("2026-12-03T10:00:00Z"), due("MONTHLY", "2026-11"));
    }

    @Test
    void a_holiday_week_pushes_the_monthly_due_date_past_it() throws Exception {
        // May 2026: 1-5 Labour Day holidays; Wednesday 6, Thursday 7, Friday 8.
        assertEquals(Instant.parse("2026-05-08T10:00:00Z"), due("MONTHLY", "2026-04"));
    }

    @Test
    void a_make_up_saturday_counts_as_a_business_day() throws Exception {
        // October 2026: 1-7 National Day; Thursday 8, Friday 9, and Saturday 10 is a make-up working day (调休).
        assertEquals(Instant.parse("2026-10-10T10:00:00Z"), due("MONTHLY", "2026-09"));
        // January 2026: 1-3 New Year; Sunday 4 is a make-up day, then Monday 5 and Tuesday 6.
        assertEquals(Instant.parse("2026-01-06T10:00:00Z"), due("MONTHLY", "2025-12"));
    }

    @Test
    void without_the_make_up_day_the_same_month_would_be_due_on_monday() throws Exception {
        ReportSchedule noMakeUp = ReportSchedule.from(9, json(ADOPTED.replace("\"2026-10-10\"", "\"2026-06-06\"")));
        assertEquals(Instant.parse("2026-10-12T10:00:00Z"),
                noMakeUp.dueAt(ReportPeriod.parse(ReportKind.MONTHLY, "2026-09")));
    }

    @Test
    void the_business_day_rule_skips_weekends_and_holidays_and_counts_make_up_days() throws Exception {
        BusinessDays days = adopted().calendar();
        assertFalse(days.isBusinessDay(LocalDate.parse("2026-10-05")), "a holiday on a Monday");
        assertTrue(days.isBusinessDay(LocalDate.parse("2026-10-10")), "a make-up Saturday");
        assertFalse(days.isBusinessDay(LocalDate.parse("2026-10-11")), "an ordinary Sunday");
        assertTrue(days.isBusinessDay(LocalDate.parse("2026-10-08")), "an ordinary Thursday");
    }

    @Test
    void the_adopted_schedule_is_a_valid_draft() throws Exception {
        assertEquals(List.of(), ReportSchedule.check(json(ADOPTED)));
    }

    @Test
    void a_draft_names_every_bad_field_under_its_section() throws Exception {
        List<String> fields = ReportSchedule.check(json("""
                {"weekly":{"dueDay":"MONDAY","dueTime":"25:00"},"monthly":{"dueBusinessDay":31,"dueTime":"18:00"},
                 "calendar":{"timeZone":"Mars/Olympus","workingDays":["MON","FUN"],"holidays":["2026-13-01"],
                             "makeUpWorkingDays":[]},"grace":"PT1H"}""")).stream().map(Violation::field).toList();
        assertEquals(List.of("grace", "weekly.dueDay", "weekly.dueTime", "monthly.dueBusinessDay", "calendar.timeZone",
                "calendar.workingDays[1]", "calendar.holidays[0]"), fields);
    }

    @Test
    void version_one_content_is_not_a_valid_version_two() throws Exception {
        List<String> fields = ReportSchedule.check(json(
                "{\"weeklyReportDue\":\"MONDAY 10:00\",\"monthlyReportDueDay\":3,\"timezone\":\"Asia/Shanghai\"}"))
                .stream().map(Violation::field).toList();
        assertTrue(fields.containsAll(List.of("weeklyReportDue", "weekly", "monthly", "calendar")), fields.toString());
        assertThrows(IllegalStateException.class, () -> ReportSchedule.from(1, json(
                "{\"weeklyReportDue\":\"MONDAY 10:00\",\"monthlyReportDueDay\":3,\"timezone\":\"Asia/Shanghai\"}")));
    }
}
