package com.salesaffairs.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.events.DocumentedEventTypes;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.events.TraceContext;
import com.salesaffairs.platform.events.Traceparent;

/**
 * Writes integration events in the caller's transaction, beside the state change they describe.
 * Nothing is sent here: {@link OutboxRelay} publishes after commit, so a rolled-back change never
 * leaks an event and a committed one is never lost.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final DocumentedEventTypes documented = DocumentedEventTypes.fromClasspath();

    public Outbox(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** Records an event; must run inside the transaction that changes the aggregate. */
    @Transactional(TxType.MANDATORY)
    public UUID record(String topic, String aggregateType, String aggregateId, String eventType, Object payload) {
        if (!EventEnvelope.isValidType(eventType)) {
            throw new IllegalArgumentException("event type " + eventType + " breaks the naming contract");
        }
        if (!documented.contains(eventType)) {
            throw new IllegalStateException("event type " + eventType + " is not a message of this service's"
                    + " asyncapi.yaml: document it, with its JSON Schema, before publishing it");
        }
        OutboxEvent event = new OutboxEvent();
        event.ceId = UUID.randomUUID();
        event.topic = topic;
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.eventType = eventType;
        event.payload = serialize(payload);
        event.traceparent = Traceparent.childOf(TraceContext.current());
        Instant now = clock.instant();
        event.occurredAt = now;
        event.nextAttemptAt = now;
        em.persist(event);
        return event.ceId;
    }

    private String serialize(Object payload) {
        try {
            return payload instanceof String s ? s : json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON", e);
        }
    }
}
