package com.salesaffairs.aftersales.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.aftersales.domain.FeedbackCategory;
import com.salesaffairs.aftersales.domain.FeedbackChannel;
import com.salesaffairs.aftersales.domain.ServiceCase;
import com.salesaffairs.aftersales.domain.Severity;
import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;

/** The case facts other domains rely on (reporting's after-sales read model, performance's satisfaction KPI). */
@ApplicationScoped
public class CaseEvents {
    public static final String FEEDBACK_LOGGED = "sales.feedback.logged.v1";

    /** Payload of {@code sales.feedback.logged.v1}; the fixed contract of the event catalogue. */
    public record FeedbackLogged(UUID caseId, String caseNumber, UUID customerId, String customerName, UUID orderId,
            String ownerId, String team, String region, FeedbackChannel channel, FeedbackCategory category,
            Severity severity, String summary, String loggedBy, Instant loggedAt, Instant responseDueAt,
            Instant resolutionDueAt) {
    }

    private final Outbox outbox;

    public CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void feedbackLogged(ServiceCase c) {
        outbox.record(Topics.AFTERSALES, "case", c.id().toString(), FEEDBACK_LOGGED,
                new FeedbackLogged(c.id(), c.caseNumber(), c.customerId(), c.customerName(), c.orderId(), c.ownerId(),
                        c.team(), c.region(), c.channel(), c.category(), c.severity(), c.summary(), c.loggedBy(),
                        c.loggedAt(), c.responseDueAt(), c.resolutionDueAt()));
    }
}
