package com.salesaffairs.reporting.messaging;

import java.time.Clock;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.events.PayloadFields;
import com.salesaffairs.platform.inbox.InboundEvents;
import com.salesaffairs.reporting.domain.InvalidFact;
import com.salesaffairs.reporting.domain.FeedbackCategory;
import com.salesaffairs.reporting.domain.FeedbackFact;
import com.salesaffairs.reporting.domain.FeedbackSeverity;
import com.salesaffairs.reporting.service.FactRecorder;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Keeps the feedback read model from {@code sales.feedback.logged.v1}; other after-sales events are only recorded in the inbox. */
@ApplicationScoped
public class AftersalesFactsConsumer {
    static final String FEEDBACK_LOGGED = "sales.feedback.logged.v1";

    private final InboundEvents inbound;
    private final FactRecorder recorder;
    private final ObjectReader reader;
    private final Clock clock;

    public AftersalesFactsConsumer(InboundEvents inbound, FactRecorder recorder, ObjectMapper json, Clock clock) {
        this.inbound = inbound;
        this.recorder = recorder;
        this.reader = PayloadFields.reader(json);
        this.clock = clock;
    }

    @Incoming("aftersales-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.apply(record, "feedback-read-model", Set.of(FEEDBACK_LOGGED), this::apply);
    }

    void apply(EventEnvelope event) {
        if (FEEDBACK_LOGGED.equals(event.type())) {
            recorder.feedbackLogged(logged(PayloadFields.strict(reader, event, InvalidFact::new)));
        }
    }

    private FeedbackFact logged(PayloadFields feedback) {
        FeedbackFact.Origin origin = new FeedbackFact.Origin(feedback.uuid("customerId"),
                feedback.optionalUuid("orderId"), feedback.optionalText("ownerId"), feedback.optionalText("team"),
                feedback.optionalText("region"), feedback.optionalText("channel"));
        return FeedbackFact.logged(feedback.uuid("caseId"), origin, feedback.choice("category", FeedbackCategory.class),
                feedback.choice("severity", FeedbackSeverity.class), feedback.instant("loggedAt"), clock.instant());
    }
}
