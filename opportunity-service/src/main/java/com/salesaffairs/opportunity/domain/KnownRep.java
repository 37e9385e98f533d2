package com.salesaffairs.opportunity.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A sales rep as this service last saw them in their token: the service has no user directory, so
 * who may be assigned in a team is learnt from the reps who use it.
 */
@Entity
@Table(name = "sales_rep")
public class KnownRep {
    @Id
    @Column(name = "user_id")
    private String userId;
    private String username;
    @Column(nullable = false)
    private String team;
    private String region;
    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected KnownRep() {
    }

    public String userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public String team() {
        return team;
    }

    public String region() {
        return region;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
