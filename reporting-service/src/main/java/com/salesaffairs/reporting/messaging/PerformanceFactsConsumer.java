package com.salesaffairs.reporting.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.events.PayloadFields;
import com.salesaffairs.platform.inbox.InboundEvents;
import com.salesaffairs.reporting.domain.InvalidFact;
import com.salesaffairs.reporting.domain.KpiFact;
import com.salesaffairs.reporting.domain.TargetFact;
import com.salesaffairs.reporting.domain.TargetMonth;
import com.salesaffairs.reporting.service.FactRecorder;
import com.salesaffairs.reporting.service.ProjectionRebuildGate;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the target and KPI read models from performance-service's facts on {@code sales.performance.events}:
 * approved targets with their monthly split ({@code target_fact}, {@code target_month_fact}), KPI months
 * ({@code kpi_fact}) and completed appraisals (score and grade on the same row). Other types (incentives)
 * leave no trace.
 */
@ApplicationScoped
public class PerformanceFactsConsumer {
    static final String TARGET_APPROVED = "sales.target.approved.v1";
    static final String KPI_UPDATED = "sales.kpi.updated.v1";
    static final String APPRAISAL_COMPLETED = "sales.appraisal.completed.v1";
    static final Set<String> TYPES = Set.of(TARGET_APPROVED, KPI_UPDATED, APPRAISAL_COMPLETED);
    private static final Pattern PERIOD = Pattern.compile("\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?");

    private final InboundEvents inbound;
    private final FactRecorder recorder;
    private final ObjectReader reader;
    private final Clock clock;

    public PerformanceFactsConsumer(InboundEvents inbound, FactRecorder recorder, ObjectMapper json, Clock clock) {
        this.inbound = inbound;
        this.recorder = recorder;
        this.reader = PayloadFields.reader(json);
        this.clock = clock;
    }

    @Incoming("performance-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.apply(record, "performance-read-model", TYPES, ProjectionRebuildGate.live(record, this::apply));
    }

    void apply(EventEnvelope event) {
        if (!TYPES.contains(event.type())) {
            return;
        }
        PayloadFields fact = PayloadFields.strict(reader, event, InvalidFact::new);
        switch (event.type()) {
            case TARGET_APPROVED -> recorder.targetApproved(target(fact));
            case KPI_UPDATED -> recorder.kpiUpdated(kpi(fact));
            case APPRAISAL_COMPLETED -> recorder.appraisalCompleted(
                    new KpiFact.Key(fact.text("repId"), fact.text("period")), fact.optionalText("team"),
                    fact.optionalText("region"), fact.money("score"), fact.text("grade"), fact.instant("completedAt"),
                    clock.instant());
            default -> {
                // listed in TYPES
            }
        }
    }

    private TargetFact target(PayloadFields t) {
        String period = t.text("period");
        if (!PERIOD.matcher(period).matches()) {
            throw t.invalid("period", "'" + period + "' is not YYYY, YYYY-Qn or YYYY-MM");
        }
        if (t.money("amount").signum() <= 0) {
            throw t.invalid("amount", "must be more than 0");
        }
        List<TargetMonth> split = t.objects("monthlySplit").stream()
                .map(m -> new TargetMonth(m.text("month"), m.money("amount")))
                .toList();
        TargetFact.Holder holder = new TargetFact.Holder(t.choice("level", TargetFact.Level.class), t.text("subject"),
                t.optionalText("team"), t.optionalText("region"));
        return TargetFact.approved(t.uuid("targetId"), holder, period, t.choice("periodKind", TargetFact.PeriodKind.class),
                t.text("currency"), t.money("amount"), split, t.longInteger("version"), t.instant("approvedAt"),
                clock.instant());
    }

    /** The fields after updatedAt were added to the contract later: absent, they read as none (0 or null). */
    private KpiFact kpi(PayloadFields k) {
        KpiFact.Sales sales = new KpiFact.Sales(k.text("currency"), k.money("salesAmount"), k.money("costAmount"),
                k.money("grossMargin"), k.integer("orderCount"), k.integer("refundCount"));
        KpiFact.Conduct conduct = new KpiFact.Conduct(k.optionalMoney("satisfactionAvg"),
                countOrZero(k, "surveyCount"), countOrZero(k, "reportsDue"),
                countOrZero(k, "reportsOnTime"), countOrZero(k, "opportunitiesWon"),
                countOrZero(k, "opportunitiesLost"));
        return KpiFact.updated(k.text("repId"), k.text("period"), k.optionalText("team"), k.optionalText("region"),
                sales, conduct, k.instant("updatedAt"), clock.instant());
    }

    /** A whole count added to the contract later: absent (an older producer) reads as 0. */
    private static int countOrZero(PayloadFields fields, String field) {
        Integer value = fields.optionalInteger(field);
        return value == null ? 0 : value;
    }
}
