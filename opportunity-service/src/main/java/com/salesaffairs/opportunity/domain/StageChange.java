package com.salesaffairs.opportunity.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One move of an opportunity's stage, with the probability it then carried and the policy version behind it. */
@Embeddable
public class StageChange {
    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    private OpportunityStage from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    private OpportunityStage to;
    @Column(nullable = false)
    private int probability;
    @Column(name = "policy_version")
    private Integer policyVersion;
    @Column(name = "changed_by", nullable = false)
    private String changedBy;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;
    private String note;

    protected StageChange() {
    }

    StageChange(OpportunityStage from, OpportunityStage to, int probability, Integer policyVersion, String changedBy,
            Instant changedAt, String note) {
        this.from = from;
        this.to = to;
        this.probability = probability;
        this.policyVersion = policyVersion;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.note = note;
    }

    public OpportunityStage from() {
        return from;
    }

    public OpportunityStage to() {
        return to;
    }

    public int probability() {
        return probability;
    }

    public Integer policyVersion() {
        return policyVersion;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String note() {
        return note;
    }
}
