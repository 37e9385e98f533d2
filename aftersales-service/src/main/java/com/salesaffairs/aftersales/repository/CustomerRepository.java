package com.salesaffairs.aftersales.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.aftersales.domain.Customer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The customer replica; written only by the customer-facts consumer. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {
}
