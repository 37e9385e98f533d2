package com.salesaffairs.opportunity.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.opportunity.domain.Assignment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    /** A team's assignments made in [from, to), oldest first. */
    public List<Assignment> ofTeamBetween(String team, Instant from, Instant to) {
        return find("team = :team and assignedAt >= :from and assignedAt < :to", Sort.by("assignedAt").and("id"),
                Parameters.with("team", team).and("from", from).and("to", to)).list();
    }

    public List<Assignment> ofOpportunity(UUID opportunityId) {
        return find("opportunityId = :o", Sort.by("assignedAt").and("id"), Parameters.with("o", opportunityId)).list();
    }
}
