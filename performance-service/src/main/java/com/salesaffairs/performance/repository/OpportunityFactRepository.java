package com.salesaffairs.performance.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.OpportunityOutcome;

/** {@code opportunity_outcome}: each opportunity's newest known outcome, for the win rate. */
@ApplicationScoped
public class OpportunityFactRepository {
    private final EntityManager em;

    public OpportunityFactRepository(EntityManager em) {
        this.em = em;
    }

    /** Where the opportunity counted so far: its rep, booked month (null while open) and version. */
    public record Counted(String repId, String bookedPeriod, int version) {
    }

    /** The row as it stands, locked until the transaction ends, so two facts of it apply one after the other. */
    public Optional<Counted> lock(OpportunityOutcome fact) {
        List<?> rows = em.createNativeQuery("""
                SELECT rep_id, booked_period, version FROM opportunity_outcome
                WHERE opportunity_id = CAST(:id AS uuid) FOR UPDATE""")
                .setParameter("id", fact.opportunityId().toString()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Counted((String) row[0], (String) row[1], ((Number) row[2]).intValue()));
    }

    /**
     * Writes the outcome if it is newer than the one kept (by the opportunity's version); false when
     * an equal or newer version is already there (a late, out-of-order fact).
     */
    public boolean upsertIfNewer(OpportunityOutcome fact, KpiPeriod booked, Instant at) {
        KpiPeriod period = fact.period();
        return em.createNativeQuery("""
                INSERT INTO opportunity_outcome AS o (opportunity_id, rep_id, team, region, outcome, amount, version,
                                                      closed_at, period, booked_period, updated_at)
                VALUES (CAST(:id AS uuid), :rep, :team, :region, :outcome, CAST(:amount AS numeric), :version,
                        CAST(:closed AS timestamptz), :period, :booked, :at)
                ON CONFLICT (opportunity_id) DO UPDATE SET
                    rep_id = EXCLUDED.rep_id, team = EXCLUDED.team, region = EXCLUDED.region,
                    outcome = EXCLUDED.outcome, amount = EXCLUDED.amount, version = EXCLUDED.version,
                    closed_at = EXCLUDED.closed_at, period = EXCLUDED.period, booked_period = EXCLUDED.booked_period,
                    updated_at = EXCLUDED.updated_at
                WHERE o.version < EXCLUDED.version""")
                .setParameter("id", fact.opportunityId().toString())
                .setParameter("rep", fact.repId())
                .setParameter("team", fact.team())
                .setParameter("region", fact.region())
                .setParameter("outcome", fact.outcome().name())
                .setParameter("amount", fact.amount() == null ? null : fact.amount().toPlainString())
                .setParameter("version", fact.version())
                .setParameter("closed", fact.closedAt() == null ? null : fact.closedAt().toString())
                .setParameter("period", period == null ? null : period.toString())
                .setParameter("booked", booked == null ? null : booked.toString())
                .setParameter("at", at)
                .executeUpdate() == 1;
    }
}
