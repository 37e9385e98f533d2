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
import com.salesaffairs.reporting.domain.CaseChange;
import com.salesaffairs.reporting.domain.FeedbackCategory;
import com.salesaffairs.reporting.domain.FeedbackFact;
import com.salesaffairs.reporting.domain.FeedbackSeverity;
import com.salesaffairs.reporting.domain.InvalidFact;
import com.salesaffairs.reporting.domain.SurveyFact;
import com.salesaffairs.reporting.service.FactRecorder;
import com.salesaffairs.reporting.service.ProjectionRebuildGate;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the after-sales read models from aftersales-service's facts: logged feedback
 * ({@code feedback_fact}), case outcomes from resolved, closed, escalated and reopened cases
 * ({@code case_fact}, {@code case_event_fact}) and answered surveys ({@code survey_fact}). Other
 * after-sales events (case assigned...) leave no trace.
 */
@ApplicationScoped
public class AftersalesFactsConsumer {
    static final String FEEDBACK_LOGGED = "sales.feedback.logged.v1";
    static final String CASE_RESOLVED = "sales.case.resolved.v1";
    static final String CASE_CLOSED = "sales.case.closed.v1";
    static final String CASE_ESCALATED = "sales.case.escalated.v1";
    static final String CASE_REOPENED = "sales.case.reopened.v1";
    static final String SURVEY_COMPLETED = "sales.survey.completed.v1";
    static final Set<String> OUTCOME_TYPES = Set.of(CASE_RESOLVED, CASE_CLOSED, CASE_ESCALATED, CASE_REOPENED,
            SURVEY_COMPLETED);

    /** The escalation deadlines of the contract. */
    enum Deadline {
        RESPONSE, RESOLUTION
    }

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
        // Feedback keeps its original inbox consumer name, so deliveries recorded before outcomes existed stay deduplicated.
        inbound.apply(record, "feedback-read-model", Set.of(FEEDBACK_LOGGED), ProjectionRebuildGate.live(record, this::apply));
        inbound.apply(record, "case-read-model", OUTCOME_TYPES, ProjectionRebuildGate.live(record, this::apply));
    }

    void apply(EventEnvelope event) {
        if (FEEDBACK_LOGGED.equals(event.type())) {
            recorder.feedbackLogged(logged(PayloadFields.strict(reader, event, InvalidFact::new)));
            return;
        }
        if (!OUTCOME_TYPES.contains(event.type())) {
            return;
        }
        PayloadFields fact = PayloadFields.strict(reader, event, InvalidFact::new);
        switch (event.type()) {
            case SURVEY_COMPLETED -> recorder.surveyAnswered(survey(fact));
            case CASE_RESOLVED -> recorder.caseChanged(resolved(fact), clock.instant());
            case CASE_CLOSED -> recorder.caseChanged(closed(fact), clock.instant());
            case CASE_ESCALATED -> recorder.caseChanged(escalated(fact), clock.instant());
            case CASE_REOPENED -> recorder.caseChanged(reopened(fact), clock.instant());
            default -> {
                // listed in OUTCOME_TYPES
            }
        }
    }

    private FeedbackFact logged(PayloadFields feedback) {
        FeedbackFact.Origin origin = new FeedbackFact.Origin(feedback.uuid("customerId"),
                feedback.optionalUuid("orderId"), feedback.optionalText("ownerId"), feedback.optionalText("team"),
                feedback.optionalText("region"), feedback.optionalText("channel"));
        return FeedbackFact.logged(feedback.uuid("caseId"), origin, feedback.choice("category", FeedbackCategory.class),
                feedback.choice("severity", FeedbackSeverity.class), feedback.instant("loggedAt"), clock.instant());
    }

    private static CaseChange.Origin origin(PayloadFields c, boolean withRegion, boolean withSeverity) {
        FeedbackSeverity severity = withSeverity ? c.choice("severity", FeedbackSeverity.class) : null;
        return new CaseChange.Origin(c.optionalUuid("customerId"), c.optionalText("ownerId"), c.optionalText("team"),
                withRegion ? c.optionalText("region") : null, severity == null ? null : severity.name());
    }

    private static CaseChange resolved(PayloadFields c) {
        long minutes = c.longInteger("resolutionBusinessMinutes");
        if (minutes < 0) {
            throw c.invalid("resolutionBusinessMinutes", "must not be negative");
        }
        return new CaseChange(c.uuid("caseId"), CaseChange.Kind.RESOLVED, c.instant("resolvedAt"), origin(c, true, true),
                null, new CaseChange.Outcome(c.bool("responseMet"), c.bool("resolutionMet"), minutes));
    }

    private static CaseChange closed(PayloadFields c) {
        return new CaseChange(c.uuid("caseId"), CaseChange.Kind.CLOSED, c.instant("closedAt"), origin(c, true, true),
                null, new CaseChange.Outcome(c.bool("responseMet"), c.bool("resolutionMet"), null));
    }

    /** An escalation is one step of one deadline's chain: deadline, level and the due time it missed. */
    private static CaseChange escalated(PayloadFields c) {
        int level = c.integer("level");
        if (level < 1) {
            throw c.invalid("level", "must be 1 or more");
        }
        String step = c.choice("deadline", Deadline.class) + "/" + level + "/" + c.instant("dueAt");
        return new CaseChange(c.uuid("caseId"), CaseChange.Kind.ESCALATED, c.instant("escalatedAt"),
                origin(c, false, true), step, null);
    }

    private static CaseChange reopened(PayloadFields c) {
        var at = c.instant("reopenedAt");
        return new CaseChange(c.uuid("caseId"), CaseChange.Kind.REOPENED, at, origin(c, false, false), at.toString(),
                null);
    }

    private SurveyFact survey(PayloadFields s) {
        SurveyFact.Subject subject = new SurveyFact.Subject(s.uuid("customerId"), s.optionalUuid("caseId"),
                s.optionalUuid("orderId"), s.text("repId"), s.optionalText("team"));
        return SurveyFact.answered(s.uuid("surveyId"), subject, s.integer("score"),
                s.optionalInteger("likelihoodToRecommend"), s.instant("answeredAt"), clock.instant());
    }
}
