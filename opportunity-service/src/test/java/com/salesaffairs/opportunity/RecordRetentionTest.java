package com.salesaffairs.opportunity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.retention.RecordRetention;
import com.salesaffairs.platform.testing.SalesTestEnvironment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class RecordRetentionTest {

    @Inject
    RecordRetention retention;

    @Inject
    EntityManager em;

    private final String consumer = "retention-test-" + UUID.randomUUID();

    private void inboxRow(int daysAgo) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO inbox_event (ce_id, consumer, event_type, source, received_at)
                VALUES (:id, :consumer, 'sales.test.v1', '/test', now() - make_interval(days => :days))""")
                .setParameter("id", UUID.randomUUID()).setParameter("consumer", consumer).setParameter("days", daysAgo)
                .executeUpdate());
    }

    private void keyRecord(int daysAgo) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO idempotency_record (idempotency_key, caller, operation, request_hash, status, created_at)
                VALUES (:key, :caller, 'test.create', 'h', 201, now() - make_interval(days => :days))""")
                .setParameter("key", UUID.randomUUID().toString()).setParameter("caller", consumer)
                .setParameter("days", daysAgo).executeUpdate());
    }

    private long inboxRows(String age) {
        return count("SELECT COUNT(*) FROM inbox_event WHERE consumer = :who AND received_at " + age);
    }

    private long keyRecords(String age) {
        return count("SELECT COUNT(*) FROM idempotency_record WHERE caller = :who AND created_at " + age);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("who", consumer).getSingleResult()).longValue());
    }

    @Test
    void inbox_rows_past_thirty_days_and_keys_past_seven_go_in_batches_and_younger_ones_stay() {
        for (int days : new int[] { 45, 40, 35, 31, 31 }) {
            inboxRow(days);
        }
        inboxRow(29);
        inboxRow(0);
        for (int days : new int[] { 20, 9, 8 }) {
            keyRecord(days);
        }
        keyRecord(6);
        keyRecord(0);

        int deleted = retention.prune();

        assertEquals(0, inboxRows("< now() - interval '30 days'"), "inbox rows past the retention are deleted");
        assertEquals(2, inboxRows("> now() - interval '30 days'"), "inbox rows inside the retention stay");
        assertEquals(0, keyRecords("< now() - interval '7 days'"), "keys past the retention are deleted");
        assertEquals(2, keyRecords("> now() - interval '7 days'"), "keys inside the retention stay");
        assertEquals(8, deleted, "only this test's rows were old enough");
    }

    @Test
    void a_batch_smaller_than_what_is_due_still_deletes_all_of_it() {
        for (int i = 0; i < 5; i++) {
            inboxRow(40);
        }
        inboxRow(1);

        int deleted = retention.prune(RecordRetention.Kept.INBOX, Instant.now().minus(Duration.ofDays(30)), 2);

        assertEquals(5, deleted);
        assertEquals(1, inboxRows("> now() - interval '30 days'"));
        assertEquals(0, inboxRows("< now() - interval '30 days'"));
    }
}
