package com.salesaffairs.reporting.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The length of one period of a trend, and how a day is named by the period it falls in. */
public enum Granularity {
    /** {@code 2026-11-27} */
    DAY(366) {
        @Override
        public String periodOf(LocalDate day) {
            return day.toString();
        }
    },
    /** ISO-8601 week of the week-based year: {@code 2026-W48}; 2026-12-31 is in {@code 2026-W53}. */
    WEEK(Granularity.FIVE_YEARS) {
        @Override
        public String periodOf(LocalDate day) {
            return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    },
    /** {@code 2026-11} */
    MONTH(Granularity.FIVE_YEARS) {
        @Override
        public String periodOf(LocalDate day) {
            return YearMonth.from(day).toString();
        }
    },
    /** Calendar quarter: {@code 2026-Q4} (October to December). */
    QUARTER(Granularity.FIVE_YEARS) {
        @Override
        public String periodOf(LocalDate day) {
            return day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
        }
    };

    /**
     * Five years, both ends counted, with two leap days: the longest range issue 15 allows for any
     * report ("ranges over five years: 400"); 2020-01-01..2024-12-31 (two leap days) fits, one more day does not.
     */
    public static final int FIVE_YEARS = 1827;

    /** A daily trend beyond a year is unreadable and costly; weeks, months and quarters may span five years. */
    private final int maxSpanDays;

    Granularity(int maxSpanDays) {
        this.maxSpanDays = maxSpanDays;
    }

    /** The name of the period that contains the day. */
    public abstract String periodOf(LocalDate day);

    /** The most days, both ends counted, that one report at this granularity may cover. */
    public int maxSpanDays() {
        return maxSpanDays;
    }

    /** The name used in the API: {@code day}, {@code week}, {@code month}, {@code quarter}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Granularity> fromApiName(String value) {
        return Arrays.stream(values()).filter(g -> g.apiName().equals(value)).findFirst();
    }
}
