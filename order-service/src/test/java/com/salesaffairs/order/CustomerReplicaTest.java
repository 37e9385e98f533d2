package com.salesaffairs.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

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

    @Inject
    EntityManager em;

    static String fact(String id, String name, int version) {
        return "{\"customerId\":\"" + id + "\",\"name\":\"" + name + "\",\"ownerId\":\"" + TestUsers.ALICE_ID
                + "\",\"team\":\"east-1\",\"region\":\"east\",\"version\":" + version
                + ",\"registeredAt\":\"2026-11-01T00:00:00Z\",\"updatedAt\":\"2026-11-01T00:00:00Z\"}";
    }

    static void publishCustomer(String ceId, String type, String customerId, String name, int version) {
        Map<String, String> headers = EventProbe.cloudEventHeaders(ceId, "/opportunity-service", type, customerId);
        EventProbe.publish("sales.opportunity.events", customerId, headers, fact(customerId, name, version));
    }

    private String replicaName(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("SELECT name FROM customer_replica WHERE id = :id").setParameter("id", UUID.fromString(id))
                .getResultStream().findFirst().orElse(null));
    }

    private static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = probe.get();
        }
        return value;
    }

    @Test
    void registered_customer_is_replicated_and_a_redelivery_changes_nothing() throws Exception {
        String customerId = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        publishCustomer(ceId, "sales.customer.registered.v1", customerId, "Replica Ltd", 0);
        assertEquals("Replica Ltd", eventually(() -> replicaName(customerId), n -> n != null));

        // The same event again (same ce_id), even with a different body, is not applied twice.
        publishCustomer(ceId, "sales.customer.registered.v1", customerId, "Tampered Ltd", 5);
        String marker = UUID.randomUUID().toString();
        publishCustomer(UUID.randomUUID().toString(), "sales.customer.updated.v1", customerId, "Replica " + marker, 1);
        assertEquals("Replica " + marker, eventually(() -> replicaName(customerId), n -> n.endsWith(marker)));
        Number inboxRows = QuarkusTransaction.requiringNew().call(() -> (Number) em
                .createNativeQuery("SELECT COUNT(*) FROM inbox_event WHERE ce_id = :id").setParameter("id", UUID.fromString(ceId))
                .getSingleResult());
        assertEquals(1, inboxRows.intValue());
    }

    @Test
    void a_record_that_is_not_a_cloud_event_goes_to_the_dead_letter_topic_with_the_reason() {
        String key = UUID.randomUUID().toString();
        EventProbe.publish("sales.opportunity.events", key, Map.of("content-type", "application/json"), "{\"name\":\"x\"}");
        EventProbe.Received dead = EventProbe.await("sales.opportunity.events.dlq", r -> key.equals(r.key()),
                Duration.ofSeconds(30));
        assertTrue(dead.headers().getOrDefault("dead-letter-reason", "").contains("ce_specversion"),
                dead.headers().toString());
    }

    @Test
    void a_fact_that_keeps_failing_goes_to_the_dead_letter_topic_after_retries() {
        String customerId = UUID.randomUUID().toString();
        Map<String, String> headers = EventProbe.cloudEventHeaders(UUID.randomUUID().toString(), "/opportunity-service",
                "sales.customer.registered.v1", customerId);
        EventProbe.publish("sales.opportunity.events", customerId, headers,
                "{\"customerId\":\"" + customerId + "\",\"ownerId\":\"x\"}");
        EventProbe.Received dead = EventProbe.await("sales.opportunity.events.dlq", r -> customerId.equals(r.key()),
                Duration.ofSeconds(30));
        assertTrue(dead.headers().getOrDefault("dead-letter-reason", "").contains("without name"), dead.headers().toString());
    }
}
