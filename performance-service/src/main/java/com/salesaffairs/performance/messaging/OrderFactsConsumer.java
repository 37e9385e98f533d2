package com.salesaffairs.performance.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.performance.domain.InvalidOrderFact;
import com.salesaffairs.performance.domain.KpiContribution;
import com.salesaffairs.performance.service.KpiService;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the reps' KPI facts from {@code sales.order.settled.v1} and {@code sales.order.refunded.v1};
 * every other order event is only recorded in the inbox.
 */
@ApplicationScoped
public class OrderFactsConsumer {
    static final String SETTLED = "sales.order.settled.v1";
    static final String REFUNDED = "sales.order.refunded.v1";

    private final InboundEvents inbound;
    private final KpiService kpis;
    /** Money as written: 1234.10 must not pass through a double on its way to the ledger. */
    private final ObjectReader reader;

    public OrderFactsConsumer(InboundEvents inbound, KpiService kpis, ObjectMapper json) {
        this.inbound = inbound;
        this.kpis = kpis;
        this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @Incoming("order-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.apply(record, "rep-kpi", Set.of("sales.order.settled.v1", "sales.order.refunded.v1"), this::apply);
    }

    void apply(EventEnvelope event) throws Exception {
        switch (event.type()) {
            case SETTLED -> kpis.record(settled(read(event)));
            case REFUNDED -> kpis.record(refunded(read(event)));
            default -> {
                // not a KPI fact; the inbox row is all that is kept
            }
        }
    }

    private JsonNode read(EventEnvelope event) throws Exception {
        JsonNode payload = reader.readTree(event.data());
        if (payload == null || !payload.isObject()) {
            throw new InvalidOrderFact(event.type() + " payload is not a JSON object");
        }
        return payload;
    }

    static KpiContribution settled(JsonNode order) {
        return KpiContribution.settledOrder(text(order, "ownerId"), optionalText(order, "team"),
                optionalText(order, "region"), optionalText(order, "currency"), money(order, "netAmount"),
                money(order, "costAmount"), instant(order, "settledAt"));
    }

    static KpiContribution refunded(JsonNode refund) {
        return KpiContribution.refund(text(refund, "ownerId"), optionalText(refund, "team"),
                optionalText(refund, "region"), optionalText(refund, "currency"), money(refund, "amount"),
                instant(refund, "refundedAt"));
    }

    private static String text(JsonNode node, String field) {
        String value = optionalText(node, field);
        if (value == null) {
            throw new InvalidOrderFact("order fact without " + field);
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static BigDecimal money(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new InvalidOrderFact("order fact without " + field);
        }
        if (!value.isNumber()) {
            throw new InvalidOrderFact(field + " must be a JSON number");
        }
        return value.decimalValue();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidOrderFact(field + " '" + value + "' is not an ISO-8601 UTC instant");
        }
    }
}
