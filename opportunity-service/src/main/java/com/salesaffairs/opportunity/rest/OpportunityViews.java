package com.salesaffairs.opportunity.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.salesaffairs.opportunity.domain.Activity;
import com.salesaffairs.opportunity.domain.ActivityType;
import com.salesaffairs.opportunity.domain.Assignment;
import com.salesaffairs.opportunity.domain.CloseReason;
import com.salesaffairs.opportunity.domain.FollowUpPolicy;
import com.salesaffairs.opportunity.domain.Opportunity;
import com.salesaffairs.opportunity.domain.OpportunitySource;
import com.salesaffairs.opportunity.domain.OpportunityStage;
import com.salesaffairs.opportunity.domain.Pipeline;
import com.salesaffairs.opportunity.domain.StageChange;
import com.salesaffairs.opportunity.domain.WonLine;
import com.salesaffairs.platform.rest.Versioned;

/** What the opportunity API answers; built from the aggregates, never the aggregates themselves. */
public final class OpportunityViews {
    private OpportunityViews() {
    }

    public record StageChangeView(OpportunityStage from, OpportunityStage to, int probability, Integer policyVersion,
            String changedBy, Instant changedAt, String note) {
        static StageChangeView of(StageChange c) {
            return new StageChangeView(c.from(), c.to(), c.probability(), c.policyVersion(), c.changedBy(),
                    c.changedAt(), c.note());
        }
    }

    public record WonLineView(String sku, int quantity, BigDecimal unitPrice) {
        static WonLineView of(WonLine l) {
            return new WonLineView(l.sku(), l.quantity(), l.unitPrice());
        }
    }

    public record ClosingView(OpportunityStage outcome, OpportunityStage closedFromStage, CloseReason reason,
            String competitor, String analysis, String lessonsLearned, List<WonLineView> lines, Instant closedAt,
            String closedBy, Long cycleDays) {
    }

    /**
     * An opportunity. {@code overdue} and {@code daysWithoutContact} are judged now under the
     * opportunity.followup version {@code followUpPolicyVersion}; both are empty once it is closed.
     */
    public record OpportunityView(UUID id, UUID customerId, String customerName, String title, OpportunitySource source,
            String sourceDetail, List<String> productsOfInterest, BigDecimal estimatedAmount, String currency,
            LocalDate expectedCloseDate, String team, String region, String capturedBy, Instant capturedAt,
            String assigneeId, Instant assignedAt, OpportunityStage stage, int probability,
            Integer probabilityPolicyVersion, Instant stageChangedAt, Instant lastContactAt, Instant nextFollowUpAt,
            boolean overdue, Long daysWithoutContact, int followUpPolicyVersion, ClosingView closing,
            List<StageChangeView> stageHistory, Instant updatedAt, long version) implements Versioned {

        static OpportunityView of(Opportunity o, FollowUpPolicy policy, Instant now) {
            ClosingView closing = o.isOpen() ? null
                    : new ClosingView(o.stage(), o.closedFromStage(), o.closeReason(), o.competitor(), o.analysis(),
                            o.lessonsLearned(), o.wonLines().stream().map(WonLineView::of).toList(), o.closedAt(),
                            o.closedBy(), o.cycleDays());
            return new OpportunityView(o.id(), o.customerId(), o.customerName(), o.title(), o.source(), o.sourceDetail(),
                    List.copyOf(o.productsOfInterest()), o.estimatedAmount(), o.currency(), o.expectedCloseDate(),
                    o.team(), o.region(), o.capturedBy(), o.capturedAt(), o.assigneeId(), o.assignedAt(), o.stage(),
                    o.probability(), o.probabilityPolicyVersion(), o.stageChangedAt(), o.lastContactAt(),
                    o.nextFollowUpAt(), policy.overdue(o.isOpen(), o.nextFollowUpAt(), o.lastContactOrCapture(), now),
                    o.isOpen() ? FollowUpPolicy.daysWithoutContact(o.lastContactOrCapture(), now) : null,
                    policy.version(), closing, o.stageHistory().stream().map(StageChangeView::of).toList(),
                    o.updatedAt(), o.version());
        }
    }

    public record ActivityView(UUID id, UUID opportunityId, ActivityType type, Instant occurredAt, String summary,
            String nextStep, Instant nextFollowUpAt, String loggedBy, Instant loggedAt) {
        static ActivityView of(Activity a) {
            return new ActivityView(a.id(), a.opportunityId(), a.type(), a.occurredAt(), a.summary(), a.nextStep(),
                    a.nextFollowUpAt(), a.loggedBy(), a.loggedAt());
        }
    }

    /**
     * One assignment with the suggestion as it stood then: whether the assignee was the top suggestion
     * (null when no rep could be suggested, and for assignments made before suggestions existed), the
     * assignee's and the top score, and the opportunity.assignment version.
     */
    public record AssignmentView(UUID id, UUID opportunityId, String team, String assigneeId, String previousAssigneeId,
            String assignedBy, Instant assignedAt, String reason, Boolean followedTopSuggestion, Integer policyVersion,
            BigDecimal assigneeScore, String topSuggestionId, BigDecimal topScore) {
        static AssignmentView of(Assignment a) {
            return new AssignmentView(a.id(), a.opportunityId(), a.team(), a.assigneeId(), a.previousAssigneeId(),
                    a.assignedBy(), a.assignedAt(), a.reason(), a.followedTopSuggestion(), a.policyVersion(),
                    a.assigneeScore(), a.topSuggestionId(), a.topScore());
        }
    }

    public record PipelineStageView(OpportunityStage stage, long count, BigDecimal estimatedAmount,
            BigDecimal weightedAmount) {
    }

    public record PipelineCurrencyView(String currency, List<PipelineStageView> stages, long count,
            BigDecimal estimatedAmount, BigDecimal weightedAmount) {
    }

    /** The weighted pipeline of the open opportunities in the caller's scope, per currency (amounts are never converted). */
    public record PipelineView(String assigneeId, String team, List<PipelineCurrencyView> currencies) {
        static PipelineView of(String assigneeId, String team, List<Pipeline.InCurrency> pipeline) {
            return new PipelineView(assigneeId, team, pipeline.stream().map(c -> new PipelineCurrencyView(c.currency(),
                    c.stages().stream().map(s -> new PipelineStageView(s.stage(), s.count(), s.estimatedAmount(),
                            s.weightedAmount())).toList(), c.count(), c.estimatedAmount(), c.weightedAmount())).toList());
        }
    }
}
