package com.salesaffairs.reporting.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.salesaffairs.platform.security.Scope;

/**
 * A customer as the directory shows it (customer_fact), with the personal data of {@code reporting.export}
 * maskedFields either in clear or masked for the caller ({@link #forCaller}).
 */
public record CustomerDirectoryEntry(UUID customerId, String name, String registrationId, String segment, String industry,
        String country, String city, String email, String phone, List<CustomerContact> contacts, String ownerId,
        String team, String region, Instant registeredAt, Instant updatedAt, boolean masked) {

    public CustomerDirectoryEntry {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** This entry as {@code caller} may see it under {@code policy}: in clear only for those working with the customer. */
    public CustomerDirectoryEntry forCaller(Scope caller, ExportPolicy policy) {
        if (policy.seesInClear(caller, ownerId, team)) {
            return this;
        }
        List<CustomerContact> shown = contacts.stream().map(c -> new CustomerContact(
                policy.masks("contactName") ? ContactMasking.name(c.name()) : c.name(), c.title(),
                policy.masks("contactPhone") ? ContactMasking.phone(c.phone()) : c.phone(),
                policy.masks("contactEmail") ? ContactMasking.email(c.email()) : c.email())).toList();
        return new CustomerDirectoryEntry(customerId, name,
                policy.masks("registrationId") ? ContactMasking.registrationId(registrationId) : registrationId,
                segment, industry, country, city,
                policy.masks("email") ? ContactMasking.email(email) : email,
                policy.masks("phone") ? ContactMasking.phone(phone) : phone,
                shown, ownerId, team, region, registeredAt, updatedAt, true);
    }
}
