package com.salesaffairs.platform.inbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.salesaffairs.platform.events.EventEnvelope;

/** Remembers which events a consumer has applied, keyed by {@code ce_id}, in the effect's transaction. */
@ApplicationScoped
public class Inbox {
    private final EntityManager em;
    private final Clock clock;

    public Inbox(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /**
     * True the first time this consumer sees the event. Runs in the caller's transaction: if the
     * effect rolls back, so does the record, and the redelivery is applied.
     */
    @Transactional(TxType.MANDATORY)
    public boolean firstDelivery(EventEnvelope event, String consumer) {
        int inserted = em.createNativeQuery("""
                INSERT INTO inbox_event (ce_id, consumer, event_type, source, received_at)
                VALUES (:id, :consumer, :type, :source, :at)
                ON CONFLICT DO NOTHING""")
                .setParameter("id", event.id())
                .setParameter("consumer", consumer)
                .setParameter("type", event.type())
                .setParameter("source", event.source())
                .setParameter("at", clock.instant())
                .executeUpdate();
        return inserted == 1;
    }
}
