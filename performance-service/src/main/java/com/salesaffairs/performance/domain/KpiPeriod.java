package com.salesaffairs.performance.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The calendar month a KPI fact belongs to, {@code YYYY-MM}. A fact counts in the month of its
 * instant in UTC, whatever the local time of the office that settled the order, so every
 * service and every replica puts the same order in the same month.
 */
public record KpiPeriod(YearMonth month) implements Comparable<KpiPeriod> {
    /** The wire form; a constant so REST validation and the domain agree. */
    public static final String PATTERN = "\\d{4}-(0[1-9]|1[0-2])";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    public KpiPeriod {
        Objects.requireNonNull(month, "month");
        if (month.getYear() < 0 || month.getYear() > 9999) {
            throw new IllegalArgumentException("period year " + month.getYear() + " is not a four-digit year");
        }
    }

    /** The month, in UTC, that contains the instant. */
    public static KpiPeriod of(Instant at) {
        return new KpiPeriod(YearMonth.from(at.atOffset(ZoneOffset.UTC)));
    }

    public static KpiPeriod parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("period '" + text + "' is not a month as YYYY-MM");
        }
        return new KpiPeriod(YearMonth.parse(text));
    }

    /** The first instant of the month, in UTC. */
    public Instant start() {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The first instant after the month, in UTC. */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    @Override
    public int compareTo(KpiPeriod other) {
        return month.compareTo(other.month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
