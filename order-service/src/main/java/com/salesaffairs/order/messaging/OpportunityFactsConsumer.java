package com.salesaffairs.order.messaging;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.order.domain.OpportunityFact;
import com.salesaffairs.order.domain.OpportunityFact.Status;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.inbox.InboundEvents;

/**
 * Keeps the opportunity replica from {@code sales.opportunity.won.v1}, {@code .lost.v1} and
 * {@code .reopened.v1}. The records arrive on the channel {@link CustomerFactsConsumer} reads (one
 * consumer of {@code sales.opportunity.events} in group order-service, so every partition reaches
 * both replicas); its own inbox name, so a redelivery is applied once. A fact whose
 * {@code version} is not above the one applied (an older fact arriving late, the same fact re-sent)
 * changes nothing.
 */
@ApplicationScoped
public class OpportunityFactsConsumer {
    private static final Logger LOG = Logger.getLogger(OpportunityFactsConsumer.class);
    static final String WON = "sales.opportunity.won.v1";
    static final String LOST = "sales.opportunity.lost.v1";
    static final String REOPENED = "sales.opportunity.reopened.v1";
    private static final Map<String, Status> STATUS_BY_TYPE = Map.of(WON, Status.WON, LOST, Status.LOST,
            REOPENED, Status.REOPENED);

    private final InboundEvents inbound;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public OpportunityFactsConsumer(InboundEvents inbound, EntityManager em, ObjectMapper json, Clock clock) {
        this.inbound = inbound;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** Applies the record if it is a won, lost or reopened fact; other types cost nothing. */
    public boolean accept(ConsumerRecord<String, String> record) {
        return inbound.apply(record, "opportunity-replica", Set.of(WON, LOST, REOPENED), this::apply);
    }

    void apply(EventEnvelope event) throws Exception {
        OpportunityFact.Fact fact = read(event);
        OpportunityFact existing = em.find(OpportunityFact.class, fact.opportunityId());
        if (existing == null) {
            em.persist(OpportunityFact.from(fact, clock.instant()));
            LOG.infof("opportunity %s replicated as %s (v%d)", fact.opportunityId(), fact.status(), fact.version());
        } else if (existing.apply(fact, clock.instant())) {
            LOG.infof("opportunity %s now %s (v%d)", fact.opportunityId(), fact.status(), fact.version());
        } else {
            LOG.infof("stale fact %s v%d for opportunity %s ignored (have v%d)", event.type(), fact.version(),
                    fact.opportunityId(), existing.factVersion());
        }
    }

    private OpportunityFact.Fact read(EventEnvelope event) throws Exception {
        // Money as decimals: unit prices must not pass through a binary double.
        JsonNode data = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(event.data());
        Status status = STATUS_BY_TYPE.get(event.type());
        UUID opportunityId = UUID.fromString(required(data, "opportunityId"));
        UUID customerId = UUID.fromString(required(data, "customerId"));
        if (!data.path("version").canConvertToLong() || !data.path("version").isIntegralNumber()) {
            throw new IllegalArgumentException("opportunity fact without version");
        }
        long version = data.path("version").asLong();
        List<OpportunityFact.WonLine> lines = new ArrayList<>();
        if (status == Status.WON) {
            JsonNode wonLines = data.path("lines");
            if (!wonLines.isArray() || wonLines.isEmpty()) {
                throw new IllegalArgumentException("won opportunity fact without lines");
            }
            for (JsonNode l : wonLines) {
                int quantity = l.path("quantity").asInt(0);
                if (quantity < 1) {
                    throw new IllegalArgumentException("won opportunity line without a positive quantity");
                }
                BigDecimal unitPrice = l.hasNonNull("unitPrice") ? l.get("unitPrice").decimalValue() : null;
                lines.add(new OpportunityFact.WonLine(required(l, "sku"), quantity, unitPrice));
            }
        }
        Instant closedAt = status == Status.REOPENED || !data.hasNonNull("closedAt") ? null
                : Instant.parse(data.get("closedAt").asText());
        String stage = data.hasNonNull("stage") ? data.get("stage").asText() : status.name();
        return new OpportunityFact.Fact(opportunityId, customerId, status, stage, text(data, "assigneeId"),
                text(data, "team"), text(data, "region"), text(data, "currency"), closedAt, lines, version,
                event.type(), event.time());
    }

    private static String text(JsonNode data, String field) {
        return data.hasNonNull(field) ? data.get(field).asText() : null;
    }

    private static String required(JsonNode data, String field) {
        String value = text(data, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("opportunity fact without " + field);
        }
        return value;
    }
}
