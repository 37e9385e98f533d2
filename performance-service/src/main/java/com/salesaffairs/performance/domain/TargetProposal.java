package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.salesaffairs.platform.problem.ApiProblem;

/**
 * A rep's personal target as filed with their manager (policy 4), with its justification.
 * SUBMITTED until the manager decides: APPROVED (as proposed, or adjusted) or RETURNED with a
 * comment. Both are final; after a return the rep files a new proposal.
 */
@Entity
@Table(name = "target_proposal")
public class TargetProposal {
    public enum Status { SUBMITTED, RETURNED, APPROVED }

    @Id
    private UUID id;
    @Column(name = "rep_id", nullable = false)
    private String repId;
    @Column(nullable = false)
    private String team;
    private String region;
    @Enumerated(EnumType.STRING)
    @Column(name = "period_kind", nullable = false)
    private TargetPeriod.Kind periodKind;
    @Column(nullable = false)
    private String period;
    @Column(nullable = false)
    private String currency;
    @Column(nullable = false)
    private BigDecimal amount;
    @Column(nullable = false)
    private String justification;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_comment")
    private String decisionComment;
    @Column(name = "approved_amount")
    private BigDecimal approvedAmount;
    @Column(nullable = false)
    private boolean adjusted;
    @Column(name = "target_id")
    private UUID targetId;
    @Version
    private int version;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "target_proposal_month", joinColumns = @JoinColumn(name = "proposal_id"))
    @MapKeyColumn(name = "month")
    @Column(name = "amount", nullable = false)
    private Map<String, BigDecimal> months = new HashMap<>();

    protected TargetProposal() {
    }

    public static TargetProposal submit(String repId, String team, String region, TargetPeriod period,
            BigDecimal amount, Map<KpiPeriod, BigDecimal> split, String justification, Instant now) {
        TargetProposal p = new TargetProposal();
        p.id = UUID.randomUUID();
        p.repId = repId;
        p.team = team;
        p.region = region;
        p.periodKind = period.kind();
        p.period = period.toString();
        p.currency = Target.CURRENCY;
        p.amount = amount.setScale(2);
        p.justification = justification;
        p.status = Status.SUBMITTED;
        p.createdAt = now;
        p.updatedAt = now;
        split.forEach((m, a) -> p.months.put(m.toString(), a.setScale(2)));
        return p;
    }

    /** Records the manager's approval of the target written for it; adjusted when amount or split differ. */
    public void approve(Target target, String comment, String by, Instant now) {
        requireSubmitted("approved");
        this.status = Status.APPROVED;
        this.targetId = target.id();
        this.approvedAmount = target.amount();
        this.adjusted = amount.compareTo(target.amount()) != 0 || !monthlySplit().equals(target.monthlySplit());
        decided(comment, by, now);
    }

    /** Back to the rep with the manager's comment; the rep files a new proposal. */
    public void returnToRep(String comment, String by, Instant now) {
        requireSubmitted("returned");
        this.status = Status.RETURNED;
        decided(comment, by, now);
    }

    public void requireSubmitted(String action) {
        if (status != Status.SUBMITTED) {
            throw ApiProblem.conflict("target proposal " + id + " is " + status + " and cannot be " + action);
        }
    }

    private void decided(String comment, String by, Instant now) {
        this.decisionComment = comment;
        this.decidedBy = by;
        this.decidedAt = now;
        this.updatedAt = now;
    }

    public Map<KpiPeriod, BigDecimal> monthlySplit() {
        Map<KpiPeriod, BigDecimal> split = new LinkedHashMap<>();
        months.keySet().stream().sorted().forEach(m -> split.put(KpiPeriod.parse(m), months.get(m).setScale(2)));
        return split;
    }

    public UUID id() {
        return id;
    }

    public String repId() {
        return repId;
    }

    public String team() {
        return team;
    }

    public String region() {
        return region;
    }

    public TargetPeriod period() {
        return TargetPeriod.parse(period);
    }

    public String currency() {
        return currency;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String justification() {
        return justification;
    }

    public Status status() {
        return status;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionComment() {
        return decisionComment;
    }

    public BigDecimal approvedAmount() {
        return approvedAmount;
    }

    public boolean adjusted() {
        return adjusted;
    }

    public UUID targetId() {
        return targetId;
    }

    public int version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
