package com.salesaffairs.performance.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.salesaffairs.performance.domain.InvalidKpiFact;
import com.salesaffairs.performance.domain.SatisfactionFact;
import com.salesaffairs.performance.service.KpiFactService;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.events.PayloadFields;
import com.salesaffairs.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

/** Customer satisfaction per rep from aftersales-service's {@code sales.survey.completed.v1}. */
@ApplicationScoped
public class SurveyFactsConsumer {
    static final String SURVEY_COMPLETED = "sales.survey.completed.v1";
    static final String CONSUMER = "rep-satisfaction";

    private final InboundEvents inbound;
    private final KpiFactService facts;
    private final ObjectReader reader;

    public SurveyFactsConsumer(InboundEvents inbound, KpiFactService facts, ObjectMapper json) {
        this.inbound = inbound;
        this.facts = facts;
        this.reader = PayloadFields.reader(json);
    }

    @Incoming("aftersales-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.apply(record, CONSUMER, Set.of(SURVEY_COMPLETED), this::apply);
    }

    void apply(EventEnvelope event) throws Exception {
        if (SURVEY_COMPLETED.equals(event.type())) {
            facts.satisfaction(survey(PayloadFields.lenient(reader, event, "survey fact", InvalidKpiFact::new)));
        }
    }

    static SatisfactionFact survey(PayloadFields survey) {
        return new SatisfactionFact(survey.uuid("surveyId"), survey.text("repId"), survey.optionalText("team"),
                survey.optionalUuid("customerId"), survey.optionalUuid("caseId"), survey.optionalUuid("orderId"),
                survey.integer("score"), survey.integer("likelihoodToRecommend"), survey.instant("answeredAt"));
    }
}
