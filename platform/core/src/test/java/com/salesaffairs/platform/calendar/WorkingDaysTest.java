package com.salesaffairs.platform.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.problem.Violation;

class WorkingDaysTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void holidays_are_never_and_make_up_days_always_working_days() throws Exception {
        WorkingDays days = WorkingDays.parse(tree("""
                {"timeZone": "Asia/Shanghai", "workingDays": ["MON", "TUE", "WED", "THU", "FRI"],
                 "holidays": ["2026-10-05"], "makeUpWorkingDays": ["2026-10-10"]}"""));
        assertEquals(ZoneId.of("Asia/Shanghai"), days.zone());
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY), days.workingDays());
        assertFalse(days.isWorkingDay(LocalDate.parse("2026-10-05")), "a holiday on a Monday");
        assertTrue(days.isWorkingDay(LocalDate.parse("2026-10-10")), "a make-up Saturday");
        assertFalse(days.isWorkingDay(LocalDate.parse("2026-10-11")), "an ordinary Sunday");
        assertTrue(days.isWorkingDay(LocalDate.parse("2026-10-08")), "an ordinary Thursday");
    }

    @Test
    void a_calendar_without_any_working_day_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> new WorkingDays(ZoneId.of("UTC"), Set.of(), Set.of(), Set.of()));
    }

    @Test
    void each_problem_names_its_field_under_the_prefix() throws Exception {
        List<Violation> problems = new ArrayList<>();
        WorkingDays.check(tree("""
                {"timeZone": "Mars/Olympus", "workingDays": ["MON", "FUN"],
                 "holidays": ["2026-10-01", "10/02"], "makeUpWorkingDays": ["2026-10-01"]}"""), "content.calendar",
                problems);
        assertEquals(List.of(
                new Violation("content.calendar.timeZone", "must be an IANA time zone such as Asia/Shanghai"),
                new Violation("content.calendar.workingDays[1]", "must be one of " + WorkingDays.DAY_NAMES),
                new Violation("content.calendar.holidays[1]", "must be a date yyyy-MM-dd"),
                new Violation("content.calendar.makeUpWorkingDays", "2026-10-01 is also a holiday")), problems);

        problems.clear();
        WorkingDays.check(tree("{\"workingDays\": []}"), "calendar", problems);
        assertEquals(List.of("calendar.timeZone", "calendar.workingDays", "calendar.holidays",
                "calendar.makeUpWorkingDays"), problems.stream().map(Violation::field).toList());
    }
}
