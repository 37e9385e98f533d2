package com.salesaffairs.aftersales.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.salesaffairs.aftersales.domain.Feedback;
import com.salesaffairs.aftersales.domain.FeedbackCategory;
import com.salesaffairs.aftersales.domain.FeedbackChannel;
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
             "summary": "Pump seal leaks after two weeks", "details": "Customer reports a leak on 3 of 10 units."}""")
    public record FeedbackRequest(
            @NotNull UUID customerId,
            UUID orderId,
            @NotNull FeedbackChannel channel,
            @NotNull FeedbackCategory category,
            @NotNull Severity severity,
            @NotBlank @Size(max = 500) String summary,
            @Size(max = 4000) String details) {

        Feedback feedback() {
            return new Feedback(customerId, orderId, channel, category, severity, summary, details);
        }
    }

    public record CaseView(UUID id, String caseNumber, String status, UUID customerId, String customerName,
            UUID orderId, String ownerId, String team, String region, FeedbackChannel channel,
            FeedbackCategory category, Severity severity, String summary, String details, String loggedBy,
            Instant loggedAt, Instant responseDueAt, Instant resolutionDueAt, int slaPolicyVersion,
            Instant updatedAt, long version) implements Versioned {

        static CaseView of(ServiceCase c) {
            return new CaseView(c.id(), c.caseNumber(), c.status().name(), c.customerId(), c.customerName(),
                    c.orderId(), c.ownerId(), c.team(), c.region(), c.channel(), c.category(), c.severity(),
                    c.summary(), c.details(), c.loggedBy(), c.loggedAt(), c.responseDueAt(), c.resolutionDueAt(),
                    c.slaPolicyVersion(), c.updatedAt(), c.version());
        }
    }
}
