package com.salesaffairs.reporting.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.reporting.domain.CustomerFact;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** {@code customer_fact}: one row per customer, the highest version published. */
@ApplicationScoped
public class CustomerFactRepository implements PanacheRepositoryBase<CustomerFact, UUID> {

    /** Stores the copy if the customer is new or the copy newer than the one kept; true when it changed something. */
    public boolean record(CustomerFact copy) {
        CustomerFact known = findById(copy.customerId());
        if (known == null) {
            persist(copy);
            return true;
        }
        return known.supersede(copy);
    }
}
