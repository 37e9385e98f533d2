package com.salesaffairs.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RelayBookkeepingTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final RetryBackoff BACKOFF = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    private static OutboxEvent pending() {
        OutboxEvent e = new OutboxEvent();
        e.ceId = UUID.randomUUID();
        e.occurredAt = NOW;
        e.nextAttemptAt = NOW;
        return e;
    }

    @Test
    void a_published_event_is_no_longer_pending() {
        OutboxEvent e = pending();
        assertTrue(RelayBookkeeping.isPending(e, NOW));
        e.publishedAt = NOW.plusSeconds(5);
        assertFalse(RelayBookkeeping.isPending(e, NOW.plusSeconds(60)));
    }

    @Test
    void a_refused_event_waits_for_its_backoff_then_is_due_again() {
        OutboxEvent e = pending();
        RelayBookkeeping.failed(e, NOW, new IllegalStateException("record too large"), BACKOFF);
        assertEquals(1, e.attempts);
        assertEquals(NOW.plusMillis(500), e.nextAttemptAt);
        assertTrue(e.lastError.contains("record too large"));
        assertFalse(RelayBookkeeping.isPending(e, NOW.plusMillis(499)));
        assertTrue(RelayBookkeeping.isPending(e, NOW.plusMillis(500)));
        RelayBookkeeping.failed(e, NOW, new IllegalStateException("again"), BACKOFF);
        assertEquals(NOW.plusSeconds(1), e.nextAttemptAt);
    }

    @Test
    void a_broker_outage_counts_the_attempt_but_keeps_the_event_first_in_line() {
        OutboxEvent e = pending();
        RelayBookkeeping.brokerUnavailable(e, new RuntimeException("timeout"));
        assertEquals(1, e.attempts);
        assertEquals(NOW, e.nextAttemptAt);
        assertTrue(RelayBookkeeping.isPending(e, NOW));
    }

    @Test
    void a_long_error_is_cut_to_fit_its_column() {
        OutboxEvent e = pending();
        RelayBookkeeping.failed(e, NOW, new RuntimeException("x".repeat(5000)), BACKOFF);
        assertEquals(1000, e.lastError.length());
    }

    @Property
    void backoff_grows_and_never_exceeds_the_cap(@ForAll @IntRange(min = 1, max = 200) int attempts) {
        Duration d = BACKOFF.delayAfter(attempts);
        assertTrue(d.compareTo(Duration.ofMillis(500)) >= 0);
        assertTrue(d.compareTo(Duration.ofSeconds(30)) <= 0);
        assertTrue(BACKOFF.delayAfter(attempts + 1).compareTo(d) >= 0);
    }

    @Test
    void backoff_needs_a_positive_start_below_its_cap() {
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
