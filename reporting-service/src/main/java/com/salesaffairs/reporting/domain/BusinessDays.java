package com.salesaffairs.reporting.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

/**
 * Which days are business days on {@code reporting.schedule}'s calendar: the working weekdays, minus
 * public holidays, plus the weekend days declared working days to bridge a holiday (调休). A holiday is
 * never a business day, even on a weekday; a make-up day always is, even on a Saturday.
 *
 * <p>aftersales-service's {@code BusinessCalendar} reads the same calendar content, but also counts
 * working hours; report due dates count only days, so reporting keeps this small rule of its own
 * rather than a shared class that would have to serve both.
 */
public record BusinessDays(Set<DayOfWeek> workingDays, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {

    public BusinessDays {
        workingDays = Set.copyOf(workingDays);
        holidays = Set.copyOf(holidays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("a calendar needs working days");
        }
    }

    public boolean isBusinessDay(LocalDate day) {
        if (makeUpWorkingDays.contains(day)) {
            return true;
        }
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day);
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
