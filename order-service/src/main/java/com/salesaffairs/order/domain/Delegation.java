package com.salesaffairs.order.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.salesaffairs.platform.problem.ApiProblem;

/**
 * A manager's or director's approval authority lent to another named user for a time window
 * (policy 6.2: beyond one's authority only with the supervisor's authorisation). It works only
 * inside its window and stops the moment it is revoked.
 */
@Entity
@Table(name = "delegation")
public class Delegation {
    public enum Status {
        ACTIVE, REVOKED
    }

    /** The longest a delegation may run. */
    public static final Duration MAX_LENGTH = Duration.ofDays(90);

    @Id
    private UUID id;
    @Column(name = "delegator_id", nullable = false)
    private String delegatorId;
    @Column(name = "delegator_username", nullable = false)
    private String delegatorUsername;
    @Column(nullable = false)
    private String role;
    /** The delegator's team: a manager's authority reaches only their own team's orders. */
    private String team;
    @Column(name = "delegate_username", nullable = false)
    private String delegateUsername;
    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;
    @Column(name = "valid_until", nullable = false)
    private Instant validUntil;
    @Column(nullable = false)
    private String reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revoked_by")
    private String revokedBy;
    @Version
    private long version;

    protected Delegation() {
    }

    public static Delegation grant(String delegatorId, String delegatorUsername, String role, String team,
            String delegateUsername, Instant from, Instant until, String reason, Instant now) {
        if (delegateUsername.equals(delegatorUsername)) {
            throw ApiProblem.invalid("delegateUsername", "cannot be yourself");
        }
        if (!until.isAfter(from)) {
            throw ApiProblem.invalid("validUntil", "must be after validFrom");
        }
        if (!until.isAfter(now)) {
            throw ApiProblem.invalid("validUntil", "must be in the future");
        }
        if (Duration.between(from, until).compareTo(MAX_LENGTH) > 0) {
            throw ApiProblem.ruleViolated("delegation.max-length", "a delegation may last at most "
                    + MAX_LENGTH.toDays() + " days");
        }
        Delegation d = new Delegation();
        d.id = UUID.randomUUID();
        d.delegatorId = delegatorId;
        d.delegatorUsername = delegatorUsername;
        d.role = role;
        d.team = team;
        d.delegateUsername = delegateUsername;
        d.validFrom = from;
        d.validUntil = until;
        d.reason = reason;
        d.status = Status.ACTIVE;
        d.createdAt = now;
        return d;
    }

    public void revoke(String by, Instant at) {
        if (status == Status.REVOKED) {
            throw ApiProblem.conflict("delegation " + id + " is already revoked");
        }
        status = Status.REVOKED;
        revokedAt = at;
        revokedBy = by;
    }

    /** In force at this moment: active, and inside its window. */
    public boolean inForceAt(Instant at) {
        return status == Status.ACTIVE && !at.isBefore(validFrom) && at.isBefore(validUntil);
    }

    /** Does it let its delegate decide a step of this role on an order of this team? */
    public boolean covers(String stepRole, String orderTeam, Instant at) {
        if (!inForceAt(at) || !role.equals(stepRole)) {
            return false;
        }
        return !"sales-manager".equals(role) || (team != null && team.equals(orderTeam));
    }

    public UUID id() {
        return id;
    }

    public String delegatorId() {
        return delegatorId;
    }

    public String delegatorUsername() {
        return delegatorUsername;
    }

    public String role() {
        return role;
    }

    public String team() {
        return team;
    }

    public String delegateUsername() {
        return delegateUsername;
    }

    public Instant validFrom() {
        return validFrom;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedBy() {
        return revokedBy;
    }

    public long version() {
        return version;
    }
}
