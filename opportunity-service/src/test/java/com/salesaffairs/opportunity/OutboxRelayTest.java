package com.salesaffairs.opportunity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.outbox.Outbox;
import com.salesaffairs.platform.outbox.OutboxRelay;
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
}
