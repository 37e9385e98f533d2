package com.salesaffairs.opportunity.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.opportunity.domain.Assignment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public List<Assignment> ofOpportunity(UUID opportunityId) {
        return find("opportunityId = :o", Sort.by("assignedAt").and("id"), Parameters.with("o", opportunityId)).list();
    }
}
