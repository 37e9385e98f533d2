package com.salesaffairs.reporting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer as opportunity-service last published it ({@code sales.customer.registered.v1} and
 * {@code .updated.v1}): the whole customer each time, so the copy with the highest {@code version}
 * is the truth and an older or equal one changes nothing (duplicates, out-of-order deliveries).
 * Kept for the market analysis by segment and the customer directory; name, registration id, e-mail,
 * phone and contacts are personal or sensitive data, masked per {@code reporting.export} by the readers.
 */
@Entity
@Table(name = "customer_fact")
public class CustomerFact {
    @Id
    @Column(name = "customer_id")
    private UUID customerId;
    @Column(nullable = false)
    private String name;
    @Column(name = "registration_id")
    private String registrationId;
    private String segment;
    private String industry;
    private String country;
    private String city;
    private String address;
    private String email;
    private String phone;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    private List<CustomerContact> contacts = new ArrayList<>();
    @Column(name = "owner_id", nullable = false)
    private String ownerId;
    private String team;
    private String region;
    @Column(nullable = false)
    private long version;
    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected CustomerFact() {
    }

    /** What a customer event says about the customer besides its identity and version. */
    public record Details(String name, String registrationId, String segment, String industry, String country,
            String city, String address, String email, String phone, List<CustomerContact> contacts) {
    }

    /** Whose customer it is. */
    public record Ownership(String ownerId, String team, String region) {
    }

    public static CustomerFact published(UUID customerId, Details details, Ownership owner, long version,
            Instant registeredAt, Instant updatedAt, Instant recordedAt) {
        if (owner.ownerId() == null || owner.ownerId().isBlank()) {
            throw new InvalidFact("customer " + customerId + " without ownerId");
        }
        if (details.name() == null || details.name().isBlank()) {
            throw new InvalidFact("customer " + customerId + " without name");
        }
        CustomerFact f = new CustomerFact();
        f.customerId = customerId;
        f.name = details.name();
        f.registrationId = details.registrationId();
        f.segment = details.segment();
        f.industry = details.industry();
        f.country = details.country();
        f.city = details.city();
        f.address = details.address();
        f.email = details.email();
        f.phone = details.phone();
        f.contacts = new ArrayList<>(details.contacts() == null ? List.of() : details.contacts());
        f.ownerId = owner.ownerId();
        f.team = owner.team();
        f.region = owner.region();
        f.version = version;
        f.registeredAt = registeredAt;
        f.updatedAt = updatedAt;
        f.recordedAt = recordedAt;
        return f;
    }

    /** Takes the newer copy's state; true if {@code newer} was newer (a higher version) and so applied. */
    public boolean supersede(CustomerFact newer) {
        if (newer.version <= version) {
            return false;
        }
        name = newer.name;
        registrationId = newer.registrationId;
        segment = newer.segment;
        industry = newer.industry;
        country = newer.country;
        city = newer.city;
        address = newer.address;
        email = newer.email;
        phone = newer.phone;
        contacts = new ArrayList<>(newer.contacts);
        ownerId = newer.ownerId;
        team = newer.team;
        region = newer.region;
        version = newer.version;
        registeredAt = newer.registeredAt;
        updatedAt = newer.updatedAt;
        recordedAt = newer.recordedAt;
        return true;
    }

    public UUID customerId() {
        return customerId;
    }

    public String name() {
        return name;
    }

    public String registrationId() {
        return registrationId;
    }

    /** ENTERPRISE, MID_MARKET, SMALL_BUSINESS, PUBLIC_SECTOR, or null when opportunity-service has none. */
    public String segment() {
        return segment;
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

    public String address() {
        return address;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    /** The people at the customer, oldest first, as last published. */
    public List<CustomerContact> contacts() {
        return List.copyOf(contacts);
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

    public long version() {
        return version;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
