package com.salesaffairs.platform.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.problem.Violation;

/**
 * Which days are working days in a policy's business calendar: the working weekdays, minus public
 * holidays, plus the weekend days declared working days to bridge a holiday (调休), in one time zone.
 * A holiday is never a working day, even on a weekday; a make-up day always is, even on a Saturday.
 *
 * <p>Read from the calendar content policies share:
 * <pre>
 * {"timeZone": "Asia/Shanghai", "workingDays": ["MON",...,"FRI"],
 *  "holidays": ["2026-10-01", ...], "makeUpWorkingDays": ["2026-10-10", ...]}
 * </pre>
 * A policy may add fields of its own (after-sales adds working hours).
 */
public record WorkingDays(ZoneId zone, Set<DayOfWeek> workingDays, Set<LocalDate> holidays,
        Set<LocalDate> makeUpWorkingDays) {

    /** The names of the days of the week as the content writes them, Monday first. */
    public static final List<String> DAY_NAMES = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    public WorkingDays {
        workingDays = Set.copyOf(workingDays);
        holidays = Set.copyOf(holidays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        if (workingDays.isEmpty() && makeUpWorkingDays.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs working days");
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The day of the week a {@link #DAY_NAMES name} stands for. */
    public static DayOfWeek day(String name) {
        return DayOfWeek.of(DAY_NAMES.indexOf(name) + 1);
    }

    /** Reads calendar content that {@link #check} accepts. */
    public static WorkingDays parse(JsonNode cal) {
        Set<DayOfWeek> working = new HashSet<>();
        cal.path("workingDays").forEach(d -> working.add(day(d.asText())));
        Set<LocalDate> holidays = new HashSet<>();
        cal.path("holidays").forEach(d -> holidays.add(LocalDate.parse(d.asText())));
        Set<LocalDate> makeUp = new HashSet<>();
        cal.path("makeUpWorkingDays").forEach(d -> makeUp.add(LocalDate.parse(d.asText())));
        return new WorkingDays(ZoneId.of(cal.path("timeZone").asText()), working, holidays, makeUp);
    }

    /**
     * What makes the calendar object {@code cal} (named {@code field}) unusable: {@link #checkZoneAndDays}
     * then {@link #checkDates}.
     */
    public static void check(JsonNode cal, String field, List<Violation> problems) {
        checkZoneAndDays(cal, field, problems);
        checkDates(cal, field, problems);
    }

    /** A known IANA time zone and at least one working day, each a {@link #DAY_NAMES name}. */
    public static void checkZoneAndDays(JsonNode cal, String field, List<Violation> problems) {
        JsonNode zone = cal.path("timeZone");
        try {
            if (!zone.isTextual()) {
                throw new DateTimeException("missing");
            }
            ZoneId.of(zone.asText());
        } catch (DateTimeException e) {
            problems.add(new Violation(field + ".timeZone", "must be an IANA time zone such as Asia/Shanghai"));
        }
        JsonNode days = cal.path("workingDays");
        if (!days.isArray() || days.isEmpty()) {
            problems.add(new Violation(field + ".workingDays", "must list at least one of " + DAY_NAMES));
        } else {
            for (int i = 0; i < days.size(); i++) {
                if (!DAY_NAMES.contains(days.get(i).asText(""))) {
                    problems.add(new Violation(field + ".workingDays[" + i + "]", "must be one of " + DAY_NAMES));
                }
            }
        }
    }

    /** Holidays and make-up working days as lists of ISO dates, no day both. */
    public static void checkDates(JsonNode cal, String field, List<Violation> problems) {
        Set<LocalDate> holidays = dates(cal.path("holidays"), field + ".holidays", problems);
        Set<LocalDate> makeUp = dates(cal.path("makeUpWorkingDays"), field + ".makeUpWorkingDays", problems);
        for (LocalDate d : makeUp) {
            if (holidays.contains(d)) {
                problems.add(new Violation(field + ".makeUpWorkingDays", d + " is also a holiday"));
            }
        }
    }

    private static Set<LocalDate> dates(JsonNode node, String field, List<Violation> problems) {
        Set<LocalDate> dates = new HashSet<>();
        if (!node.isArray()) {
            problems.add(new Violation(field, "must be a list of dates yyyy-MM-dd (may be empty)"));
            return dates;
        }
        for (int i = 0; i < node.size(); i++) {
            try {
                dates.add(LocalDate.parse(node.get(i).asText("")));
            } catch (DateTimeParseException e) {
                problems.add(new Violation(field + "[" + i + "]", "must be a date yyyy-MM-dd"));
            }
        }
        return dates;
    }
}
