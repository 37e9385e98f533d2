package com.salesaffairs.reporting.domain;

import java.time.LocalDate;
import java.time.YearMonth;

import com.salesaffairs.platform.calendar.WorkingDays;

/**
 * The business days of {@code reporting.schedule}'s calendar, the platform's {@link WorkingDays}: the
 * working weekdays, minus public holidays, plus the weekend days declared working days to bridge a
 * holiday (调休). A holiday is never a business day, even on a weekday; a make-up day always is, even
 * on a Saturday. Report due dates count business days within a month.
 */
public record BusinessDays(WorkingDays days) {

    public BusinessDays {
        if (days.workingDays().isEmpty()) {
            throw new IllegalArgumentException("a calendar needs working days");
        }
    }

    public boolean isBusinessDay(LocalDate day) {
        return days.isWorkingDay(day);
    }

    /**
     * The {@code n}th business day of the month (1 is the first).
     *
     * @throws IllegalArgumentException when the month has fewer business days
     */
    public LocalDate nthBusinessDay(YearMonth month, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("business days are counted from 1");
        }
        int seen = 0;
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (isBusinessDay(day) && ++seen == n) {
                return day;
            }
        }
        throw new IllegalArgumentException(month + " has only " + seen + " business days, not " + n);
    }
}
