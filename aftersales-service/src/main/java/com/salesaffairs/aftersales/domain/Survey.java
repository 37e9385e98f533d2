package com.salesaffairs.aftersales.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A satisfaction survey sent to a customer about a case or an order. The token that answers it is
 * never stored: only its SHA-256 ({@code tokenHash}).
 */
@Entity
@Table(name = "survey")
public class Survey {
    /** How the survey came about. */
    public enum Trigger {
        CASE_CLOSED, MANUAL, CAMPAIGN
    }

    /** SENT and ANSWERED are stored; EXPIRED is a SENT survey past its expiresAt. */
    public enum Status {
        SENT, ANSWERED, EXPIRED
    }

    @Id
    private UUID id;
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;
    @Column(name = "customer_id", nullable = false)
    private UUID customerId;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "rep_id", nullable = false)
    private String repId;
    private String team;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Trigger trigger;
    @Column(name = "campaign_id")
    private UUID campaignId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "sent_by", nullable = false)
    private String sentBy;
    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "answered_at")
    private Instant answeredAt;
    private Integer score;
    private Integer likelihood;
    private String comment;
    @Column(name = "link_issued_by")
    private String linkIssuedBy;
    @Column(name = "link_issued_at")
    private Instant linkIssuedAt;

    protected Survey() {
    }

    public static Survey send(String tokenHash, UUID customerId, UUID caseId, UUID orderId, String repId, String team,
            Trigger trigger, UUID campaignId, String sentBy, Instant sentAt, Instant expiresAt) {
        Survey s = new Survey();
        s.id = UUID.randomUUID();
        s.tokenHash = tokenHash;
        s.customerId = customerId;
        s.caseId = caseId;
        s.orderId = orderId;
        s.repId = repId;
        s.team = team;
        s.trigger = trigger;
        s.campaignId = campaignId;
        s.status = Status.SENT;
        s.sentBy = sentBy;
        s.sentAt = sentAt;
        s.expiresAt = expiresAt;
        return s;
    }

    /** SENT, ANSWERED, or EXPIRED once a SENT survey is past its expiry. */
    public Status statusAt(Instant now) {
        return status == Status.SENT && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
    }

    /** A fresh link: the new token's hash replaces the old one (which stops working); expiry unchanged. */
    public void issueLink(String newTokenHash, String issuedBy, Instant at) {
        tokenHash = newTokenHash;
        linkIssuedBy = issuedBy;
        linkIssuedAt = at;
    }

    public void answer(int newScore, int newLikelihood, String newComment, Instant at) {
        status = Status.ANSWERED;
        score = newScore;
        likelihood = newLikelihood;
        comment = newComment;
        answeredAt = at;
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public UUID caseId() {
        return caseId;
    }

    public UUID orderId() {
        return orderId;
    }

    public String repId() {
        return repId;
    }

    public String team() {
        return team;
    }

    public Trigger trigger() {
        return trigger;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public String sentBy() {
        return sentBy;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public Integer score() {
        return score;
    }

    public Integer likelihood() {
        return likelihood;
    }

    public String comment() {
        return comment;
    }

    public String linkIssuedBy() {
        return linkIssuedBy;
    }

    public Instant linkIssuedAt() {
        return linkIssuedAt;
    }
}
