package com.salesaffairs.aftersales.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.salesaffairs.aftersales.domain.CaseAction;
import com.salesaffairs.aftersales.domain.CaseEntry;
import com.salesaffairs.aftersales.domain.DeadlineKind;
import com.salesaffairs.aftersales.domain.Department;
import com.salesaffairs.aftersales.domain.Feedback;
import com.salesaffairs.aftersales.domain.FeedbackCategory;
import com.salesaffairs.aftersales.domain.FeedbackChannel;
import com.salesaffairs.aftersales.domain.FeedbackKind;
import com.salesaffairs.aftersales.domain.ServiceCase;
import com.salesaffairs.aftersales.domain.Severity;
import com.salesaffairs.platform.rest.Versioned;

/** What callers send and get back; anything else in a body is refused as an unknown field. */
public final class CaseViews {
    private CaseViews() {
    }

    /** Feedback as the caller reports it; owner, team and region come from the customer, not from the body. */
    @Schema(example = """
            {"customerId": "3f6c2a8e-5b1d-4c7e-9a2f-0d8e4b6c1a57", "orderId": "8b1e4c2d-7f3a-4e9b-b6d5-2c0a9f8e7d61",
             "channel": "PHONE", "category": "PRODUCT_QUALITY", "severity": "HIGH",
             "summary": "Pump seal leaks after two weeks", "details": "Customer reports a leak on 3 of 10 units.",
             "kind": "COMPLAINT"}""")
    public record FeedbackRequest(
            @NotNull UUID customerId,
            UUID orderId,
            @NotNull FeedbackChannel channel,
            @NotNull FeedbackCategory category,
            @NotNull Severity severity,
            @NotBlank @Size(max = 500) String summary,
            @Size(max = 4000) String details,
            @Schema(description = "COMPLAINT when not given") FeedbackKind kind) {

        Feedback feedback() {
            return new Feedback(customerId, orderId, channel, category, severity, summary, details,
                    kind == null ? FeedbackKind.COMPLAINT : kind);
        }
    }

    @Schema(example = """
            {"department": "QUALITY", "assigneeId": "00000000-0000-4000-8000-0000000000aa",
             "note": "Seal batch 2026-11 suspected; quality to inspect the returned units"}""")
    public record AssignRequest(@NotNull Department department, @Size(max = 100) String assigneeId,
            @NotBlank @Size(max = 2000) String note) {
    }

    @Schema(example = """
            {"text": "Called the customer; they will send photos of the leak", "customerContact": true}""")
    public record CommentRequest(@NotBlank @Size(max = 4000) String text, boolean customerContact) {
    }

    @Schema(example = """
            {"message": "We are sorry for the leak; a technician will call you today."}""")
    public record RespondRequest(@NotBlank @Size(max = 4000) String message) {
    }

    @Schema(example = """
            {"reason": "Waiting for the customer's photos of the leaking units"}""")
    public record WaitRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(example = """
            {"solution": "Replaced the seals on the 3 units; batch recalled for inspection"}""")
    public record ResolveRequest(@NotBlank @Size(max = 4000) String solution) {
    }

    @Schema(example = """
            {"reason": "The seal leaks again on one unit"}""")
    public record ReopenRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** One history line: what happened, who did it and when, with the fields the action sets. */
    public record HistoryView(long id, CaseAction action, String actor, Instant at, Department department,
            String assigneeId, String text, boolean customerContact, DeadlineKind deadline, Integer level,
            String escalatedToRole, String escalatedToTeam, Long overdueBusinessMinutes) {

        static HistoryView of(CaseEntry e) {
            return new HistoryView(e.id(), e.action(), e.actor(), e.at(), e.department(), e.assigneeId(), e.text(),
                    e.customerContact(), e.deadline(), e.level(), e.escalatedToRole(), e.escalatedToTeam(),
                    e.overdueMinutes());
        }
    }

    public record CaseView(UUID id, String caseNumber, String status, UUID customerId, String customerName,
            UUID orderId, String ownerId, String team, String region, FeedbackChannel channel,
            FeedbackCategory category, Severity severity, String summary, String details, String loggedBy,
            Instant loggedAt, Instant responseDueAt, Instant resolutionDueAt, int slaPolicyVersion,
            Instant updatedAt, long version, FeedbackKind kind, Department department, String assigneeId,
            @Schema(description = "first-response budget in business hours, at most two decimals (0.5 = 30 minutes)")
            BigDecimal responseHours,
            @Schema(description = "resolution budget in business hours, at most two decimals")
            BigDecimal resolutionHours, Instant firstRespondedAt, Boolean responseMet,
            Instant resolutionStartedAt, Instant waitingSince, Instant resolvedAt, Boolean resolutionMet,
            String solution, Instant closedAt, int responseEscalationLevel, int resolutionEscalationLevel)
            implements Versioned {

        static CaseView of(ServiceCase c) {
            return new CaseView(c.id(), c.caseNumber(), c.status().name(), c.customerId(), c.customerName(),
                    c.orderId(), c.ownerId(), c.team(), c.region(), c.channel(), c.category(), c.severity(),
                    c.summary(), c.details(), c.loggedBy(), c.loggedAt(), c.responseDueAt(), c.resolutionDueAt(),
                    c.slaPolicyVersion(), c.updatedAt(), c.version(), c.kind(), c.department(), c.assigneeId(),
                    c.responseHours(), c.resolutionHours(), c.firstRespondedAt(), c.responseMet(),
                    c.resolutionStartedAt(), c.waitingSince(), c.resolvedAt(), c.resolutionMet(), c.solution(),
                    c.closedAt(), c.responseEscalationLevel(), c.resolutionEscalationLevel());
        }
    }
}
