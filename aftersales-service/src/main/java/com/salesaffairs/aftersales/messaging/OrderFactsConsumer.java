package com.salesaffairs.aftersales.messaging;

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
import com.salesaffairs.aftersales.domain.OrderFact;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the order replica from order-service's facts on {@code sales.order.events}: every
 * {@code sales.order.*} type named here carries orderId, customerId, ownerId and team; other types on
 * the topic are acknowledged and ignored.
 */
@ApplicationScoped
public class OrderFactsConsumer {
    private static final Logger LOG = Logger.getLogger(OrderFactsConsumer.class);

    static final Set<String> TYPES = Set.of("sales.order.submitted.v1", "sales.order.approved.v1",
            "sales.order.rejected.v1", "sales.order.cancelled.v1", "sales.order.shipped.v1", "sales.order.invoiced.v1",
            "sales.order.payment-received.v1", "sales.order.settled.v1", "sales.order.refunded.v1",
            "sales.order.short-closed.v1");

    static final String SETTLED = "sales.order.settled.v1";

    private final InboundEvents inbound;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public OrderFactsConsumer(InboundEvents inbound, EntityManager em, ObjectMapper json, Clock clock) {
        this.inbound = inbound;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("order-facts")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.apply(record, "order-replica", TYPES, this::apply);
    }

    void apply(EventEnvelope event) throws Exception {
        JsonNode fact = json.readTree(event.data());
        UUID id = UUID.fromString(required(fact, "orderId"));
        UUID customer = UUID.fromString(required(fact, "customerId"));
        String owner = required(fact, "ownerId");
        String team = fact.path("team").asText(null);
        OrderFact existing = em.find(OrderFact.class, id);
        if (existing == null) {
            existing = OrderFact.of(id, customer, owner, team, event.type(), clock.instant());
            em.persist(existing);
            LOG.infof("order %s replicated from %s", id, event.type());
        } else {
            existing.apply(customer, owner, team, event.type(), clock.instant());
        }
        if (SETTLED.equals(event.type())) {
            existing.settled(settledAt(fact));
        }
    }

    /** The fact's settledAt; the time it is applied when the fact carries none. */
    private java.time.Instant settledAt(JsonNode fact) {
        String at = fact.path("settledAt").asText(null);
        try {
            return at == null ? clock.instant() : java.time.OffsetDateTime.parse(at).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("order fact with a settledAt that is not a date-time: " + at);
        }
    }

    private static String required(JsonNode fact, String field) {
        String value = fact.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("order fact without " + field);
        }
        return value;
    }
}
