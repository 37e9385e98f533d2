package com.salesaffairs.platform.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * When the relay tries a failed event again: exponential from {@code initial}, capped at
 * {@code max}. The relay never gives up on an event: the broker being down for an hour must not
 * lose a settled order.
 */
public record RetryBackoff(Duration initial, Duration max) {

    public RetryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
    }

    /** The delay after the given number of failed attempts (1 = first failure). */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failedAttempts - 1, 30);
        long millis = initial.toMillis() << doublings;
        if (millis <= 0 || millis > max.toMillis()) {
            return max;
        }
        return Duration.ofMillis(millis);
    }

    public Instant nextAttempt(Instant now, int failedAttempts) {
        return now.plus(delayAfter(failedAttempts));
    }
}
