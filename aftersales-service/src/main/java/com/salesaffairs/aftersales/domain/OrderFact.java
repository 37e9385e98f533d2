package com.salesaffairs.aftersales.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An order as after-sales knows it from {@code sales.order.*} facts: whose customer's it is, and whose. */
@Entity
@Table(name = "order_replica")
public class OrderFact {
    @Id
    private UUID id;
    @Column(name = "customer_id", nullable = false)
    private UUID customerId;
    @Column(name = "owner_id", nullable = false)
    private String ownerId;
    private String team;
    @Column(name = "last_event", nullable = false)
    private String lastEvent;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    /** When the order was settled (sales.order.settled.v1); null until then. */
    @Column(name = "settled_at")
    private Instant settledAt;

    protected OrderFact() {
    }

    public static OrderFact of(UUID id, UUID customerId, String ownerId, String team, String eventType, Instant at) {
        OrderFact o = new OrderFact();
        o.id = id;
        o.apply(customerId, ownerId, team, eventType, at);
        return o;
    }

    /** Every order fact carries the whole header; the latest one applied wins (an order never changes customer). */
    public void apply(UUID newCustomerId, String newOwnerId, String newTeam, String eventType, Instant at) {
        customerId = newCustomerId;
        ownerId = newOwnerId;
        team = newTeam;
        lastEvent = eventType;
        updatedAt = at;
    }

    /** Keeps the first settlement time seen (a later refund does not unsettle the order for surveys). */
    public void settled(Instant at) {
        if (settledAt == null) {
            settledAt = at;
        }
    }

    public Instant settledAt() {
        return settledAt;
    }

    public UUID id() {
        return id;
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

    public String lastEvent() {
        return lastEvent;
    }
}
