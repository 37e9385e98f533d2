package com.salesaffairs.performance.messaging;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.salesaffairs.performance.domain.InvalidKpiFact;
import com.salesaffairs.performance.domain.ReportFact;
import com.salesaffairs.performance.service.KpiFactService;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.events.PayloadFields;
import com.salesaffairs.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * On-time report rate per rep from {@code sales.report.submitted.v1}, whose payload performance-service
 * defines as its consumer (asyncapi.yaml); reporting-service is to publish it.
 */
@ApplicationScoped
public class ReportFactsConsumer {
    static final String REPORT_SUBMITTED = "sales.report.submitted.v1";
    static final String CONSUMER = "rep-report-timeliness";

    private final InboundEvents inbound;
    private final KpiFactService facts;
    private final ObjectReader reader;

    public ReportFactsConsumer(InboundEvents inbound, KpiFactService facts, ObjectMapper json) {
        this.inbound = inbound;
        this.facts = facts;
        this.reader = PayloadFields.reader(json);
    }

    @Incoming("reporting-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.apply(record, CONSUMER, Set.of(REPORT_SUBMITTED), this::apply);
    }

    void apply(EventEnvelope event) throws Exception {
        if (REPORT_SUBMITTED.equals(event.type())) {
            facts.report(report(PayloadFields.lenient(reader, event, "report fact", InvalidKpiFact::new)));
        }
    }

    static ReportFact report(PayloadFields report) {
        return new ReportFact(report.uuid("reportId"), report.text("repId"), report.optionalText("team"),
                report.optionalText("period"), report.instant("dueAt"), report.instant("submittedAt"),
                report.bool("onTime"));
    }
}
