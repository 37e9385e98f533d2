package com.salesaffairs.aftersales.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

import com.salesaffairs.platform.calendar.WorkingDays;

/**
 * Working time: {@link WorkingDays working days} (weekdays, minus public holidays, plus the weekend days
 * declared working days, 调休) from {@code opens} to {@code closes} in one time zone. Pure arithmetic, no clock: the
 * SLA clocks of after-sales (policy 3.3) count in it.
 *
 * <p>Rules: a holiday is never a working day, even on a weekday; a make-up working day always is, even
 * on a weekend; the working window of a day is [opens, closes], so a deadline may fall on the
 * closing minute itself (17:00 + 1h = 18:00 the same day, not 09:00 the next).
 */
public record BusinessCalendar(WorkingDays days, LocalTime opens, LocalTime closes) {

    /** Ten years of days without a working one means the calendar is broken, not the deadline far. */
    private static final int MAX_DAYS_SEARCHED = 3660;

    public BusinessCalendar {
        requireWindow(opens, closes);
        Objects.requireNonNull(days, "days");
    }

    public BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
            Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
        this(days(zone, workingDays, opens, closes, holidays, makeUpWorkingDays), opens, closes);
    }

    /** The working days, once the hours are known to be a window (that is checked first). */
    private static WorkingDays days(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
            Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
        requireWindow(opens, closes);
        return new WorkingDays(zone, workingDays, holidays, makeUpWorkingDays);
    }

    private static void requireWindow(LocalTime opens, LocalTime closes) {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("a working day must open before it closes");
        }
    }

    public ZoneId zone() {
        return days.zone();
    }

    public Set<DayOfWeek> workingDays() {
        return days.workingDays();
    }

    public Set<LocalDate> holidays() {
        return days.holidays();
    }

    public Set<LocalDate> makeUpWorkingDays() {
        return days.makeUpWorkingDays();
    }

    public boolean isWorkingDay(LocalDate day) {
        return days.isWorkingDay(day);
    }

    /** Whether the instant lies in a working window, both ends included. */
    public boolean isWorkingTime(Instant at) {
        ZonedDateTime t = at.atZone(zone());
        LocalTime time = t.toLocalTime();
        return isWorkingDay(t.toLocalDate()) && !time.isBefore(opens) && !time.isAfter(closes);
    }

    /**
     * The moment {@code amount} of working time after {@code start}: time before opening, after closing,
     * on weekends and holidays does not count. Adding zero returns {@code start} unchanged.
     */
    public Instant plus(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot add negative working time");
        }
        if (amount.isZero()) {
            return start;
        }
        Duration remaining = amount;
        ZonedDateTime t = start.atZone(zone());
        for (int i = 0; i < MAX_DAYS_SEARCHED; i++) {
            LocalDate day = t.toLocalDate();
            if (isWorkingDay(day)) {
                ZonedDateTime open = day.atTime(opens).atZone(zone());
                ZonedDateTime close = day.atTime(closes).atZone(zone());
                ZonedDateTime from = t.isBefore(open) ? open : t;
                if (from.isBefore(close)) {
                    Duration available = Duration.between(from, close);
                    if (available.compareTo(remaining) >= 0) {
                        return from.plus(remaining).toInstant();
                    }
                    remaining = remaining.minus(available);
                }
            }
            t = day.plusDays(1).atStartOfDay(zone());
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS_SEARCHED + " days of " + start);
    }

    /** The working time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        ZonedDateTime end = to.atZone(zone());
        ZonedDateTime t = from.atZone(zone());
        LocalDate day = t.toLocalDate();
        LocalDate last = end.toLocalDate();
        while (!day.isAfter(last)) {
            if (isWorkingDay(day)) {
                ZonedDateTime open = day.atTime(opens).atZone(zone());
                ZonedDateTime close = day.atTime(closes).atZone(zone());
                ZonedDateTime a = t.isAfter(open) ? t : open;
                ZonedDateTime b = end.isBefore(close) ? end : close;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
            day = day.plusDays(1);
        }
        return total;
    }
}
