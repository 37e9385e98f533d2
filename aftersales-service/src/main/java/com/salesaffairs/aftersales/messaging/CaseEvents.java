package com.salesaffairs.aftersales.messaging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.aftersales.domain.CaseEntry;
import com.salesaffairs.aftersales.domain.DeadlineKind;
import com.salesaffairs.aftersales.domain.Department;
import com.salesaffairs.aftersales.domain.FeedbackCategory;
import com.salesaffairs.aftersales.domain.FeedbackChannel;
import com.salesaffairs.aftersales.domain.FeedbackKind;
import com.salesaffairs.aftersales.domain.ServiceCase;
import com.salesaffairs.aftersales.domain.Severity;
import com.salesaffairs.aftersales.domain.SlaClock;
import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;

/** The case facts other domains rely on (reporting's after-sales read model, performance's satisfaction KPI). */
@ApplicationScoped
public class CaseEvents {
    public static final String FEEDBACK_LOGGED = "sales.feedback.logged.v1";
    public static final String CASE_ASSIGNED = "sales.case.assigned.v1";
    public static final String CASE_RESOLVED = "sales.case.resolved.v1";
    public static final String CASE_REOPENED = "sales.case.reopened.v1";
    public static final String CASE_CLOSED = "sales.case.closed.v1";
    public static final String CASE_ESCALATED = "sales.case.escalated.v1";

    /** Payload of {@code sales.feedback.logged.v1}; the fixed contract of the event catalogue ({@code kind} added, optional). */
    public record FeedbackLogged(UUID caseId, String caseNumber, UUID customerId, String customerName, UUID orderId,
            String ownerId, String team, String region, FeedbackChannel channel, FeedbackCategory category,
            Severity severity, String summary, String loggedBy, Instant loggedAt, Instant responseDueAt,
            Instant resolutionDueAt, FeedbackKind kind) {
    }

    public record CaseAssigned(UUID caseId, String caseNumber, UUID customerId, String ownerId, String team,
            Department department, String assigneeId, boolean transfer, String assignedBy, Instant assignedAt) {
    }

    public record CaseResolved(UUID caseId, String caseNumber, UUID customerId, String ownerId, String team,
            String region, Severity severity, FeedbackKind kind, FeedbackCategory category, String resolvedBy,
            Instant resolvedAt, Instant responseDueAt, Instant firstRespondedAt, long responseBusinessMinutes,
            BigDecimal responseBusinessHours, boolean responseMet, Instant resolutionStartedAt, Instant resolutionDueAt,
            long resolutionBusinessMinutes, BigDecimal resolutionBusinessHours, boolean resolutionMet) {
    }

    public record CaseReopened(UUID caseId, String caseNumber, UUID customerId, String ownerId, String team,
            String reason, String reopenedBy, Instant reopenedAt, Instant resolutionDueAt) {
    }

    public record CaseClosed(UUID caseId, String caseNumber, UUID customerId, String ownerId, String team,
            String region, Severity severity, FeedbackKind kind, String confirmedBy, Instant closedAt,
            boolean responseMet, boolean resolutionMet) {
    }

    public record CaseEscalated(UUID caseId, String caseNumber, UUID customerId, String ownerId, String team,
            Severity severity, DeadlineKind deadline, Instant dueAt, int level, String escalatedToRole,
            String escalatedToTeam, long overdueBusinessMinutes, Instant escalatedAt) {
    }

    private final Outbox outbox;

    public CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void feedbackLogged(ServiceCase c) {
        publish(c, FEEDBACK_LOGGED,
                new FeedbackLogged(c.id(), c.caseNumber(), c.customerId(), c.customerName(), c.orderId(), c.ownerId(),
                        c.team(), c.region(), c.channel(), c.category(), c.severity(), c.summary(), c.loggedBy(),
                        c.loggedAt(), c.responseDueAt(), c.resolutionDueAt(), c.kind()));
    }

    public void assigned(ServiceCase c, CaseEntry e) {
        publish(c, CASE_ASSIGNED, new CaseAssigned(c.id(), c.caseNumber(), c.customerId(), c.ownerId(), c.team(),
                e.department(), e.assigneeId(), e.action() == com.salesaffairs.aftersales.domain.CaseAction.TRANSFERRED,
                e.actor(), e.at()));
    }

    public void resolved(ServiceCase c, String by, SlaClock clock) {
        long response = c.responseMinutes(clock);
        long resolution = c.resolutionMinutes(clock);
        publish(c, CASE_RESOLVED, new CaseResolved(c.id(), c.caseNumber(), c.customerId(), c.ownerId(), c.team(),
                c.region(), c.severity(), c.kind(), c.category(), by, c.resolvedAt(), c.responseDueAt(),
                c.firstRespondedAt(), response, hours(response), c.responseMet(), c.resolutionStartedAt(),
                c.resolutionDueAt(), resolution, hours(resolution), c.resolutionMet()));
    }

    public void reopened(ServiceCase c, CaseEntry e) {
        publish(c, CASE_REOPENED, new CaseReopened(c.id(), c.caseNumber(), c.customerId(), c.ownerId(), c.team(),
                e.text(), e.actor(), e.at(), c.resolutionDueAt()));
    }

    /** Closed cases carry the SLA results of their last resolution. */
    public void closed(ServiceCase c, CaseEntry e, boolean resolutionMet) {
        publish(c, CASE_CLOSED, new CaseClosed(c.id(), c.caseNumber(), c.customerId(), c.ownerId(), c.team(), c.region(),
                c.severity(), c.kind(), e.actor(), c.closedAt(), Boolean.TRUE.equals(c.responseMet()), resolutionMet));
    }

    public void escalated(ServiceCase c, CaseEntry e) {
        publish(c, CASE_ESCALATED, new CaseEscalated(c.id(), c.caseNumber(), c.customerId(), c.ownerId(), c.team(),
                c.severity(), e.deadline(), c.dueAt(e.deadline()), e.level(), e.escalatedToRole(), e.escalatedToTeam(),
                e.overdueMinutes(), e.at()));
    }

    private void publish(ServiceCase c, String type, Object payload) {
        outbox.record(Topics.AFTERSALES, "case", c.id().toString(), type, payload);
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
