package com.salesaffairs.opportunity.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.opportunity.domain.CloseReason;
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

    /** Each rep's open opportunities (any team); reps with none are absent. */
    public Map<String, Long> openLoads(Collection<String> reps) {
        Map<String, Long> loads = new HashMap<>();
        if (reps.isEmpty()) {
            return loads;
        }
        getEntityManager().createQuery("SELECT assigneeId, count(*) FROM Opportunity WHERE assigneeId IN :reps"
                + " AND stage IN :open GROUP BY assigneeId", Object[].class)
                .setParameter("reps", reps).setParameter("open", OpportunityStage.OPEN).getResultList()
                .forEach(r -> loads.put((String) r[0], ((Number) r[1]).longValue()));
        return loads;
    }

    /** Won and lost closes since an instant per assignee ({@code [won, lost]}), of the given reps or, with reps null, of a team. */
    public Map<String, long[]> closesSince(Collection<String> reps, String team, Instant since) {
        Map<String, long[]> closes = new HashMap<>();
        if (reps != null && reps.isEmpty()) {
            return closes;
        }
        var query = getEntityManager().createQuery("SELECT assigneeId, stage, count(*) FROM Opportunity WHERE"
                + (reps != null ? " assigneeId IN :reps" : " team = :team")
                + " AND stage IN :closed AND closedAt >= :since GROUP BY assigneeId, stage", Object[].class)
                .setParameter("closed", List.of(OpportunityStage.WON, OpportunityStage.LOST)).setParameter("since", since);
        if (reps != null) {
            query.setParameter("reps", reps);
        } else {
            query.setParameter("team", team);
        }
        for (Object[] r : query.getResultList()) {
            long[] wonLost = closes.computeIfAbsent(String.valueOf(r[0]), k -> new long[2]);
            wonLost[r[1] == OpportunityStage.WON ? 0 : 1] += ((Number) r[2]).longValue();
        }
        return closes;
    }

    /** The products each rep has won before: the products of interest and the line skus of their won opportunities. */
    public Map<String, Set<String>> productsWon(Collection<String> reps) {
        Map<String, Set<String>> products = new HashMap<>();
        if (reps.isEmpty()) {
            return products;
        }
        getEntityManager().createQuery("SELECT o.assigneeId, p FROM Opportunity o JOIN o.productsOfInterest p"
                + " WHERE o.assigneeId IN :reps AND o.stage = :won", Object[].class)
                .setParameter("reps", reps).setParameter("won", OpportunityStage.WON).getResultList()
                .forEach(r -> products.computeIfAbsent((String) r[0], k -> new HashSet<>()).add((String) r[1]));
        getEntityManager().createQuery("SELECT o.assigneeId, l.sku FROM Opportunity o JOIN o.wonLines l"
                + " WHERE o.assigneeId IN :reps AND o.stage = :won", Object[].class)
                .setParameter("reps", reps).setParameter("won", OpportunityStage.WON).getResultList()
                .forEach(r -> products.computeIfAbsent((String) r[0], k -> new HashSet<>()).add((String) r[1]));
        return products;
    }

    /** Closed opportunities for the win/loss analysis: closed in [from, to), in a team (null: all), optionally filtered. */
    public List<Opportunity> closedBetween(Instant from, Instant to, String team, OpportunitySource source,
            CloseReason reason, String competitor) {
        Parameters params = Parameters.with("from", from).and("to", to)
                .and("closed", List.of(OpportunityStage.WON, OpportunityStage.LOST));
        StringBuilder where = new StringBuilder("stage IN :closed AND closedAt >= :from AND closedAt < :to");
        if (team != null) {
            where.append(" AND team = :team");
            params.and("team", team);
        }
        if (source != null) {
            where.append(" AND source = :source");
            params.and("source", source);
        }
        if (reason != null) {
            where.append(" AND closeReason = :reason");
            params.and("reason", reason);
        }
        if (competitor != null) {
            where.append(" AND lower(competitor) = :competitor");
            params.and("competitor", competitor.strip().toLowerCase(java.util.Locale.ROOT));
        }
        return find(where.toString(), Sort.by("closedAt").and("id"), params).list();
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
