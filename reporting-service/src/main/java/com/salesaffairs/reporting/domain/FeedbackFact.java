package com.salesaffairs.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's feedback as logged by after-sales (from {@code sales.feedback.logged.v1}), counted on its UTC day. */
@Entity
@Table(name = "feedback_fact")
public class FeedbackFact {
    @Id
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "logged_on", nullable = false)
    private LocalDate loggedOn;
    @Column(name = "logged_at", nullable = false)
    private Instant loggedAt;
    /** The customer's rep, kept for rep-scoped reports. */
    @Column(name = "owner_id")
    private String ownerId;
    private String team;
    private String region;
    @Column(nullable = false)
    private String category;
    @Column(nullable = false)
    private String severity;
    private String channel;
    @Column(name = "customer_id", nullable = false)
    private UUID customerId;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected FeedbackFact() {
    }

    /** Where the feedback came from and whose customer gave it. */
    public record Origin(UUID customerId, UUID orderId, String ownerId, String team, String region, String channel) {
    }

    public static FeedbackFact logged(UUID caseId, Origin origin, FeedbackCategory category, FeedbackSeverity severity,
            Instant loggedAt, Instant recordedAt) {
        FeedbackFact f = new FeedbackFact();
        f.caseId = caseId;
        f.customerId = origin.customerId();
        f.orderId = origin.orderId();
        f.ownerId = origin.ownerId();
        f.team = origin.team();
        f.region = origin.region();
        f.channel = origin.channel();
        f.category = category.name();
        f.severity = severity.name();
        f.loggedAt = loggedAt;
        f.loggedOn = LocalDate.ofInstant(loggedAt, ZoneOffset.UTC);
        f.recordedAt = recordedAt;
        return f;
    }

    public UUID caseId() {
        return caseId;
    }

    public LocalDate loggedOn() {
        return loggedOn;
    }
}
