package com.salesaffairs.reporting.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.reporting.domain.TargetFact;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** {@code target_fact} with its split in {@code target_month_fact}: the highest version per target. */
@ApplicationScoped
public class TargetFactRepository implements PanacheRepositoryBase<TargetFact, UUID> {

    /** Stores the revision if the target is new or the revision newer than the one kept; true when it changed something. */
    public boolean record(TargetFact revision) {
        TargetFact known = findById(revision.targetId());
        if (known == null) {
            persist(revision);
            return true;
        }
        return known.supersede(revision);
    }
}
