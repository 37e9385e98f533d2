package com.salesaffairs.aftersales.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.aftersales.domain.OrderFact;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The order replica; written only by the order-facts consumer. */
@ApplicationScoped
public class OrderFactRepository implements PanacheRepositoryBase<OrderFact, UUID> {
}
