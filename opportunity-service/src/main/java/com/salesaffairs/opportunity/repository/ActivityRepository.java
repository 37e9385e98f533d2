package com.salesaffairs.opportunity.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.opportunity.domain.Activity;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    /** Newest step first: what a rep reads before the next call. */
    public PanacheQuery<Activity> ofOpportunity(UUID opportunityId) {
        return find("opportunityId = :o", Sort.descending("occurredAt").and("id"), Parameters.with("o", opportunityId));
    }
}
