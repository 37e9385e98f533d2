package com.salesaffairs.opportunity.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.salesaffairs.opportunity.domain.ActivityType;
import com.salesaffairs.opportunity.domain.CloseReason;
import com.salesaffairs.opportunity.domain.Opportunity;
import com.salesaffairs.opportunity.domain.OpportunitySource;
import com.salesaffairs.opportunity.domain.OpportunityStage;
import com.salesaffairs.opportunity.domain.Outcome;
import com.salesaffairs.opportunity.domain.WonLine;
import com.salesaffairs.opportunity.service.OpportunityCommands;

/** What callers may send about opportunities; assignee, team, stage and version never come from a body. */
public final class OpportunityRequests {
    private OpportunityRequests() {
    }

    @Schema(description = "A newly found opportunity. sourceDetail is required for REFERRAL (who referred) and"
            + " TRADE_SHOW (which show); currency defaults to CNY, region to the customer's, nextFollowUpAt to now plus"
            + " the overdue days of opportunity.followup", example = """
            {"customerId": "3f6c1b2a-8d4e-4c1f-9a2b-6e5d4c3b2a19", "title": "Pump upgrade for the Ningbo plant",
             "source": "TRADE_SHOW", "sourceDetail": "Canton Fair 2026, hall 4",
             "productsOfInterest": ["PUMP-200", "Valves"], "estimatedAmount": 120000.00, "currency": "CNY",
             "expectedCloseDate": "2026-12-31", "region": "east", "nextFollowUpAt": "2026-12-08T02:00:00Z"}""")
    public record CaptureRequest(
            @NotNull UUID customerId,
            @NotBlank @Size(max = 200) String title,
            @NotNull OpportunitySource source,
            @Size(max = 200) String sourceDetail,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> productsOfInterest,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal estimatedAmount,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") String currency,
            LocalDate expectedCloseDate,
            @Size(min = 1, max = 100) String region,
            Instant nextFollowUpAt) {

        OpportunityCommands.CaptureInput input() {
            return new OpportunityCommands.CaptureInput(customerId, new Opportunity.Details(title, source, sourceDetail,
                    productsOfInterest == null ? List.of() : productsOfInterest.stream().map(String::trim).toList(),
                    estimatedAmount, currency == null ? "CNY" : currency, expectedCloseDate), region, nextFollowUpAt);
        }
    }

    @Schema(description = "The rep to assign, a sales rep of the opportunity's team, and why", example = """
            {"assigneeId": "00000000-0000-4000-8000-0000000000a2",
             "reason": "Bob closed two pump deals in Ningbo this quarter and has the lightest load"}""")
    public record AssignmentRequest(
            @NotBlank @Size(max = 100) String assigneeId,
            @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(description = "A follow-up step. nextFollowUpAt is required while the opportunity is open and must be"
            + " after occurredAt; occurredAt is not in the future", example = """
            {"type": "VISIT", "occurredAt": "2026-12-01T06:30:00Z",
             "summary": "Walked the plant with the maintenance lead; two pumps due for replacement in Q1",
             "nextStep": "Send a proposal for two PUMP-200", "nextFollowUpAt": "2026-12-04T02:00:00Z"}""")
    public record ActivityRequest(
            @NotNull ActivityType type,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 4000) String summary,
            @Size(max = 1000) String nextStep,
            Instant nextFollowUpAt) {

        OpportunityCommands.ActivityInput input() {
            return new OpportunityCommands.ActivityInput(type, occurredAt, summary, nextStep, nextFollowUpAt);
        }
    }

    @Schema(description = "An open stage to move to, forward or back; WON and LOST go through /close", example = """
            {"stage": "PROPOSAL", "note": "needs confirmed; proposal sent"}""")
    public record StageRequest(@NotNull OpportunityStage stage, @Size(max = 1000) String note) {
    }

    public record WonLineRequest(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Positive(message = "must be at least 1") @Max(1_000_000) Integer quantity,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice) {
    }

    @Schema(description = "The closing analysis: reason (required for LOST), competitor (required for reason"
            + " COMPETITOR), analysis of at least 30 characters, lessons learned, and for WON the lines to order", example = """
            {"outcome": "LOST", "reason": "COMPETITOR", "competitor": "Globex Pumps",
             "analysis": "Globex offered 12% below our list price with a five-year warranty; we matched neither.",
             "lessonsLearned": "Bring the extended warranty option into the first proposal for plant customers.",
             "lines": []}""")
    public record CloseRequest(
            @NotNull Outcome outcome,
            CloseReason reason,
            @Size(max = 200) String competitor,
            @Size(max = 10000) String analysis,
            @Size(max = 10000) String lessonsLearned,
            @Size(max = 200) List<@Valid @NotNull WonLineRequest> lines) {

        Opportunity.ClosingReport report() {
            return new Opportunity.ClosingReport(outcome, reason, competitor, analysis, lessonsLearned,
                    lines == null ? List.of()
                            : lines.stream().map(l -> new WonLine(l.sku().trim(), l.quantity(), l.unitPrice())).toList());
        }
    }

    @Schema(description = "Why the opportunity is open again; nextFollowUpAt defaults to now plus the overdue days", example = """
            {"reason": "The customer's budget was approved after all", "nextFollowUpAt": "2026-12-10T02:00:00Z"}""")
    public record ReopenRequest(@NotBlank @Size(max = 1000) String reason, Instant nextFollowUpAt) {
    }
}
