package com.salesaffairs.platform.outbox;

import java.time.Instant;

/**
 * What the relay writes back on an outbox row after a failed send: pure, so it is unit-tested. A
 * delivered batch is marked published in one statement ({@code OutboxRelay}).
 */
public final class RelayBookkeeping {
    private static final int MAX_ERROR_LENGTH = 1000;

    private RelayBookkeeping() {
    }

    public static void failed(OutboxEvent event, Instant at, Throwable error, RetryBackoff backoff) {
        event.attempts = event.attempts + 1;
        event.nextAttemptAt = backoff.nextAttempt(at, event.attempts);
        event.lastError = truncate(error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    private static String truncate(String message) {
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }

    /** The broker was away: count the attempt but keep the row due, so it goes first when it returns. */
    public static void brokerUnavailable(OutboxEvent event, Throwable error) {
        event.attempts = event.attempts + 1;
        event.lastError = truncate(error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    public static boolean isPending(OutboxEvent event, Instant now) {
        return event.publishedAt == null && !event.nextAttemptAt.isAfter(now);
    }
}
