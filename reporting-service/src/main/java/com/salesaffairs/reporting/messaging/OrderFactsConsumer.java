package com.salesaffairs.reporting.messaging;

import java.time.Clock;
import java.util.List;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.events.PayloadFields;
import com.salesaffairs.platform.inbox.InboundEvents;
import com.salesaffairs.reporting.domain.InvalidFact;
import com.salesaffairs.reporting.domain.RefundFact;
import com.salesaffairs.reporting.domain.SalesFact;
import com.salesaffairs.reporting.domain.SalesFactLine;
import com.salesaffairs.reporting.service.FactRecorder;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the sales read models from {@code sales.order.settled.v1} and {@code sales.order.refunded.v1};
 * every other order event is only recorded in the inbox.
 */
@ApplicationScoped
public class OrderFactsConsumer {
    static final String SETTLED = "sales.order.settled.v1";
    static final String REFUNDED = "sales.order.refunded.v1";

    private final InboundEvents inbound;
    private final FactRecorder recorder;
    private final ObjectReader reader;
    private final Clock clock;

    public OrderFactsConsumer(InboundEvents inbound, FactRecorder recorder, ObjectMapper json, Clock clock) {
        this.inbound = inbound;
        this.recorder = recorder;
        this.reader = PayloadFields.reader(json);
        this.clock = clock;
    }

    @Incoming("order-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.apply(record, "sales-read-model", Set.of("sales.order.settled.v1", "sales.order.refunded.v1"),
                this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case SETTLED -> recorder.settled(settled(PayloadFields.strict(reader, event, InvalidFact::new)));
            case REFUNDED -> recorder.refunded(refunded(PayloadFields.strict(reader, event, InvalidFact::new)));
            default -> {
                // not a sales fact; the inbox row is all that is kept
            }
        }
    }

    private SalesFact settled(PayloadFields order) {
        List<SalesFactLine> lines = order.objects("lines").stream()
                .map(l -> new SalesFactLine(l.text("sku"), l.optionalText("category"), wholeNumber(l, "quantity"),
                        l.money("netAmount"), l.money("costAmount")))
                .toList();
        return SalesFact.settled(order.uuid("orderId"), order.optionalText("orderNumber"), order.uuid("customerId"),
                seller(order), order.text("currency"), order.money("netAmount"), order.money("costAmount"),
                order.instant("settledAt"), lines, clock.instant());
    }

    private RefundFact refunded(PayloadFields refund) {
        return RefundFact.refunded(refund.uuid("refundId"), refund.uuid("orderId"), refund.optionalUuid("customerId"),
                seller(refund), refund.text("currency"), refund.money("amount"), refund.instant("refundedAt"),
                clock.instant());
    }

    private static SalesFact.Seller seller(PayloadFields fact) {
        return new SalesFact.Seller(fact.text("ownerId"), fact.optionalText("team"), fact.optionalText("region"),
                fact.optionalText("channel"));
    }

    /** A whole number; a missing field is no whole number either. */
    private static int wholeNumber(PayloadFields fields, String field) {
        JsonNode value = fields.node(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw fields.invalid(field, "must be a whole number");
        }
        return value.intValue();
    }
}
