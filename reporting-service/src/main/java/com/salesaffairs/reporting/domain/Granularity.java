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
    WEEK(3653) {
        @Override
        public String periodOf(LocalDate day) {
            return String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    },
    /** {@code 2026-11} */
    MONTH(3653) {
        @Override
        public String periodOf(LocalDate day) {
            return YearMonth.from(day).toString();
        }
    };

    /** A daily trend beyond a year is unreadable and costly; weeks and months may span ten years. */
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

    /** The name used in the API: {@code day}, {@code week}, {@code month}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Granularity> fromApiName(String value) {
        return Arrays.stream(values()).filter(g -> g.apiName().equals(value)).findFirst();
    }
}
