package com.salesaffairs.order.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One department's review of an order in one submission round. */
@Embeddable
public class ApprovalStep {
    public enum Status {
        PENDING, APPROVED, REJECTED, WITHDRAWN
    }

    @Column(nullable = false)
    private int round;
    @Column(name = "step_no", nullable = false)
    private int stepNo;
    @Column(nullable = false)
    private String role;
    @Column(nullable = false)
    private String reason;
    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "on_behalf_of")
    private String onBehalfOf;
    @Column(name = "decided_at")
    private Instant decidedAt;
    private String comment;

    protected ApprovalStep() {
    }

    ApprovalStep(int round, int stepNo, String role, String reason) {
        this.round = round;
        this.stepNo = stepNo;
        this.role = role;
        this.reason = reason;
        this.status = Status.PENDING;
    }

    void decide(Status decision, String by, String behalfOf, Instant at, String note) {
        status = decision;
        decidedBy = by;
        onBehalfOf = behalfOf;
        decidedAt = at;
        comment = note;
    }

    void withdraw(Instant at) {
        status = Status.WITHDRAWN;
        decidedAt = at;
    }

    public int round() {
        return round;
    }

    public int stepNo() {
        return stepNo;
    }

    public String role() {
        return role;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String onBehalfOf() {
        return onBehalfOf;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String comment() {
        return comment;
    }
}
