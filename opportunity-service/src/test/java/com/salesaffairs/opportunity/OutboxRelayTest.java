package com.salesaffairs.opportunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.outbox.Outbox;
import com.salesaffairs.platform.outbox.OutboxRelay;
import com.salesaffairs.platform.outbox.OutboxRetention;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The platform's relay against the real database and broker, through this service's wiring. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class OutboxRelayTest {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxRetention retention;

    private UUID record(String aggregateId, String marker) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.record("sales.opportunity.events", "customer",
                aggregateId, "sales.customer.updated.v1", "{\"marker\":\"" + marker + "\"}"));
    }

    private Instant publishedAt(UUID ceId) {
        return QuarkusTransaction.requiringNew().call(() -> (Instant) em
                .createQuery("SELECT o.publishedAt FROM OutboxEvent o WHERE o.ceId = :id").setParameter("id", ceId)
                .getSingleResult());
    }

    @Test
    void an_event_waits_behind_an_earlier_backed_off_event_of_its_aggregate_while_others_flow() {
        String blocked = UUID.randomUUID().toString();
        String free = UUID.randomUUID().toString();
        UUID first = record(blocked, "first");
        // The broker refused the first one for its own sake: it backs off for a minute.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE outbox_event SET next_attempt_at = now() + interval '1 minute', attempts = 1,"
                        + " last_error = 'RecordTooLargeException: too big' WHERE ce_id = :id")
                .setParameter("id", first).executeUpdate());
        UUID second = record(blocked, "second");
        UUID other = record(free, "other");

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (publishedAt(other) == null && System.nanoTime() < deadline) {
            relay.publishBatch();
        }
        assertNotNull(publishedAt(other), "another aggregate's event is not held up");
        assertNull(publishedAt(second), "a later event of the same aggregate must not overtake the first");
        assertNull(publishedAt(first));

        // Once the first is due again it goes, and the second right after it, in order.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE outbox_event SET next_attempt_at = now() WHERE ce_id = :id").setParameter("id", first)
                .executeUpdate());
        while ((publishedAt(first) == null || publishedAt(second) == null) && System.nanoTime() < deadline) {
            relay.publishBatch();
        }
        var events = EventProbe.all("sales.opportunity.events", r -> blocked.equals(r.key()), Duration.ofSeconds(3));
        assertEquals(2, events.size());
        assertEquals(first.toString(), events.get(0).id());
        assertEquals(second.toString(), events.get(1).id());
        // Delivered at last: its attempt is counted and the earlier error cleared.
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT attempts, last_error FROM outbox_event WHERE ce_id = :id").setParameter("id", first)
                .getSingleResult());
        assertEquals(2, ((Number) row[0]).intValue());
        assertNull(row[1]);
    }

    private long count(String where) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM outbox_event WHERE " + where).getSingleResult()).longValue());
    }

    /** Written, and unless null published, the given number of days ago; not due for the relay. */
    private void age(UUID ceId, int writtenDaysAgo, Integer publishedDaysAgo) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE outbox_event SET occurred_at = now() - make_interval(days => :written),
                    published_at = CASE WHEN :published < 0 THEN NULL ELSE now() - make_interval(days => :published) END,
                    next_attempt_at = now() + interval '1 day'
                WHERE ce_id = :id""").setParameter("written", writtenDaysAgo)
                .setParameter("published", publishedDaysAgo == null ? -1 : publishedDaysAgo).setParameter("id", ceId)
                .executeUpdate());
    }

    @Test
    void retention_deletes_published_rows_past_it_and_keeps_unpublished_and_recent_ones() {
        // What earlier tests wrote is a month old now, so the walk from the oldest row starts in the past.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE outbox_event SET occurred_at = occurred_at - interval '30 days',
                    published_at = published_at - interval '30 days'""").executeUpdate());
        String aggregate = UUID.randomUUID().toString();
        UUID[] old = { record(aggregate, "old-1"), record(aggregate, "old-2"), record(aggregate, "old-3") };
        UUID stuck = record(aggregate, "never-published");
        UUID lastOld = record(aggregate, "old-4");
        UUID recent = record(aggregate, "recent");
        for (UUID id : old) {
            age(id, 9, 9);
        }
        age(stuck, 9, null);
        age(lastOld, 8, 8);
        age(recent, 2, 2);
        long expired = count("published_at < now() - interval '7 days'");
        long total = count("true");

        int deleted = retention.prune(Instant.now().minus(Duration.ofDays(7)), 2);

        assertEquals(expired, deleted);
        assertEquals(0, count("published_at < now() - interval '7 days'"));
        assertEquals(total - expired, count("true"));
        assertEquals(1, count("ce_id = '" + stuck + "' AND published_at IS NULL"), "an unpublished row is never deleted");
        assertEquals(1, count("ce_id = '" + recent + "'"), "a row inside the retention stays");
        assertEquals(0, count("ce_id = '" + lastOld + "'"));
    }

    @Test
    void an_event_type_the_asyncapi_document_does_not_name_is_refused_and_nothing_is_written() {
        String aggregate = UUID.randomUUID().toString();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew()
                .call(() -> outbox.record("sales.opportunity.events", "customer", aggregate, "sales.customer.merged.v1",
                        "{}")));
        assertTrue(refused.getMessage().contains("sales.customer.merged.v1"), refused.getMessage());
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("SELECT count(o) FROM OutboxEvent o WHERE o.aggregateId = :id", Long.class)
                .setParameter("id", aggregate).getSingleResult()));
    }
}
