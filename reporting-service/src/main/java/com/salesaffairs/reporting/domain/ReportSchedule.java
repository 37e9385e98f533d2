package com.salesaffairs.reporting.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.calendar.WorkingDays;
import com.salesaffairs.platform.problem.Violation;

/**
 * The content of a {@code reporting.schedule} version (from version 2; policy 5, periodic sales
 * reports): when a rep's weekly and monthly reports are due.
 *
 * <pre>
 * {"weekly":  {"dueDay": "MON", "dueTime": "10:00"},
 *  "monthly": {"dueBusinessDay": 3, "dueTime": "18:00"},
 *  "calendar": {"timeZone": "Asia/Shanghai", "workingDays": ["MON",...,"FRI"],
 *               "holidays": ["2026-10-01", ...], "makeUpWorkingDays": ["2026-10-10", ...]}}
 * </pre>
 *
 * A weekly report covers an ISO week and is due on the first {@code dueDay} after the week, at
 * {@code dueTime}, whether that day is a business day or not (the adopted text says "Monday 10:00").
 * A monthly report covers a month and is due on the {@code dueBusinessDay}th business day of the next
 * month at {@code dueTime}, counting make-up working days and skipping holidays.
 */
public record ReportSchedule(int version, ZoneId zone, DayOfWeek weeklyDueDay, LocalTime weeklyDueTime,
        int monthlyDueBusinessDay, LocalTime monthlyDueTime, BusinessDays calendar) {

    /** Ten business days into a month is later than any schedule needs; and every month has ten. */
    static final int MAX_DUE_BUSINESS_DAY = 10;

    private static final List<String> DAYS = WorkingDays.DAY_NAMES;
    private static final Set<String> FIELDS = Set.of("weekly", "monthly", "calendar");

    /** Reads a stored version; content that {@link #check} refuses never got approved, so it is a deployment error. */
    public static ReportSchedule from(int version, JsonNode content) {
        List<Violation> problems = check(content);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("reporting.schedule v" + version + " is unusable: " + problems);
        }
        WorkingDays days = WorkingDays.parse(content.path("calendar"));
        return new ReportSchedule(version, days.zone(),
                day(content.path("weekly").path("dueDay").asText()),
                LocalTime.parse(content.path("weekly").path("dueTime").asText()),
                content.path("monthly").path("dueBusinessDay").asInt(),
                LocalTime.parse(content.path("monthly").path("dueTime").asText()),
                new BusinessDays(days));
    }

    /** When the report for the period is due. */
    public Instant dueAt(ReportPeriod period) {
        if (period.kind() == ReportKind.WEEKLY) {
            LocalDate day = period.last().with(TemporalAdjusters.next(weeklyDueDay));
            return day.atTime(weeklyDueTime).atZone(zone).toInstant();
        }
        LocalDate day = calendar.nthBusinessDay(YearMonth.from(period.last()).plusMonths(1), monthlyDueBusinessDay);
        return day.atTime(monthlyDueTime).atZone(zone).toInstant();
    }

    /** Today in the schedule's time zone. */
    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    /**
     * What makes a draft unusable, each problem naming its field: only the three sections; weekly needs
     * a day and a time HH:mm; monthly a business day from 1 to {@value #MAX_DUE_BUSINESS_DAY} and a time;
     * the calendar a known time zone, working days, and ISO dates, no day both holiday and make-up day.
     */
    public static List<Violation> check(JsonNode content) {
        List<Violation> problems = new ArrayList<>();
        if (content == null || !content.isObject()) {
            problems.add(new Violation("content", "must be a JSON object"));
            return problems;
        }
        for (Iterator<String> names = content.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(new Violation(name, "is not a field of reporting.schedule (weekly, monthly, calendar)"));
            }
        }
        JsonNode weekly = content.path("weekly");
        if (!weekly.isObject()) {
            problems.add(new Violation("weekly", "must be an object with dueDay and dueTime"));
        } else {
            if (!DAYS.contains(weekly.path("dueDay").asText(""))) {
                problems.add(new Violation("weekly.dueDay", "must be one of " + DAYS));
            }
            time(weekly.path("dueTime"), "weekly.dueTime", problems);
        }
        JsonNode monthly = content.path("monthly");
        if (!monthly.isObject()) {
            problems.add(new Violation("monthly", "must be an object with dueBusinessDay and dueTime"));
        } else {
            JsonNode n = monthly.path("dueBusinessDay");
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1 || n.asInt() > MAX_DUE_BUSINESS_DAY) {
                problems.add(new Violation("monthly.dueBusinessDay",
                        "must be a whole number of business days from 1 to " + MAX_DUE_BUSINESS_DAY));
            }
            time(monthly.path("dueTime"), "monthly.dueTime", problems);
        }
        calendar(content.path("calendar"), problems);
        return problems;
    }

    private static void calendar(JsonNode cal, List<Violation> problems) {
        if (!cal.isObject()) {
            problems.add(new Violation("calendar", "must be an object with timeZone, workingDays, holidays, makeUpWorkingDays"));
            return;
        }
        WorkingDays.check(cal, "calendar", problems);
    }

    private static void time(JsonNode node, String field, List<Violation> problems) {
        try {
            if (node.isTextual() && node.asText().matches("\\d{2}:\\d{2}")) {
                LocalTime.parse(node.asText());
                return;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(new Violation(field, "must be a time HH:mm"));
    }

    private static DayOfWeek day(String name) {
        return WorkingDays.day(name);
    }
}
