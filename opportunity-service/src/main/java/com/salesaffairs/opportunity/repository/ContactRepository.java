package com.salesaffairs.opportunity.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.opportunity.domain.Contact;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    public PanacheQuery<Contact> ofCustomer(UUID customerId) {
        return find("customerId = :c", Sort.by("createdAt").and("id"), Parameters.with("c", customerId));
    }
}
