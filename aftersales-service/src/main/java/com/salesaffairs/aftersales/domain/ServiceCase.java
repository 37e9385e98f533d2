package com.salesaffairs.aftersales.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer's feedback as a case (policy 3.3): owned by the customer's rep, within their team,
 * running against the response and resolution deadlines of the SLA policy version in force when it
 * was logged. Every later move (assign, respond, resolve...) is a method here that checks the status.
 */
@Entity
@Table(name = "service_case")
public class ServiceCase {
    @Id
    private UUID id;
    @Column(name = "case_number", nullable = false)
    private String caseNumber;
    @Column(name = "customer_id", nullable = false)
    private UUID customerId;
    @Column(name = "customer_name", nullable = false)
    private String customerName;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "owner_id", nullable = false)
    private String ownerId;
    private String team;
    private String region;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FeedbackChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FeedbackCategory category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;
    @Column(nullable = false)
    private String summary;
    private String details;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;
    @Column(name = "logged_by", nullable = false)
    private String loggedBy;
    @Column(name = "logged_at", nullable = false)
    private Instant loggedAt;
    @Column(name = "response_due_at", nullable = false)
    private Instant responseDueAt;
    @Column(name = "resolution_due_at", nullable = false)
    private Instant resolutionDueAt;
    @Column(name = "sla_policy_version", nullable = false)
    private int slaPolicyVersion;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected ServiceCase() {
    }

    /** Opens a case for logged feedback; the customer's rep owns it, whoever logged it. */
    public static ServiceCase open(String caseNumber, Customer customer, Feedback feedback, String loggedBy,
            SlaDeadlines sla, Instant at) {
        ServiceCase c = new ServiceCase();
        c.id = UUID.randomUUID();
        c.caseNumber = caseNumber;
        c.customerId = customer.id();
        c.customerName = customer.name();
        c.orderId = feedback.orderId();
        c.ownerId = customer.ownerId();
        c.team = customer.team();
        c.region = customer.region();
        c.channel = feedback.channel();
        c.category = feedback.category();
        c.severity = feedback.severity();
        c.summary = feedback.summary().trim();
        c.details = feedback.details() == null || feedback.details().isBlank() ? null : feedback.details().trim();
        c.status = CaseStatus.OPEN;
        c.loggedBy = loggedBy;
        c.loggedAt = at;
        c.responseDueAt = sla.responseDueAt();
        c.resolutionDueAt = sla.resolutionDueAt();
        c.slaPolicyVersion = sla.policyVersion();
        c.updatedAt = at;
        return c;
    }

    public UUID id() {
        return id;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public UUID customerId() {
        return customerId;
    }

    public String customerName() {
        return customerName;
    }

    public UUID orderId() {
        return orderId;
    }

    public String ownerId() {
        return ownerId;
    }

    public String team() {
        return team;
    }

    public String region() {
        return region;
    }

    public FeedbackChannel channel() {
        return channel;
    }

    public FeedbackCategory category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }

    public String details() {
        return details;
    }

    public CaseStatus status() {
        return status;
    }

    public String loggedBy() {
        return loggedBy;
    }

    public Instant loggedAt() {
        return loggedAt;
    }

    public Instant responseDueAt() {
        return responseDueAt;
    }

    public Instant resolutionDueAt() {
        return resolutionDueAt;
    }

    public int slaPolicyVersion() {
        return slaPolicyVersion;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
