package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An opportunity as it now stands in the pipeline. Every {@code sales.opportunity.*.v1} carries the whole
 * opportunity with its {@code version}, so the highest version is the truth: an older or equal copy
 * (a duplicate, a late delivery) changes nothing here. The stages an opportunity passed through are kept
 * apart ({@code opportunity_stage_fact}) because a late event still tells when a stage was reached.
 */
@Entity
@Table(name = "opportunity_fact")
public class OpportunityFact {
    @Id
    @Column(name = "opportunity_id")
    private UUID opportunityId;
    @Column(name = "customer_id", nullable = false)
    private UUID customerId;
    private String title;
    private String source;
    @Column(name = "assignee_id")
    private String assigneeId;
    private String team;
    private String region;
    @Column(nullable = false)
    private String stage;
    @Column(nullable = false)
    private int probability;
    @Column(name = "estimated_amount", nullable = false)
    private BigDecimal estimatedAmount;
    @Column(nullable = false)
    private String currency;
    @Column(name = "expected_close_date")
    private LocalDate expectedCloseDate;
    @Column(name = "captured_at", nullable = false)
    private Instant capturedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(nullable = false)
    private long version;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected OpportunityFact() {
    }

    /** What the opportunity is about. */
    public record Subject(UUID customerId, String title, String source) {
    }

    /** Who works it. */
    public record Owner(String assigneeId, String team, String region) {
    }

    /** Where it stands. {@code closedAt} is set by won/lost events only; others leave it to the stored copy. */
    public record Standing(OpportunityStage stage, int probability, BigDecimal estimatedAmount, String currency,
            LocalDate expectedCloseDate, Instant closedAt) {
    }

    public static OpportunityFact published(UUID opportunityId, Subject subject, Owner owner, Standing standing,
            Instant capturedAt, long version, Instant recordedAt) {
        if (standing.probability() < 0 || standing.probability() > 100) {
            throw new InvalidFact("opportunity " + opportunityId + " probability " + standing.probability()
                    + " is not within 0..100");
        }
        if (standing.estimatedAmount().signum() < 0) {
            throw new InvalidFact("opportunity " + opportunityId + " estimatedAmount is negative");
        }
        OpportunityFact f = new OpportunityFact();
        f.opportunityId = opportunityId;
        f.customerId = subject.customerId();
        f.title = subject.title();
        f.source = subject.source();
        f.assigneeId = owner.assigneeId();
        f.team = owner.team();
        f.region = owner.region();
        f.stage = standing.stage().name();
        f.probability = standing.probability();
        f.estimatedAmount = Money.amount("estimatedAmount", standing.estimatedAmount());
        f.currency = Money.currency(standing.currency());
        f.expectedCloseDate = standing.expectedCloseDate();
        f.closedAt = standing.stage().closed() ? standing.closedAt() : null;
        f.capturedAt = capturedAt;
        f.version = version;
        f.recordedAt = recordedAt;
        return f;
    }

    /**
     * Takes the newer copy's state; true if it was newer (a higher version) and so applied. An activity
     * or assignment on a closed opportunity names no close time: the one already known stays.
     */
    public boolean supersede(OpportunityFact newer) {
        if (newer.version <= version) {
            return false;
        }
        Instant knownClose = closedAt;
        customerId = newer.customerId;
        title = newer.title;
        source = newer.source;
        assigneeId = newer.assigneeId;
        team = newer.team;
        region = newer.region;
        stage = newer.stage;
        probability = newer.probability;
        estimatedAmount = newer.estimatedAmount;
        currency = newer.currency;
        expectedCloseDate = newer.expectedCloseDate;
        capturedAt = newer.capturedAt;
        closedAt = !stage().closed() ? null : newer.closedAt != null ? newer.closedAt : knownClose;
        version = newer.version;
        recordedAt = newer.recordedAt;
        return true;
    }

    public UUID opportunityId() {
        return opportunityId;
    }

    public UUID customerId() {
        return customerId;
    }

    public String title() {
        return title;
    }

    public String source() {
        return source;
    }

    public String assigneeId() {
        return assigneeId;
    }

    public String team() {
        return team;
    }

    public String region() {
        return region;
    }

    public OpportunityStage stage() {
        return OpportunityStage.valueOf(stage);
    }

    /** Win probability in percent. */
    public int probability() {
        return probability;
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

    public Instant capturedAt() {
        return capturedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public long version() {
        return version;
    }
}
