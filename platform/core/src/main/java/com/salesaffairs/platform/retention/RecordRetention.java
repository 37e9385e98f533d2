package com.salesaffairs.platform.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.salesaffairs.platform.config.SalesConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes the bookkeeping rows that only matter for a while: inbox rows (one per consumed event)
 * once no redelivery can bring their event back, and {@code Idempotency-Key} records once a client
 * no longer retries with the key. Left alone both grow by every event and every keyed create.
 *
 * <p>The inbox's retention (default 30 days) must outlast the topics' (7 days in deploy/local):
 * an event redelivered after its inbox row is gone would be applied a second time.
 *
 * <p>Deletes what is past the retention one batch per transaction, until a batch comes back
 * short. Neither table has an index on its time column (every insert would pay for it); a run
 * with nothing to delete scans each table once.
 */
@ApplicationScoped
public class RecordRetention {
    private static final Logger LOG = Logger.getLogger(RecordRetention.class);

    /** A table of kept records and the column saying when each was written. */
    public enum Kept {
        INBOX("inbox_event", "received_at"),
        IDEMPOTENCY_KEYS("idempotency_record", "created_at");

        private final String table;
        private final String writtenAt;

        Kept(String table, String writtenAt) {
            this.table = table;
            this.writtenAt = writtenAt;
        }
    }

    private final EntityManager em;
    private final Clock clock;
    private final SalesConfig config;

    public RecordRetention(EntityManager em, Clock clock, SalesConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${sales.retention.prune-interval:1h}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        prune();
    }

    /** Prunes both tables by their configured retention; @return the number of rows deleted */
    public int prune() {
        Instant now = clock.instant();
        int batch = config.retention().pruneBatchSize();
        return prune(Kept.INBOX, now.minus(config.inbox().retention()), batch)
                + prune(Kept.IDEMPOTENCY_KEYS, now.minus(config.idempotency().retention()), batch);
    }

    /** Deletes the rows of {@code kept} written before {@code cutoff}, at most {@code batch} per transaction. */
    public int prune(Kept kept, Instant cutoff, int batch) {
        String delete = "DELETE FROM " + kept.table + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + kept.table
                + " WHERE " + kept.writtenAt + " < :cutoff LIMIT :batch))";
        int deleted = 0;
        int round;
        do {
            round = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(delete)
                    .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC)).setParameter("batch", batch).executeUpdate());
            deleted += round;
        } while (round == batch);
        if (deleted > 0) {
            LOG.infof("%s: %d rows written before %s deleted", kept.table, deleted, cutoff);
        }
        return deleted;
    }
}
