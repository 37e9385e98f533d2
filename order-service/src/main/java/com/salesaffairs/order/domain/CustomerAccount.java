package com.salesaffairs.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A customer as order-service knows it: the replicated facts from opportunity-service and the
 * credit terms finance sets here.
 */
@Entity
@Table(name = "customer_replica")
public class CustomerAccount {
    @Id
    private UUID id;
    @Column(nullable = false)
    private String name;
    @Column(name = "owner_id", nullable = false)
    private String ownerId;
    private String team;
    private String region;
    /** The version of the last fact applied; an older fact arriving late is ignored. */
    @Column(name = "fact_version", nullable = false)
    private long factVersion;
    @Column(name = "credit_limit")
    private BigDecimal creditLimit;
    @Column(nullable = false)
    private boolean blocked;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected CustomerAccount() {
    }

    public static CustomerAccount fromFact(UUID id, String name, String ownerId, String team, String region,
            long factVersion, Instant at) {
        CustomerAccount c = new CustomerAccount();
        c.id = id;
        c.updatedAt = at;
        c.name = name;
        c.ownerId = ownerId;
        c.team = team;
        c.region = region;
        c.factVersion = factVersion;
        return c;
    }

    /** Applies a newer fact; returns false for a stale one. */
    public boolean applyFact(String newName, String newOwner, String newTeam, String newRegion, long newFactVersion,
            Instant at) {
        if (newFactVersion < factVersion) {
            return false;
        }
        name = newName;
        ownerId = newOwner;
        team = newTeam;
        region = newRegion;
        factVersion = newFactVersion;
        updatedAt = at;
        return true;
    }

    public void setCredit(BigDecimal limit, boolean isBlocked, Instant at) {
        creditLimit = limit;
        blocked = isBlocked;
        updatedAt = at;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
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

    public BigDecimal creditLimit() {
        return creditLimit;
    }

    public boolean blocked() {
        return blocked;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
