package com.salesaffairs.platform.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.salesaffairs.platform.config.SalesConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes published outbox rows once they are older than the retention (default 7 days): Kafka
 * keeps the events for their consumers; the outbox only has to hold a row until it is published,
 * and a while after for an operator's look. Left alone it grows by every event ever written
 * (about 2 kB each, six per order).
 *
 * <p>Works from the oldest row up, the id being the write order, one batch per transaction, and
 * stops at the batch that reaches rows written inside the retention, so a run with nothing to do
 * reads one batch. Rows not yet published are never deleted, however old.
 */
@ApplicationScoped
public class OutboxRetention {
    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);

    private final EntityManager em;
    private final Clock clock;
    private final SalesConfig config;

    public OutboxRetention(EntityManager em, Clock clock, SalesConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${sales.outbox.prune-interval:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        prune();
    }

    private record Round(int deleted, long lastId, boolean more) {
    }

    /** Prunes by the configured retention and batch size; @return the number of rows deleted */
    public int prune() {
        return prune(clock.instant().minus(config.outbox().retention()), config.outbox().pruneBatchSize());
    }

    /** Deletes the rows published before {@code cutoff}, reading {@code batch} rows per transaction. */
    public int prune(Instant cutoff, int batch) {
        int deleted = 0;
        long after = 0;
        Round round;
        do {
            long from = after;
            round = QuarkusTransaction.requiringNew().call(() -> round(from, cutoff, batch));
            deleted += round.deleted();
            after = round.lastId();
        } while (round.more());
        if (deleted > 0) {
            LOG.infof("outbox: %d published events older than %s deleted", deleted, cutoff);
        }
        return deleted;
    }

    private Round round(long after, Instant cutoff, int batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, published_at, occurred_at FROM outbox_event WHERE id > :after ORDER BY id LIMIT :batch
                """).setParameter("after", after).setParameter("batch", batch).getResultList();
        if (rows.isEmpty()) {
            return new Round(0, after, false);
        }
        List<Long> expired = rows.stream()
                .filter(r -> r[1] != null && instant(r[1]).isBefore(cutoff))
                .map(r -> ((Number) r[0]).longValue()).toList();
        int deleted = expired.isEmpty() ? 0
                : em.createNativeQuery("DELETE FROM outbox_event WHERE id IN (:ids)").setParameter("ids", expired)
                        .executeUpdate();
        Object[] last = rows.get(rows.size() - 1);
        boolean more = rows.size() == batch && instant(last[2]).isBefore(cutoff);
        return new Round(deleted, ((Number) last[0]).longValue(), more);
    }

    /** A TIMESTAMPTZ column of a native query, as whichever type the driver hands back. */
    private static Instant instant(Object column) {
        if (column instanceof Instant i) {
            return i;
        }
        if (column instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) column).toInstant();
    }
}
