package com.salesaffairs.aftersales;

import static com.salesaffairs.aftersales.AftersalesFixtures.eventually;
import static com.salesaffairs.aftersales.AftersalesFixtures.fact;
import static com.salesaffairs.aftersales.AftersalesFixtures.publishCustomer;
import static com.salesaffairs.aftersales.AftersalesFixtures.replicaName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class CustomerReplicaTest {
    private static final String REGISTERED = "sales.customer.registered.v1";
    private static final String UPDATED = "sales.customer.updated.v1";

    @Inject
    EntityManager em;

    private Object[] replicaRow(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em
                .createNativeQuery("SELECT owner_id, team, region, fact_version FROM customer_replica WHERE id = :id")
                .setParameter("id", UUID.fromString(id)).getSingleResult());
    }

    private long inboxRows(String ceId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM inbox_event WHERE ce_id = :id AND consumer = 'customer-replica'")
                .setParameter("id", UUID.fromString(ceId)).getSingleResult()).longValue());
    }

    @Test
    void a_registered_customer_is_replicated_with_owner_team_and_region() {
        String id = UUID.randomUUID().toString();
        publishCustomer(UUID.randomUUID().toString(), REGISTERED, id, fact(id, "Replica Ltd", TestUsers.CINDY_ID, "west-1", "west", 0));
        assertEquals("Replica Ltd", eventually(() -> replicaName(em, id), n -> n != null));
        Object[] row = replicaRow(id);
        assertEquals(TestUsers.CINDY_ID, row[0]);
        assertEquals("west-1", row[1]);
        assertEquals("west", row[2]);
        assertEquals(0L, ((Number) row[3]).longValue());
    }

    @Test
    void a_redelivered_customer_fact_is_applied_once() {
        String id = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        publishCustomer(ceId, REGISTERED, id, fact(id, "Once Ltd", TestUsers.ALICE_ID, "east-1", "east", 0));
        assertEquals("Once Ltd", eventually(() -> replicaName(em, id), n -> n != null));

        // The same event again (same ce_id), even with another body, changes nothing; a later event still applies.
        publishCustomer(ceId, REGISTERED, id, fact(id, "Tampered Ltd", TestUsers.CINDY_ID, "west-1", "west", 5));
        String marker = UUID.randomUUID().toString();
        publishCustomer(UUID.randomUUID().toString(), UPDATED, id, fact(id, "Once " + marker, TestUsers.ALICE_ID, "east-1", "east", 1));
        assertEquals("Once " + marker, eventually(() -> replicaName(em, id), n -> n.endsWith(marker)));
        Object[] row = replicaRow(id);
        assertEquals(TestUsers.ALICE_ID, row[0]);
        assertEquals(1L, ((Number) row[3]).longValue());
        assertEquals(1, inboxRows(ceId));
    }

    @Test
    void an_older_fact_arriving_late_does_not_undo_a_newer_one() {
        String id = UUID.randomUUID().toString();
        publishCustomer(UUID.randomUUID().toString(), UPDATED, id, fact(id, "Newer Ltd", TestUsers.ALICE_ID, "east-1", "east", 3));
        assertEquals("Newer Ltd", eventually(() -> replicaName(em, id), n -> n != null));
        String stale = UUID.randomUUID().toString();
        publishCustomer(stale, REGISTERED, id, fact(id, "Older Ltd", TestUsers.CINDY_ID, "west-1", "west", 0));
        // Once the stale event is in the inbox it has been handled; the replica must still hold v3.
        assertEquals(1L, eventually(() -> inboxRows(stale), n -> n == 1L));
        assertEquals("Newer Ltd", replicaName(em, id));
        assertEquals(3L, ((Number) replicaRow(id)[3]).longValue());
    }

    @Test
    void a_fact_that_keeps_failing_goes_to_the_dead_letter_topic_with_the_reason() {
        String id = UUID.randomUUID().toString();
        publishCustomer(UUID.randomUUID().toString(), REGISTERED, id, "{\"customerId\":\"" + id + "\",\"ownerId\":\"x\"}");
        EventProbe.Received dead = EventProbe.await("sales.opportunity.events.dlq", r -> id.equals(r.key()),
                Duration.ofSeconds(30));
        assertTrue(dead.headers().getOrDefault("dead-letter-reason", "").contains("without name"), dead.headers().toString());
        assertEquals(null, replicaName(em, id));
    }
}
