package com.salesaffairs.reporting.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An after-sales case's outcome for the SLA compliance figures, from its resolved, closed, escalated and
 * reopened events (its logging is in {@code feedback_fact}). Events may come late or twice, so:
 * <ul>
 * <li>{@code state} and {@code lastEventAt} follow the event with the latest time (RESOLVED, CLOSED;
 * an escalation or reopening means OPEN); an older event does not move them back;</li>
 * <li>the resolution figures ({@code resolvedAt}, {@code responseMet}, {@code resolutionMet},
 * {@code resolutionMinutes}) are the latest resolution's; a closed event (which restates the last
 * resolution's met flags) fills them only while no resolution is known;</li>
 * <li>{@code escalations} and {@code reopens} are counted from {@code case_event_fact} by the repository,
 * so a step seen twice counts once.</li>
 * </ul>
 * Customer, owner, team, region and severity come from the latest event that carries them.
 */
@Entity
@Table(name = "case_fact")
public class CaseFact {
    @Id
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(name = "owner_id")
    private String ownerId;
    private String team;
    private String region;
    private String severity;
    @Column(nullable = false)
    private String state;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "response_met")
    private Boolean responseMet;
    @Column(name = "resolution_met")
    private Boolean resolutionMet;
    @Column(name = "resolution_minutes")
    private Long resolutionMinutes;
    @Column(nullable = false)
    private int escalations;
    @Column(nullable = false)
    private int reopens;
    @Column(name = "last_event_at", nullable = false)
    private Instant lastEventAt;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected CaseFact() {
    }

    /** A case first heard of through {@code change}; the caller applies the change next. */
    public static CaseFact first(CaseChange change, Instant recordedAt) {
        CaseFact f = new CaseFact();
        f.caseId = change.caseId();
        f.state = change.kind().state();
        f.lastEventAt = change.at();
        f.recordedAt = recordedAt;
        return f;
    }

    /** Applies one event (any order, any number of times: the outcome is the same). */
    public void apply(CaseChange change, Instant recordedAt) {
        boolean latest = !change.at().isBefore(lastEventAt);
        CaseChange.Origin o = change.origin();
        customerId = pick(latest, o.customerId(), customerId);
        ownerId = pick(latest, o.ownerId(), ownerId);
        team = pick(latest, o.team(), team);
        region = pick(latest, o.region(), region);
        severity = pick(latest, o.severity(), severity);
        switch (change.kind()) {
            case RESOLVED -> {
                if (resolvedAt == null || change.at().isAfter(resolvedAt)) {
                    resolvedAt = change.at();
                    responseMet = change.outcome().responseMet();
                    resolutionMet = change.outcome().resolutionMet();
                    resolutionMinutes = change.outcome().resolutionMinutes();
                }
            }
            case CLOSED -> {
                if (closedAt == null || change.at().isAfter(closedAt)) {
                    closedAt = change.at();
                }
                if (resolvedAt == null) {
                    responseMet = change.outcome().responseMet();
                    resolutionMet = change.outcome().resolutionMet();
                }
            }
            case ESCALATED, REOPENED -> {
                // counted by the repository from case_event_fact
            }
        }
        if (change.at().isAfter(lastEventAt) || change.at().equals(lastEventAt) && change.kind() == CaseChange.Kind.CLOSED) {
            state = change.kind().state();
            lastEventAt = change.at();
        }
        this.recordedAt = recordedAt;
    }

    private static <T> T pick(boolean latest, T incoming, T known) {
        return incoming != null && (latest || known == null) ? incoming : known;
    }

    /** Sets the counts of distinct escalations and reopenings seen. */
    public void counted(int escalations, int reopens) {
        this.escalations = escalations;
        this.reopens = reopens;
    }

    public UUID caseId() {
        return caseId;
    }

    public UUID customerId() {
        return customerId;
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

    public String severity() {
        return severity;
    }

    /** OPEN, RESOLVED or CLOSED. */
    public String state() {
        return state;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Boolean responseMet() {
        return responseMet;
    }

    public Boolean resolutionMet() {
        return resolutionMet;
    }

    public Long resolutionMinutes() {
        return resolutionMinutes;
    }

    public int escalations() {
        return escalations;
    }

    public int reopens() {
        return reopens;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }
}
