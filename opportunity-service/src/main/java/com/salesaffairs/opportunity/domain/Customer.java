package com.salesaffairs.opportunity.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A customer the company sells to, owned by the rep who registered it, within their team. */
@Entity
@Table(name = "customer")
public class Customer {
    @Id
    private UUID id;
    @Column(nullable = false)
    private String name;
    private String industry;
    private String country;
    private String city;
    private String email;
    private String phone;
    @Column(name = "owner_id", nullable = false)
    private String ownerId;
    private String team;
    private String region;
    @Column(name = "registration_id")
    private String registrationId;
    @Enumerated(EnumType.STRING)
    private CustomerSegment segment;
    private String address;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Customer() {
    }

    public static Customer register(CustomerDetails details, String ownerId, String team, String region, Instant at) {
        Customer c = new Customer();
        c.id = UUID.randomUUID();
        c.ownerId = ownerId;
        c.team = team;
        c.region = details.region() != null ? details.region() : region;
        c.registeredAt = at;
        c.apply(details, at);
        return c;
    }

    /**
     * PUT replaces the details of API version 1 (name to phone) as it always has, and replaces a
     * detail added later only when the request names it: a client written before registrationId,
     * segment, region and address existed cannot erase them by not knowing them.
     */
    public void update(CustomerDetails details, Instant at) {
        if (details.region() != null) {
            this.region = details.region();
        }
        apply(details, at);
    }

    /**
     * A contact was added: the customer as other domains know it (its contacts included) changed, so
     * it gets a new {@code updatedAt} and, on flush, a new version that consumers can order by.
     */
    public void contactsChanged(Instant at) {
        this.updatedAt = at;
    }

    /** The registration id this customer would have after {@code details}, for the uniqueness check. */
    public static String registrationIdAfter(Customer current, CustomerDetails details) {
        String named = RegistrationId.normalise(details.registrationId());
        return named != null || current == null ? named : current.registrationId;
    }

    private void apply(CustomerDetails details, Instant at) {
        this.name = details.name().trim();
        this.industry = details.industry();
        this.country = details.country();
        this.city = details.city();
        this.email = details.email();
        this.phone = details.phone();
        if (details.registrationId() != null) {
            this.registrationId = RegistrationId.normalise(details.registrationId());
        }
        if (details.segment() != null) {
            this.segment = details.segment();
        }
        if (details.address() != null) {
            this.address = details.address().trim();
        }
        this.updatedAt = at;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String industry() {
        return industry;
    }

    public String country() {
        return country;
    }

    public String city() {
        return city;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
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

    public String registrationId() {
        return registrationId;
    }

    public CustomerSegment segment() {
        return segment;
    }

    public String address() {
        return address;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
