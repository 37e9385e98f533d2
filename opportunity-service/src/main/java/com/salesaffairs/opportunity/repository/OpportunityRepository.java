package com.salesaffairs.opportunity.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.opportunity.domain.Opportunity;
import com.salesaffairs.opportunity.domain.OpportunitySource;
import com.salesaffairs.opportunity.domain.OpportunityStage;
import com.salesaffairs.opportunity.domain.Pipeline;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class OpportunityRepository implements PanacheRepositoryBase<Opportunity, UUID> {

    /**
     * Who sees what: {@code worker} (a rep) sees what is assigned to them or what they captured,
     * {@code team} (a manager) their team's; both null means everything.
     */
    public record Reach(String team, String worker) {
    }

    /** List filters; null means no limit. {@code overdueAt} with {@code silentSince} selects overdue ones. */
    public record Filter(OpportunityStage stage, String assigneeId, boolean unassigned, UUID customerId,
            OpportunitySource source, Instant overdueAt, Instant silentSince, String team) {
    }

    /** Locks the row before it is read, so of two concurrent changes the second sees the first's result. */
    public void lock(UUID id) {
        getEntityManager().createNativeQuery("SELECT id FROM opportunity WHERE id = :id FOR UPDATE")
                .setParameter("id", id).getResultList();
    }

    public PanacheQuery<Opportunity> visible(Reach reach, Filter filter) {
        Parameters params = new Parameters();
        String where = where(reach, filter, params);
        Sort sort = filter.overdueAt() != null ? Sort.by("nextFollowUpAt").and("id")
                : Sort.descending("capturedAt").and("id");
        return find(where, sort, params);
    }

    /** Sums per currency and open stage, in the reach and filters given. */
    public List<Pipeline.StageSum> pipeline(Reach reach, Filter filter) {
        Parameters params = new Parameters();
        String where = where(reach, filter, params) + " and stage in :open";
        params.and("open", OpportunityStage.OPEN);
        var query = getEntityManager().createQuery("SELECT currency, stage, count(*), sum(estimatedAmount),"
                + " sum(estimatedAmount * probability) FROM Opportunity WHERE " + where
                + " GROUP BY currency, stage", Object[].class);
        params.map().forEach(query::setParameter);
        return query.getResultList().stream().map(r -> new Pipeline.StageSum((String) r[0], (OpportunityStage) r[1],
                ((Number) r[2]).longValue(), decimal(r[3]), decimal(r[4]))).toList();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static String where(Reach reach, Filter filter, Parameters params) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (reach.worker() != null) {
            where.append(" and (assigneeId = :worker or capturedBy = :worker)");
            params.and("worker", reach.worker());
        } else if (reach.team() != null) {
            where.append(" and team = :reachTeam");
            params.and("reachTeam", reach.team());
        }
        if (filter.team() != null) {
            where.append(" and team = :team");
            params.and("team", filter.team());
        }
        if (filter.stage() != null) {
            where.append(" and stage = :stage");
            params.and("stage", filter.stage());
        }
        if (filter.assigneeId() != null) {
            where.append(" and assigneeId = :assignee");
            params.and("assignee", filter.assigneeId());
        }
        if (filter.unassigned()) {
            where.append(" and assigneeId is null");
        }
        if (filter.customerId() != null) {
            where.append(" and customerId = :customer");
            params.and("customer", filter.customerId());
        }
        if (filter.source() != null) {
            where.append(" and source = :source");
            params.and("source", filter.source());
        }
        if (filter.overdueAt() != null) {
            // The same rule as FollowUpPolicy.overdue, as a query.
            where.append(" and stage in :overdueOpen and (nextFollowUpAt < :now"
                    + " or coalesce(lastContactAt, capturedAt) <= :silentSince)");
            params.and("overdueOpen", OpportunityStage.OPEN).and("now", filter.overdueAt())
                    .and("silentSince", filter.silentSince());
        }
        return where.toString();
    }
}
