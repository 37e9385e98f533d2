package com.salesaffairs.order.messaging;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.order.domain.CustomerAccount;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads {@code sales.opportunity.events} (group order-service): keeps the customer replica from
 * {@code sales.customer.registered.v1} and {@code .updated.v1}, and hands won, lost and reopened
 * opportunities to {@link OpportunityFactsConsumer}. One channel for the topic: two consumers in
 * one group would split its partitions between them, and each replica would miss facts.
 */
@ApplicationScoped
public class CustomerFactsConsumer {
    private static final Logger LOG = Logger.getLogger(CustomerFactsConsumer.class);

    private final InboundEvents inbound;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    private final OpportunityFactsConsumer opportunities;

    public CustomerFactsConsumer(InboundEvents inbound, EntityManager em, ObjectMapper json, Clock clock,
            OpportunityFactsConsumer opportunities) {
        this.inbound = inbound;
        this.opportunities = opportunities;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("customer-facts")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        if (!opportunities.accept(record)) {
            inbound.apply(record, "customer-replica", Set.of("sales.customer.registered.v1", "sales.customer.updated.v1"),
                    this::apply);
        }
    }

    void apply(EventEnvelope event) throws Exception {
        JsonNode fact = json.readTree(event.data());
        UUID id = UUID.fromString(fact.path("customerId").asText());
        String name = required(fact, "name");
        String owner = required(fact, "ownerId");
        String team = fact.path("team").asText(null);
        String region = fact.path("region").asText(null);
        long factVersion = fact.path("version").asLong(0);
        CustomerAccount existing = em.find(CustomerAccount.class, id);
        if (existing == null) {
            em.persist(CustomerAccount.fromFact(id, name, owner, team, region, factVersion, clock.instant()));
            LOG.infof("customer %s replicated from %s", id, event.type());
        } else if (!existing.applyFact(name, owner, team, region, factVersion, clock.instant())) {
            LOG.infof("stale fact v%d for customer %s ignored", factVersion, id);
        }
    }

    private static String required(JsonNode fact, String field) {
        String value = fact.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("customer fact without " + field);
        }
        return value;
    }
}
