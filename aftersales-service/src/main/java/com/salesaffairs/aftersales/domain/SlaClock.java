package com.salesaffairs.aftersales.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The response and resolution clocks of a case in business time. A clock starts at a moment, runs
 * for a budget of business hours and may be paused while the case waits for the customer: the
 * business time of a pause is added to the deadline when it ends, so waiting never counts.
 *
 * <p>Budgets are decimal business hours with at most two decimals (0.5 = 30 minutes, 0.02 = 72
 * seconds), so a budget is always a whole number of milliseconds and the arithmetic is exact.
 */
public record SlaClock(BusinessCalendar calendar) {

    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000L);

    /** The deadline of a clock started at {@code start} with a budget of {@code hours} business hours. */
    public Instant deadline(Instant start, BigDecimal hours) {
        return calendar.plus(start, budget(hours));
    }

    /** The deadline of a clock with a budget of whole business hours. */
    public Instant deadline(Instant start, int hours) {
        return deadline(start, BigDecimal.valueOf(hours));
    }

    /**
     * When the clock reaches {@code percent} of its budget (the warning point), in whole business
     * milliseconds (rounded down; exact for budgets of at most two decimals of an hour).
     */
    public Instant warnAt(Instant start, BigDecimal hours, int percent) {
        return calendar.plus(start, Duration.ofMillis(budget(hours).toMillis() * percent / 100));
    }

    /** The warning point of a clock with a budget of whole business hours. */
    public Instant warnAt(Instant start, int hours, int percent) {
        return warnAt(start, BigDecimal.valueOf(hours), percent);
    }

    /** A budget of decimal business hours as business time, to the millisecond (rounded down beyond it). */
    public static Duration budget(BigDecimal hours) {
        if (hours.signum() < 0) {
            throw new IllegalArgumentException("a budget cannot be negative: " + hours);
        }
        return Duration.ofMillis(hours.multiply(MILLIS_PER_HOUR).longValue());
    }

    /**
     * A point of a clock paused at {@code pausedAt} and resumed at {@code resumedAt}, moved by the
     * business time of the pause. A pause of length zero, or one entirely outside working time,
     * changes nothing.
     */
    public Instant resumed(Instant point, Instant pausedAt, Instant resumedAt) {
        return calendar.plus(point, pausedFor(pausedAt, resumedAt));
    }

    /** The business time a pause lasted. */
    public Duration pausedFor(Instant pausedAt, Instant resumedAt) {
        return calendar.between(pausedAt, resumedAt);
    }

    /** Business minutes a clock ran from {@code start} to {@code end}, less the business time it was paused. */
    public long taken(Instant start, Instant end, long pausedMinutes) {
        return Math.max(0, calendar.between(start, end).toMinutes() - pausedMinutes);
    }

    /** Business minutes past a deadline; zero when not passed. */
    public long overdueMinutes(Instant dueAt, Instant now) {
        return calendar.between(dueAt, now).toMinutes();
    }
}
