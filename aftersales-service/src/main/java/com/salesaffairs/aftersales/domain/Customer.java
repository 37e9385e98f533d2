package com.salesaffairs.aftersales.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer as after-sales knows it: the facts opportunity-service publishes, enough to say whose
 * customer it is and which team and region its cases belong to.
 */
@Entity
@Table(name = "customer_replica")
public class Customer {
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
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Customer() {
    }

    public static Customer fromFact(UUID id, String name, String ownerId, String team, String region, long factVersion,
            Instant at) {
        Customer c = new Customer();
        c.id = id;
        c.name = name;
        c.ownerId = ownerId;
        c.team = team;
        c.region = region;
        c.factVersion = factVersion;
        c.updatedAt = at;
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

    public long factVersion() {
        return factVersion;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
