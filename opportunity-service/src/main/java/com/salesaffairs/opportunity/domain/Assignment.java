package com.salesaffairs.opportunity.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A manager's assignment of an opportunity to a rep, with the reason (policy 3.1: assigned by the
 * supervisor, fairly), with the suggestion as it stood at that moment: whether the assignee was the
 * top suggestion (null when no rep could be suggested), the assignee's and the top score, and the
 * opportunity.assignment version. The fairness analysis reads this history.
 */
@Entity
@Table(name = "opportunity_assignment")
public class Assignment {
    @Id
    private UUID id;
    @Column(name = "opportunity_id", nullable = false)
    private UUID opportunityId;
    @Column(nullable = false)
    private String team;
    @Column(name = "assignee_id", nullable = false)
    private String assigneeId;
    @Column(name = "previous_assignee_id")
    private String previousAssigneeId;
    @Column(name = "assigned_by", nullable = false)
    private String assignedBy;
    @Column(name = "assigned_at", nullable = false)
    private Instant assignedAt;
    @Column(nullable = false)
    private String reason;
    @Column(name = "followed_top_suggestion")
    private Boolean followedTopSuggestion;
    @Column(name = "policy_version")
    private Integer policyVersion;
    @Column(name = "assignee_score")
    private BigDecimal assigneeScore;
    @Column(name = "top_suggestion_id")
    private String topSuggestionId;
    @Column(name = "top_score")
    private BigDecimal topScore;
    @Column(name = "estimated_amount")
    private BigDecimal estimatedAmount;
    private String currency;

    protected Assignment() {
    }

    public static Assignment of(Opportunity o, String previousAssigneeId, String assignedBy, String reason,
            Boolean followedTopSuggestion, Integer policyVersion, BigDecimal assigneeScore, String topSuggestionId,
            BigDecimal topScore, Instant at) {
        Assignment a = new Assignment();
        a.id = UUID.randomUUID();
        a.opportunityId = o.id();
        a.team = o.team();
        a.assigneeId = o.assigneeId();
        a.previousAssigneeId = previousAssigneeId;
        a.assignedBy = assignedBy;
        a.assignedAt = at;
        a.reason = reason.strip();
        a.followedTopSuggestion = followedTopSuggestion;
        a.policyVersion = policyVersion;
        a.assigneeScore = assigneeScore;
        a.topSuggestionId = topSuggestionId;
        a.topScore = topScore;
        a.estimatedAmount = o.estimatedAmount();
        a.currency = o.currency();
        return a;
    }

    public UUID id() {
        return id;
    }

    public UUID opportunityId() {
        return opportunityId;
    }

    public String team() {
        return team;
    }

    public String assigneeId() {
        return assigneeId;
    }

    public String previousAssigneeId() {
        return previousAssigneeId;
    }

    public String assignedBy() {
        return assignedBy;
    }

    public Instant assignedAt() {
        return assignedAt;
    }

    public String reason() {
        return reason;
    }

    public Boolean followedTopSuggestion() {
        return followedTopSuggestion;
    }

    public Integer policyVersion() {
        return policyVersion;
    }

    public BigDecimal assigneeScore() {
        return assigneeScore;
    }

    public String topSuggestionId() {
        return topSuggestionId;
    }

    public BigDecimal topScore() {
        return topScore;
    }

    public BigDecimal estimatedAmount() {
        return estimatedAmount;
    }

    public String currency() {
        return currency;
    }
}
