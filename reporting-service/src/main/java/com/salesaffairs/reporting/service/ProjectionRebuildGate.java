package com.salesaffairs.reporting.service;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.salesaffairs.platform.inbox.EventHandler;

import io.quarkus.arc.Arc;

/**
 * Where live consumption and a read-model rebuild meet. Two jobs:
 * <ul>
 * <li>On a rebuild's thread, every transaction that begins (the platform's {@code InboundEvents} opens
 * its own) gets {@code SET LOCAL search_path TO read_model_rebuild, public}: the very consumer code that
 * keeps the live read models, with its inbox, writes the fresh tables instead.</li>
 * <li>On a live consumer's thread, {@link #live} wraps the consumer's handler: it takes the
 * rebuild's advisory lock shared (the swap takes it exclusively, so no live event is applied while the
 * tables change hands), then skips a record whose offset is below the swapped-in rebuild's
 * watermark: that event's effect is already in the new tables, and the inbox row the platform has just
 * written keeps a later copy of it out too.</li>
 * </ul>
 * The lock is taken in the handler, after the inbox row is written: the swap never touches
 * {@code inbox_event}, so a live transaction waiting for the lock holds nothing the swap needs.
 */
@ApplicationScoped
public class ProjectionRebuildGate {
    /** Key of the PostgreSQL advisory lock: "reporting read models" (any fixed number would do). */
    static final long LOCK_KEY = 0x5245504f52544c4dL;
    /** The schema a rebuild writes; swapped into public at the end. */
    public static final String REBUILD_SCHEMA = "read_model_rebuild";

    private static final Logger LOG = Logger.getLogger(ProjectionRebuildGate.class);
    private static final ThreadLocal<String> TARGET = new ThreadLocal<>();

    private final EntityManager em;

    public ProjectionRebuildGate(EntityManager em) {
        this.em = em;
    }

    /**
     * The live consumers' hook, one expression in each read-model consumer:
     * {@code inbound.apply(record, name, types, ProjectionRebuildGate.live(record, this::apply))}.
     * Static so that a consumer needs no new constructor parameter.
     */
    public static EventHandler live(ConsumerRecord<?, ?> record, EventHandler handler) {
        return event -> {
            if (Arc.container().instance(ProjectionRebuildGate.class).get().admits(record)) {
                handler.apply(event);
            }
        };
    }

    /** Runs {@code work} on this thread with every transaction it begins writing to {@code schema}. */
    <T> T into(String schema, Callable<T> work) throws Exception {
        TARGET.set(schema);
        try {
            return work.call();
        } finally {
            TARGET.remove();
        }
    }

    /** True when the live handler should apply the record (always, on a rebuild's own thread). */
    boolean admits(ConsumerRecord<?, ?> record) {
        if (TARGET.get() != null) {
            return true;
        }
        if (record.offset() < watermark(record)) {
            LOG.debugf("%s-%d@%d is already in the rebuilt read models; acknowledged", record.topic(),
                    record.partition(), record.offset());
            return false;
        }
        return true;
    }

    /** V7's projection_gate: the shared lock, then the watermark read with a snapshot taken after it. */
    private long watermark(ConsumerRecord<?, ?> record) {
        return ((Number) em.createNativeQuery("SELECT projection_gate(:key, :topic, :partition)")
                .setParameter("key", LOCK_KEY).setParameter("topic", record.topic())
                .setParameter("partition", record.partition()).getSingleResult()).longValue();
    }

    /**
     * {@link #live}'s check for a whole poll in one transaction (OrderFactsConsumer's batch, added by H5):
     * the shared lock once, the watermark once per partition; returns the records to apply, in order.
     */
    public <R extends ConsumerRecord<?, ?>> java.util.List<R> admitted(java.util.List<R> records) {
        if (TARGET.get() != null || records.isEmpty()) {
            return records;
        }
        java.util.Map<String, Long> before = new java.util.HashMap<>();
        java.util.List<R> admitted = new java.util.ArrayList<>(records.size());
        for (R record : records) {
            // the first call waits for the shared lock; again per partition, it only reads the watermark
            long watermark = before.computeIfAbsent(record.topic() + "\u0000" + record.partition(),
                    k -> watermark(record));
            if (record.offset() >= watermark) {
                admitted.add(record);
            }
        }
        return admitted;
    }

    /** Points a rebuild thread's new transaction at the rebuild schema (public stays for what is not rebuilt). */
    void onBegin(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        String schema = TARGET.get();
        if (schema != null) {
            // schema is our constant, never input
            em.createNativeQuery("SELECT set_config('search_path', '" + schema + ", public', true)").getSingleResult();
        }
    }
}
