package com.salesaffairs.opportunity.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One follow-up step on an opportunity (policy 3.1); recorded once, never changed. */
@Entity
@Table(name = "opportunity_activity")
public class Activity {
    @Id
    private UUID id;
    @Column(name = "opportunity_id", nullable = false)
    private UUID opportunityId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActivityType type;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(nullable = false)
    private String summary;
    @Column(name = "next_step")
    private String nextStep;
    @Column(name = "next_follow_up_at")
    private Instant nextFollowUpAt;
    @Column(name = "logged_by", nullable = false)
    private String loggedBy;
    @Column(name = "logged_at", nullable = false)
    private Instant loggedAt;

    protected Activity() {
    }

    public static Activity of(UUID opportunityId, ActivityType type, Instant occurredAt, String summary, String nextStep,
            Instant nextFollowUpAt, String loggedBy, Instant loggedAt) {
        Activity a = new Activity();
        a.id = UUID.randomUUID();
        a.opportunityId = opportunityId;
        a.type = type;
        a.occurredAt = occurredAt;
        a.summary = summary.strip();
        a.nextStep = nextStep == null ? null : nextStep.strip();
        a.nextFollowUpAt = nextFollowUpAt;
        a.loggedBy = loggedBy;
        a.loggedAt = loggedAt;
        return a;
    }

    public UUID id() {
        return id;
    }

    public UUID opportunityId() {
        return opportunityId;
    }

    public ActivityType type() {
        return type;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String summary() {
        return summary;
    }

    public String nextStep() {
        return nextStep;
    }

    public Instant nextFollowUpAt() {
        return nextFollowUpAt;
    }

    public String loggedBy() {
        return loggedBy;
    }

    public Instant loggedAt() {
        return loggedAt;
    }
}
