package com.salesaffairs.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ListIndexBase;

/**
 * An opportunity as order-service knows it: replicated from opportunity-service's
 * {@code sales.opportunity.won.v1}, {@code .lost.v1} and {@code .reopened.v1}. An order may name
 * an opportunity of its own customer while it is {@link Status#WON}.
 */
@Entity
@Table(name = "opportunity_replica")
public class OpportunityFact {
    /** Where the opportunity stands by the last fact applied; REOPENED is open again (in {@code stage}). */
    public enum Status {
        WON, LOST, REOPENED
    }

    /** One line the opportunity was won with; unitPrice is the price the rep expected, if they gave one. */
    @Embeddable
    public record WonLine(@Column(nullable = false) String sku, @Column(nullable = false) int quantity,
            @Column(name = "unit_price") BigDecimal unitPrice) {
    }

    @Id
    private UUID id;
    @Column(name = "customer_id", nullable = false)
    private UUID customerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private String stage;
    @Column(name = "assignee_id")
    private String assigneeId;
    private String team;
    private String region;
    private String currency;
    @Column(name = "closed_at")
    private Instant closedAt;
    /** The opportunity's version in the fact last applied; a fact with a version not above it is stale. */
    @Column(name = "fact_version", nullable = false)
    private long factVersion;
    @Column(name = "fact_type", nullable = false)
    private String factType;
    /** ce_time of the fact last applied. */
    @Column(name = "fact_time", nullable = false)
    private Instant factTime;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "opportunity_replica_line", joinColumns = @JoinColumn(name = "opportunity_id"))
    @OrderColumn(name = "line_no")
    @ListIndexBase(1)
    private List<WonLine> wonLines = new ArrayList<>();

    protected OpportunityFact() {
    }

    /** What one won, lost or reopened fact says about the opportunity. */
    public record Fact(UUID opportunityId, UUID customerId, Status status, String stage, String assigneeId, String team,
            String region, String currency, Instant closedAt, List<WonLine> wonLines, long version, String type,
            Instant time) {
    }

    public static OpportunityFact from(Fact fact, Instant at) {
        OpportunityFact o = new OpportunityFact();
        o.id = fact.opportunityId();
        o.take(fact, at);
        return o;
    }

    /**
     * Applies a newer fact; returns false for one whose version is not above the last applied
     * (a late older fact, or the same fact re-sent), which changes nothing.
     */
    public boolean apply(Fact fact, Instant at) {
        if (fact.version() <= factVersion) {
            return false;
        }
        take(fact, at);
        return true;
    }

    private void take(Fact fact, Instant at) {
        customerId = fact.customerId();
        status = fact.status();
        stage = fact.stage();
        assigneeId = fact.assigneeId();
        team = fact.team();
        region = fact.region();
        currency = fact.currency();
        closedAt = fact.closedAt();
        factVersion = fact.version();
        factType = fact.type();
        factTime = fact.time();
        updatedAt = at;
        wonLines.clear();
        if (fact.status() == Status.WON) {
            wonLines.addAll(fact.wonLines());
        }
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public Status status() {
        return status;
    }

    public String stage() {
        return stage;
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

    public String currency() {
        return currency;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public long factVersion() {
        return factVersion;
    }

    public Instant factTime() {
        return factTime;
    }

    public List<WonLine> wonLines() {
        return List.copyOf(wonLines);
    }
}
