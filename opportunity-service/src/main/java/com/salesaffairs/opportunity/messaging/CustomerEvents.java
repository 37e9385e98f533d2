package com.salesaffairs.opportunity.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.opportunity.domain.Customer;
import com.salesaffairs.opportunity.domain.CustomerSegment;
import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;

/** The customer facts other domains keep a copy of (order-service's replica, reporting). */
@ApplicationScoped
public class CustomerEvents {
    public static final String REGISTERED = "sales.customer.registered.v1";
    public static final String UPDATED = "sales.customer.updated.v1";

    /** Payload of both types: the whole customer as it now stands (contacts are personal data and stay here). */
    public record CustomerFact(UUID customerId, String name, String industry, String country, String city,
            String ownerId, String team, String region, long version, Instant registeredAt, Instant updatedAt,
            String registrationId, CustomerSegment segment, String address) {
    }

    private final Outbox outbox;

    public CustomerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void registered(Customer c) {
        outbox.record(Topics.OPPORTUNITY, "customer", c.id().toString(), REGISTERED, fact(c));
    }

    public void updated(Customer c) {
        outbox.record(Topics.OPPORTUNITY, "customer", c.id().toString(), UPDATED, fact(c));
    }

    private static CustomerFact fact(Customer c) {
        return new CustomerFact(c.id(), c.name(), c.industry(), c.country(), c.city(), c.ownerId(), c.team(),
                c.region(), c.version(), c.registeredAt(), c.updatedAt(), c.registrationId(), c.segment(), c.address());
    }
}
