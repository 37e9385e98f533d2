package com.salesaffairs.opportunity.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.opportunity.domain.Customer;
import com.salesaffairs.opportunity.domain.CustomerSegment;
import com.salesaffairs.opportunity.repository.ContactRepository;
import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;

/**
 * The customer facts other domains keep a copy of (order-service's replica, reporting). The customer's
 * e-mail, phone and contacts travel too (added within v1): reporting keeps them for its customer
 * directory and approved exports and masks them per {@code reporting.export}; the other consumers ignore them.
 */
@ApplicationScoped
public class CustomerEvents {
    public static final String REGISTERED = "sales.customer.registered.v1";
    public static final String UPDATED = "sales.customer.updated.v1";

    /** Payload of both types: the whole customer as it now stands, its contacts oldest first. */
    public record CustomerFact(UUID customerId, String name, String industry, String country, String city,
            String ownerId, String team, String region, long version, Instant registeredAt, Instant updatedAt,
            String registrationId, CustomerSegment segment, String address, String email, String phone,
            List<ContactFact> contacts) {
    }

    /** A person at the customer as the events carry them (personal data: masked by reporting). */
    public record ContactFact(String name, String title, String phone, String email) {
    }

    private final Outbox outbox;
    private final ContactRepository contacts;

    public CustomerEvents(Outbox outbox, ContactRepository contacts) {
        this.outbox = outbox;
        this.contacts = contacts;
    }

    public void registered(Customer c) {
        outbox.record(Topics.OPPORTUNITY, "customer", c.id().toString(), REGISTERED, fact(c));
    }

    public void updated(Customer c) {
        outbox.record(Topics.OPPORTUNITY, "customer", c.id().toString(), UPDATED, fact(c));
    }

    private CustomerFact fact(Customer c) {
        List<ContactFact> people = contacts.ofCustomer(c.id()).list().stream()
                .map(p -> new ContactFact(p.name(), p.title(), p.phone(), p.email()))
                .toList();
        return new CustomerFact(c.id(), c.name(), c.industry(), c.country(), c.city(), c.ownerId(), c.team(),
                c.region(), c.version(), c.registeredAt(), c.updatedAt(), c.registrationId(), c.segment(), c.address(),
                c.email(), c.phone(), people);
    }
}
