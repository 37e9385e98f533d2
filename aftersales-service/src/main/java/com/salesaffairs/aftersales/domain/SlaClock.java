package com.salesaffairs.aftersales.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The response and resolution clocks of a case in business time. A clock starts at a moment, runs
 * for a budget of business hours and may be paused while the case waits for the customer: the
 * business time of a pause is added to the deadline when it ends, so waiting never counts.
 */
public record SlaClock(BusinessCalendar calendar) {

    /** The deadline of a clock started at {@code start} with a budget of {@code hours} business hours. */
    public Instant deadline(Instant start, int hours) {
        return calendar.plus(start, Duration.ofHours(hours));
    }

    /** When the clock reaches {@code percent} of its budget (the warning point), in whole business minutes. */
    public Instant warnAt(Instant start, int hours, int percent) {
        return calendar.plus(start, Duration.ofMinutes(hours * 60L * percent / 100));
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
