package com.salesaffairs.reporting.messaging;

import java.time.Clock;
import java.time.Instant;
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
import com.salesaffairs.reporting.domain.CustomerContact;
import com.salesaffairs.reporting.domain.CustomerFact;
import com.salesaffairs.reporting.domain.CustomerSegment;
import com.salesaffairs.reporting.domain.InvalidFact;
import com.salesaffairs.reporting.domain.OpportunityFact;
import com.salesaffairs.reporting.domain.OpportunityStage;
import com.salesaffairs.reporting.domain.OpportunityStageFact;
import com.salesaffairs.reporting.service.FactRecorder;
import com.salesaffairs.reporting.service.ProjectionRebuildGate;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the customer and pipeline read models from opportunity-service's facts on
 * {@code sales.opportunity.events}: customers ({@code customer_fact}) and opportunities
 * ({@code opportunity_fact}, {@code opportunity_stage_fact}). Each event carries the whole customer or
 * opportunity with its version, so the highest version is kept; other types on the topic leave no trace.
 */
@ApplicationScoped
public class OpportunityFactsConsumer {
    static final String CUSTOMER_REGISTERED = "sales.customer.registered.v1";
    static final String CUSTOMER_UPDATED = "sales.customer.updated.v1";
    static final String CREATED = "sales.opportunity.created.v1";
    static final String ASSIGNED = "sales.opportunity.assigned.v1";
    static final String STAGE_CHANGED = "sales.opportunity.stage-changed.v1";
    static final String WON = "sales.opportunity.won.v1";
    static final String LOST = "sales.opportunity.lost.v1";
    static final String REOPENED = "sales.opportunity.reopened.v1";
    static final String ACTIVITY_LOGGED = "sales.opportunity.activity-logged.v1";
    static final Set<String> TYPES = Set.of(CUSTOMER_REGISTERED, CUSTOMER_UPDATED, CREATED, ASSIGNED, STAGE_CHANGED,
            WON, LOST, REOPENED, ACTIVITY_LOGGED);

    private final InboundEvents inbound;
    private final FactRecorder recorder;
    private final ObjectReader reader;
    private final Clock clock;

    public OpportunityFactsConsumer(InboundEvents inbound, FactRecorder recorder, ObjectMapper json, Clock clock) {
        this.inbound = inbound;
        this.recorder = recorder;
        this.reader = PayloadFields.reader(json);
        this.clock = clock;
    }

    @Incoming("opportunity-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.apply(record, "pipeline-read-model", TYPES, ProjectionRebuildGate.live(record, this::apply));
    }

    void apply(EventEnvelope event) {
        PayloadFields fact = PayloadFields.strict(reader, event, InvalidFact::new);
        switch (event.type()) {
            case CUSTOMER_REGISTERED, CUSTOMER_UPDATED -> recorder.customer(customer(fact));
            case CREATED, ASSIGNED, STAGE_CHANGED, WON, LOST, REOPENED, ACTIVITY_LOGGED -> opportunity(event.type(), fact);
            default -> {
                // not a type this consumer keeps
            }
        }
    }

    private CustomerFact customer(PayloadFields c) {
        CustomerSegment segment = c.optionalChoice("segment", CustomerSegment.class);
        CustomerFact.Details details = new CustomerFact.Details(c.text("name"), c.optionalText("registrationId"),
                segment == null ? null : segment.name(), c.optionalText("industry"), c.optionalText("country"),
                c.optionalText("city"), c.optionalText("address"), c.optionalText("email"), c.optionalText("phone"),
                contacts(c));
        return CustomerFact.published(c.uuid("customerId"), details,
                new CustomerFact.Ownership(c.text("ownerId"), c.optionalText("team"), c.optionalText("region")),
                c.longInteger("version"), c.instant("registeredAt"), c.instant("updatedAt"), clock.instant());
    }

    /** Contacts were added to the contract within v1: a copy without them has none (not "unknown"). */
    private static List<CustomerContact> contacts(PayloadFields c) {
        JsonNode value = c.node("contacts");
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        return c.objects("contacts").stream()
                .map(p -> new CustomerContact(p.text("name"), p.optionalText("title"), p.optionalText("phone"),
                        p.optionalText("email")))
                .toList();
    }

    private void opportunity(String type, PayloadFields o) {
        OpportunityStage stage = o.choice("stage", OpportunityStage.class);
        Instant recordedAt = o.instant("recordedAt");
        Instant closedAt = WON.equals(type) || LOST.equals(type) ? o.instant("closedAt") : null;
        OpportunityFact copy = OpportunityFact.published(o.uuid("opportunityId"),
                new OpportunityFact.Subject(o.uuid("customerId"), o.optionalText("title"), o.optionalText("source")),
                new OpportunityFact.Owner(o.optionalText("assigneeId"), o.optionalText("team"), o.optionalText("region")),
                new OpportunityFact.Standing(stage, o.integer("probability"), o.money("estimatedAmount"),
                        o.text("currency"), o.optionalDate("expectedCloseDate"), closedAt),
                o.instant("capturedAt"), o.longInteger("version"), clock.instant());
        // When the event shows the opportunity entering its stage; assignment and activity only show it was there.
        Instant enteredAt = switch (type) {
            case CREATED -> o.instant("capturedAt");
            case STAGE_CHANGED -> o.instant("changedAt");
            case WON, LOST -> closedAt;
            case REOPENED -> o.instant("reopenedAt");
            default -> recordedAt;
        };
        recorder.opportunity(copy, new OpportunityStageFact(copy.opportunityId(), stage, enteredAt, copy.team(),
                copy.assigneeId()));
    }
}
