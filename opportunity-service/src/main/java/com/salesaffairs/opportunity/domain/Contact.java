package com.salesaffairs.opportunity.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person at a customer. Personal data: never logged; travels only in the customer events, for reporting, which masks it. */
@Entity
@Table(name = "customer_contact")
public class Contact {
    @Id
    private UUID id;
    @Column(name = "customer_id", nullable = false)
    private UUID customerId;
    @Column(nullable = false)
    private String name;
    private String title;
    private String phone;
    private String email;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Contact() {
    }

    public static Contact of(UUID customerId, String name, String title, String phone, String email, String by,
            Instant at) {
        Contact c = new Contact();
        c.id = UUID.randomUUID();
        c.customerId = customerId;
        c.name = name.trim();
        c.title = title;
        c.phone = phone;
        c.email = email;
        c.createdBy = by;
        c.createdAt = at;
        return c;
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
