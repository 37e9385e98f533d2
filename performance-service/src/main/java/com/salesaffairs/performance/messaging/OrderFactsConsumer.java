package com.salesaffairs.performance.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.salesaffairs.performance.domain.InvalidOrderFact;
import com.salesaffairs.performance.domain.KpiContribution;
import com.salesaffairs.performance.domain.RevenueFact;
import com.salesaffairs.performance.service.KpiFactService;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.events.PayloadFields;
import com.salesaffairs.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the reps' revenue from {@code sales.order.settled.v1} and {@code sales.order.refunded.v1}:
 * the monthly aggregate (kpi_fact) and each event's line (revenue_entry), in the booked month.
 * Every other order event is not read at all.
 */
@ApplicationScoped
public class OrderFactsConsumer {
    static final String SETTLED = "sales.order.settled.v1";
    static final String REFUNDED = "sales.order.refunded.v1";
    static final String CONSUMER = "rep-kpi";

    private final InboundEvents inbound;
    private final KpiFactService facts;
    private final ObjectReader reader;

    public OrderFactsConsumer(InboundEvents inbound, KpiFactService facts, ObjectMapper json) {
        this.inbound = inbound;
        this.facts = facts;
        this.reader = PayloadFields.reader(json);
    }

    @Incoming("order-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.apply(record, CONSUMER, Set.of(SETTLED, REFUNDED), this::apply);
    }

    void apply(EventEnvelope event) throws Exception {
        switch (event.type()) {
            case SETTLED -> facts.revenue(settled(event, fields(event)));
            case REFUNDED -> facts.revenue(refunded(event, fields(event)));
            default -> {
                // not a KPI fact; the inbox row is all that is kept
            }
        }
    }

    private PayloadFields fields(EventEnvelope event) throws Exception {
        return PayloadFields.lenient(reader, event, "order fact", InvalidOrderFact::new);
    }

    static RevenueFact settled(EventEnvelope event, PayloadFields order) {
        KpiContribution c = KpiContribution.settledOrder(order.text("ownerId"), order.optionalText("team"),
                order.optionalText("region"), order.optionalText("currency"), order.money("netAmount"),
                order.money("costAmount"), order.instant("settledAt"));
        return new RevenueFact(event.id(), RevenueFact.Kind.SETTLED, order.uuid("orderId"),
                order.optionalText("orderNumber"), null, order.optionalUuid("customerId"), c, order.instant("settledAt"));
    }

    static RevenueFact refunded(EventEnvelope event, PayloadFields refund) {
        KpiContribution c = KpiContribution.refund(refund.text("ownerId"), refund.optionalText("team"),
                refund.optionalText("region"), refund.optionalText("currency"), refund.money("amount"),
                refund.instant("refundedAt"));
        return new RevenueFact(event.id(), RevenueFact.Kind.REFUND, refund.uuid("orderId"),
                refund.optionalText("orderNumber"), refund.optionalUuid("refundId"), refund.optionalUuid("customerId"), c,
                refund.instant("refundedAt"));
    }
}
