package com.salesaffairs.opportunity.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.salesaffairs.opportunity.repository.RepKpiRepository;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the reps' monthly sales from performance-service's {@code sales.kpi.updated.v1}: the
 * performance component of assignment suggestions (policy 3.1, "according to results"). Other
 * types on the topic are ignored; a fact that cannot be read goes to the dead-letter topic.
 */
@ApplicationScoped
public class KpiFactsConsumer {
    public static final String KPI_UPDATED = "sales.kpi.updated.v1";
    private static final Logger LOG = Logger.getLogger(KpiFactsConsumer.class);

    private final InboundEvents inbound;
    private final RepKpiRepository kpis;
    /** Money as written, never through a double. */
    private final ObjectReader reader;

    public KpiFactsConsumer(InboundEvents inbound, RepKpiRepository kpis, ObjectMapper json) {
        this.inbound = inbound;
        this.kpis = kpis;
        this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** An event this service cannot apply; after the retries it goes to the dead-letter topic with this reason. */
    static class InvalidKpiFact extends RuntimeException {
        InvalidKpiFact(String message) {
            super(message);
        }
    }

    @Incoming("performance-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.apply(record, "rep-kpi-facts", Set.of(KPI_UPDATED), this::apply);
    }

    void apply(EventEnvelope event) throws Exception {
        JsonNode kpi = reader.readTree(event.data());
        if (kpi == null || !kpi.isObject()) {
            throw new InvalidKpiFact(KPI_UPDATED + " payload is not a JSON object");
        }
        String repId = text(kpi, "repId");
        YearMonth period;
        try {
            period = YearMonth.parse(text(kpi, "period"));
        } catch (DateTimeParseException e) {
            throw new InvalidKpiFact("period '" + kpi.path("period").asText() + "' is not YYYY-MM");
        }
        JsonNode sales = kpi.path("salesAmount");
        if (!sales.isNumber()) {
            throw new InvalidKpiFact("salesAmount must be a JSON number");
        }
        JsonNode orders = kpi.path("orderCount");
        if (!orders.isIntegralNumber() || orders.asInt() < 0) {
            throw new InvalidKpiFact("orderCount must be a whole number from 0");
        }
        Instant updatedAt;
        try {
            updatedAt = Instant.parse(text(kpi, "updatedAt"));
        } catch (DateTimeParseException e) {
            throw new InvalidKpiFact("updatedAt '" + kpi.path("updatedAt").asText() + "' is not an ISO-8601 instant");
        }
        JsonNode team = kpi.path("team");
        BigDecimal amount = sales.decimalValue();
        kpis.keep(repId, period, team.isTextual() ? team.asText() : null, amount, orders.asInt(), updatedAt);
        LOG.infof("KPI facts of rep %s for %s kept (event %s)", repId, period, event.id());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidKpiFact(KPI_UPDATED + " without " + field);
        }
        return value.asText();
    }
}
