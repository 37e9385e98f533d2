package com.salesaffairs.reporting.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a sales report covers: an ISO-8601 week ({@code 2026-W48}, Monday to Sunday, weeks of the
 * week-based year) or a calendar month ({@code 2026-11}).
 *
 * @param label the period as written in the API and the event
 * @param first its first day
 * @param last its last day, included
 */
public record ReportPeriod(ReportKind kind, String label, LocalDate first, LocalDate last) {
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    /** Reports are a business record of this century; a year outside it is a typing error. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2099;

    /**
     * Reads a period of the given kind.
     *
     * @throws IllegalArgumentException with a message for the caller when the text is not such a period
     */
    public static ReportPeriod parse(ReportKind kind, String text) {
        String value = text == null ? "" : text.trim();
        return kind == ReportKind.WEEKLY ? week(value) : month(value);
    }

    /** The period of this kind that contains the day. */
    public static ReportPeriod containing(ReportKind kind, LocalDate day) {
        if (kind == ReportKind.WEEKLY) {
            LocalDate monday = day.with(DayOfWeek.MONDAY);
            return new ReportPeriod(kind, String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), monday, monday.plusDays(6));
        }
        YearMonth month = YearMonth.from(day);
        return new ReportPeriod(kind, month.toString(), month.atDay(1), month.atEndOfMonth());
    }

    /** Whether the period has begun on the given day: a report cannot be written about days still to come. */
    public boolean begunBy(LocalDate today) {
        return !first.isAfter(today);
    }

    private static ReportPeriod week(String value) {
        Matcher m = WEEK.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO week such as 2026-W48");
        }
        int year = year(Integer.parseInt(m.group(1)));
        int week = Integer.parseInt(m.group(2));
        // 2026 has 53 ISO weeks, 2027 has 52: the mid-year day gives the year's own range.
        long weeks = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(LocalDate.of(year, 6, 1)).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException("week " + week + " does not exist in " + year + " (1 to " + weeks + ")");
        }
        LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
        return new ReportPeriod(ReportKind.WEEKLY, value, monday, monday.plusDays(6));
    }

    private static ReportPeriod month(String value) {
        Matcher m = MONTH.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a month such as 2026-11");
        }
        try {
            YearMonth month = YearMonth.of(year(Integer.parseInt(m.group(1))), Integer.parseInt(m.group(2)));
            return new ReportPeriod(ReportKind.MONTHLY, value, month.atDay(1), month.atEndOfMonth());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("month " + m.group(2) + " does not exist (01 to 12)");
        }
    }

    private static int year(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("the year must be from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return year;
    }
}
