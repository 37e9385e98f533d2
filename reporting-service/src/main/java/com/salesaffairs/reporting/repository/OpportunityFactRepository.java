package com.salesaffairs.reporting.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.reporting.domain.OpportunityFact;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** {@code opportunity_fact}: one row per opportunity, the highest version published. */
@ApplicationScoped
public class OpportunityFactRepository implements PanacheRepositoryBase<OpportunityFact, UUID> {

    /** Stores the copy if the opportunity is new or the copy newer than the one kept; true when it changed something. */
    public boolean record(OpportunityFact copy) {
        OpportunityFact known = findById(copy.opportunityId());
        if (known == null) {
            persist(copy);
            return true;
        }
        return known.supersede(copy);
    }
}
