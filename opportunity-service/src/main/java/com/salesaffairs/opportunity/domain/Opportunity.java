package com.salesaffairs.opportunity.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.ListIndexBase;

import com.salesaffairs.platform.problem.ApiProblem;

/**
 * A sales opportunity and its stage machine (policy 3.1): captured by a rep (assigned to them) or
 * by a manager (unassigned until the manager assigns it), followed up through the open stages, and
 * closed as won or lost only with a written analysis; a manager may reopen it. Every move is a
 * method that checks the current stage and records it in the stage history.
 */
@Entity
@Table(name = "opportunity")
public class Opportunity {
    /** Below this an analysis is a word or two, not the "analyse and organise what happened" policy 3.1 asks for. */
    public static final int MIN_ANALYSIS_LENGTH = 30;

    @Id
    private UUID id;
    @Column(name = "customer_id", nullable = false)
    private UUID customerId;
    @Column(name = "customer_name", nullable = false)
    private String customerName;
    @Column(nullable = false)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OpportunitySource source;
    @Column(name = "source_detail")
    private String sourceDetail;
    @Column(name = "estimated_amount", nullable = false)
    private BigDecimal estimatedAmount;
    @Column(nullable = false)
    private String currency;
    @Column(name = "expected_close_date")
    private LocalDate expectedCloseDate;
    @Column(nullable = false)
    private String team;
    private String region;
    @Column(name = "captured_by", nullable = false)
    private String capturedBy;
    @Column(name = "captured_at", nullable = false)
    private Instant capturedAt;
    @Column(name = "assignee_id")
    private String assigneeId;
    @Column(name = "assigned_at")
    private Instant assignedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OpportunityStage stage;
    @Column(nullable = false)
    private int probability;
    @Column(name = "probability_policy_version")
    private Integer probabilityPolicyVersion;
    @Column(name = "stage_changed_at", nullable = false)
    private Instant stageChangedAt;
    @Column(name = "last_activity_at")
    private Instant lastActivityAt;
    @Column(name = "last_contact_at")
    private Instant lastContactAt;
    @Column(name = "next_follow_up_at")
    private Instant nextFollowUpAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "closed_from_stage")
    private OpportunityStage closedFromStage;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "closed_by")
    private String closedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason")
    private CloseReason closeReason;
    private String competitor;
    private String analysis;
    @Column(name = "lessons_learned")
    private String lessonsLearned;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "opportunity_product", joinColumns = @JoinColumn(name = "opportunity_id"))
    @OrderColumn(name = "position")
    @Column(name = "product", nullable = false)
    @BatchSize(size = 50)
    private List<String> productsOfInterest = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "opportunity_stage_change", joinColumns = @JoinColumn(name = "opportunity_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = 50)
    private List<StageChange> stageHistory = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "opportunity_won_line", joinColumns = @JoinColumn(name = "opportunity_id"))
    @OrderColumn(name = "line_no")
    @ListIndexBase(1)
    @BatchSize(size = 50)
    private List<WonLine> wonLines = new ArrayList<>();

    protected Opportunity() {
    }

    /** What the capturer says about the opportunity; team, assignee and stage come from who captures it. */
    public record Details(String title, OpportunitySource source, String sourceDetail, List<String> productsOfInterest,
            BigDecimal estimatedAmount, String currency, LocalDate expectedCloseDate) {
    }

    /** The closing analysis policy 3.1 asks for before an opportunity is closed. */
    public record ClosingReport(Outcome outcome, CloseReason reason, String competitor, String analysis,
            String lessonsLearned, List<WonLine> lines) {
    }

    /**
     * A new opportunity in QUALIFICATION. {@code assigneeId} is the capturing rep, or null when a
     * manager captured it for assignment.
     */
    public static Opportunity capture(Details details, UUID customerId, String customerName, String team, String region,
            String capturedBy, String assigneeId, Instant nextFollowUpAt, FollowUpPolicy policy, Instant at) {
        if (details.source().needsDetail() && (details.sourceDetail() == null || details.sourceDetail().isBlank())) {
            throw ApiProblem.invalid("sourceDetail", details.source() == OpportunitySource.REFERRAL
                    ? "must name who referred the customer" : "must name the trade show");
        }
        if (nextFollowUpAt == null || !nextFollowUpAt.isAfter(at)) {
            throw ApiProblem.invalid("nextFollowUpAt", "must be in the future");
        }
        Opportunity o = new Opportunity();
        o.id = UUID.randomUUID();
        o.customerId = customerId;
        o.customerName = customerName;
        o.title = details.title().trim();
        o.source = details.source();
        o.sourceDetail = details.sourceDetail() == null ? null : details.sourceDetail().trim();
        o.productsOfInterest.addAll(details.productsOfInterest());
        o.estimatedAmount = details.estimatedAmount();
        o.currency = details.currency();
        o.expectedCloseDate = details.expectedCloseDate();
        o.team = team;
        o.region = region;
        o.capturedBy = capturedBy;
        o.capturedAt = at;
        o.assigneeId = assigneeId;
        o.assignedAt = assigneeId == null ? null : at;
        o.nextFollowUpAt = nextFollowUpAt;
        o.enter(null, OpportunityStage.QUALIFICATION, policy, capturedBy, at, "captured");
        return o;
    }

    /**
     * Gives the opportunity to a rep (the caller checks the rep belongs to the team).
     *
     * @return the previous assignee, or null when it was unassigned
     */
    public String assign(String newAssignee, Instant at) {
        if (!stage.isOpen()) {
            throw OpportunityRules.illegalTransition(this, "assigned");
        }
        if (newAssignee.equals(assigneeId)) {
            throw ApiProblem.conflict("opportunity " + id + " is already assigned to " + newAssignee);
        }
        String previous = assigneeId;
        assigneeId = newAssignee;
        assignedAt = at;
        updatedAt = at;
        return previous;
    }

    /** Moves between open stages, forward or back; closing goes through {@link #close} with its analysis. */
    public void moveTo(OpportunityStage target, FollowUpPolicy policy, String by, Instant at, String note) {
        if (!stage.isOpen()) {
            throw OpportunityRules.illegalTransition(this, "moved to " + target + " (reopen it first)");
        }
        if (!target.isOpen()) {
            throw ApiProblem.invalid("stage", "must be an open stage; close an opportunity with /close");
        }
        if (target == stage) {
            throw OpportunityRules.illegalTransition(this, "moved to the stage it is in");
        }
        enter(stage, target, policy, by, at, note);
    }

    /** Closes as won or lost. Checked in this order: the stage (409), the report's fields (400), the rules (422). */
    public void close(ClosingReport report, String by, Instant at) {
        if (!stage.isOpen()) {
            throw OpportunityRules.illegalTransition(this, "closed again (reopen it first)");
        }
        if (report.outcome() == Outcome.LOST && report.reason() == null) {
            throw ApiProblem.invalid("reason", "is required for a lost opportunity");
        }
        if (report.reason() == CloseReason.COMPETITOR && (report.competitor() == null || report.competitor().isBlank())) {
            throw ApiProblem.invalid("competitor", "must name the competitor when the reason is COMPETITOR");
        }
        if (report.lessonsLearned() == null || report.lessonsLearned().isBlank()) {
            throw ApiProblem.invalid("lessonsLearned", "is required: what the next opportunity should do the same or differently");
        }
        if (report.outcome() == Outcome.LOST && !report.lines().isEmpty()) {
            throw ApiProblem.invalid("lines", "only a won opportunity has lines to order");
        }
        if (report.analysis() == null || report.analysis().strip().length() < MIN_ANALYSIS_LENGTH) {
            throw OpportunityRules.violatedAt("opportunity.closing-analysis", "analysis",
                    "a closing analysis of at least " + MIN_ANALYSIS_LENGTH + " characters is required (policy 3.1)");
        }
        if (report.outcome() == Outcome.WON && report.lines().isEmpty()) {
            throw OpportunityRules.violatedAt("opportunity.won-lines", "lines",
                    "a won opportunity names at least one line (sku and quantity) to turn into an order");
        }
        OpportunityStage from = stage;
        closedFromStage = from;
        closedAt = at;
        closedBy = by;
        closeReason = report.reason();
        competitor = report.competitor() == null ? null : report.competitor().trim();
        analysis = report.analysis().strip();
        lessonsLearned = report.lessonsLearned().strip();
        wonLines.clear();
        wonLines.addAll(report.lines());
        nextFollowUpAt = null;
        String note = report.reason() == null ? report.outcome().name()
                : report.outcome() + ": " + report.reason() + (competitor == null ? "" : " (" + competitor + ")");
        // Closed stages are certain whatever the policy says: no policy version is stamped.
        recordStage(from, report.outcome().stage(), report.outcome() == Outcome.WON ? 100 : 0, null, by, at, note);
    }

    /** Back to the stage it was closed from, with a fresh follow-up date; the closing report is cleared (its event keeps it). */
    public void reopen(String reason, FollowUpPolicy policy, Instant nextFollowUp, String by, Instant at) {
        if (stage.isOpen()) {
            throw OpportunityRules.illegalTransition(this, "reopened");
        }
        if (nextFollowUp == null || !nextFollowUp.isAfter(at)) {
            throw ApiProblem.invalid("nextFollowUpAt", "must be in the future");
        }
        OpportunityStage closed = stage;
        OpportunityStage back = closedFromStage;
        closedFromStage = null;
        closedAt = null;
        closedBy = null;
        closeReason = null;
        competitor = null;
        analysis = null;
        lessonsLearned = null;
        wonLines.clear();
        nextFollowUpAt = nextFollowUp;
        enter(closed, back, policy, by, at, "reopened: " + reason.strip());
    }

    /**
     * Records a follow-up step. While open the next follow-up is required and after the step; the
     * newest step sets the plan, a step logged late for an earlier date does not undo a newer one.
     */
    public void logActivity(ActivityType type, Instant occurredAt, Instant nextFollowUp, Instant at) {
        if (stage.isOpen()) {
            if (nextFollowUp == null) {
                throw ApiProblem.invalid("nextFollowUpAt", "is required while the opportunity is open");
            }
            if (!nextFollowUp.isAfter(occurredAt)) {
                throw ApiProblem.invalid("nextFollowUpAt", "must be after occurredAt");
            }
        } else if (nextFollowUp != null) {
            throw ApiProblem.invalid("nextFollowUpAt", "must be empty: the opportunity is closed, nothing is followed up");
        }
        if (type.isCustomerContact() && (lastContactAt == null || occurredAt.isAfter(lastContactAt))) {
            lastContactAt = occurredAt;
        }
        if (lastActivityAt == null || !occurredAt.isBefore(lastActivityAt)) {
            lastActivityAt = occurredAt;
            if (stage.isOpen()) {
                nextFollowUpAt = nextFollowUp;
            }
        }
        updatedAt = at;
    }

    private void enter(OpportunityStage from, OpportunityStage to, FollowUpPolicy policy, String by, Instant at,
            String note) {
        recordStage(from, to, policy.probabilityOf(to), policy.version(), by, at, note);
    }

    private void recordStage(OpportunityStage from, OpportunityStage to, int newProbability, Integer policyVersion,
            String by, Instant at, String note) {
        stage = to;
        probability = newProbability;
        probabilityPolicyVersion = policyVersion;
        stageChangedAt = at;
        updatedAt = at;
        stageHistory.add(new StageChange(from, to, newProbability, policyVersion, by, at, note));
    }

    /** The last time anyone spoke with the customer about it, or its capture when nobody has yet. */
    public Instant lastContactOrCapture() {
        return lastContactAt != null ? lastContactAt : capturedAt;
    }

    /** Days from capture to close, counted in whole 24-hour periods; null while open. */
    public Long cycleDays() {
        return closedAt == null ? null : Duration.between(capturedAt, closedAt).toDays();
    }

    public boolean isOpen() {
        return stage.isOpen();
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public String customerName() {
        return customerName;
    }

    public String title() {
        return title;
    }

    public OpportunitySource source() {
        return source;
    }

    public String sourceDetail() {
        return sourceDetail;
    }

    public List<String> productsOfInterest() {
        return Collections.unmodifiableList(productsOfInterest);
    }

    public BigDecimal estimatedAmount() {
        return estimatedAmount;
    }

    public String currency() {
        return currency;
    }

    public LocalDate expectedCloseDate() {
        return expectedCloseDate;
    }

    public String team() {
        return team;
    }

    public String region() {
        return region;
    }

    public String capturedBy() {
        return capturedBy;
    }

    public Instant capturedAt() {
        return capturedAt;
    }

    public String assigneeId() {
        return assigneeId;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public OpportunityStage stage() {
        return stage;
    }

    public int probability() {
        return probability;
    }

    public Integer probabilityPolicyVersion() {
        return probabilityPolicyVersion;
    }

    public Instant stageChangedAt() {
        return stageChangedAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public Instant lastContactAt() {
        return lastContactAt;
    }

    public Instant nextFollowUpAt() {
        return nextFollowUpAt;
    }

    public OpportunityStage closedFromStage() {
        return closedFromStage;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    public CloseReason closeReason() {
        return closeReason;
    }

    public String competitor() {
        return competitor;
    }

    public String analysis() {
        return analysis;
    }

    public String lessonsLearned() {
        return lessonsLearned;
    }

    public List<StageChange> stageHistory() {
        return Collections.unmodifiableList(stageHistory);
    }

    public List<WonLine> wonLines() {
        return Collections.unmodifiableList(wonLines);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
