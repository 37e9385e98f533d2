package com.salesaffairs.performance.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a target covers: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}) or a year
 * ({@code 2026}), and the calendar months it is split over.
 */
public record TargetPeriod(Kind kind, int year, int index) {
    public enum Kind { MONTH, QUARTER, YEAR }

    /** The wire form; shared with REST validation so both agree on what exists. */
    public static final String PATTERN = "\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?";
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?");

    public TargetPeriod {
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("period year " + year + " is not a four-digit year");
        }
    }

    public static TargetPeriod parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("period '" + text + "' is not YYYY-MM, YYYY-Qn or YYYY");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return new TargetPeriod(Kind.MONTH, year, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return new TargetPeriod(Kind.QUARTER, year, Integer.parseInt(m.group(3)));
        }
        return new TargetPeriod(Kind.YEAR, year, 0);
    }

    /** The months of the period, in calendar order. */
    public List<KpiPeriod> months() {
        int first = switch (kind) {
            case MONTH -> index;
            case QUARTER -> (index - 1) * 3 + 1;
            case YEAR -> 1;
        };
        int count = switch (kind) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case YEAR -> 12;
        };
        List<KpiPeriod> months = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            months.add(new KpiPeriod(YearMonth.of(year, first + i)));
        }
        return months;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> String.format("%04d-%02d", year, index);
            case QUARTER -> String.format("%04d-Q%d", year, index);
            case YEAR -> String.format("%04d", year);
        };
    }
}
