package com.salesaffairs.performance.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.performance.domain.KpiContribution;
import com.salesaffairs.performance.domain.KpiFact;
import com.salesaffairs.performance.domain.KpiFigures;
import com.salesaffairs.performance.domain.KpiPeriod;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class KpiFactRepository implements PanacheRepositoryBase<KpiFact, KpiFact.Key> {
    /**
     * The first key of the two-int advisory locks of "a rep's booked month" (ASCII "KPIm"); the
     * two-int form is a key space of its own, apart from the bigint lock of appraisal months.
     */
    static final int REP_MONTH_LOCKS = 0x4B50_496D;

    /** A rep's booked month, as a lock. */
    public record RepMonth(String repId, KpiPeriod period) {
        /** The second lock key: String.hashCode is specified, so every replica computes the same one. */
        int lockKey() {
            return (repId + "/" + period).hashCode();
        }
    }

    /**
     * Serializes every writer of the given reps' booked months until the transaction ends: the
     * order, survey, report and opportunity consumers each write their own table and then publish
     * the month assembled from all of them, so two of them at once could each publish a snapshot
     * without the other's fact. Taken after {@code AppraisalCalendar.bookingPeriod} (the booked
     * month is known) and before the fact is written; several months are locked in key order, so
     * two transactions locking the same two months cannot deadlock. A hash collision only makes two
     * unrelated months wait for each other.
     */
    public void lockMonths(Collection<RepMonth> months) {
        months.stream().map(RepMonth::lockKey).distinct().sorted(Comparator.naturalOrder())
                .forEach(key -> getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:space, :key)")
                        .setParameter("space", REP_MONTH_LOCKS).setParameter("key", key).getSingleResult());
    }

    /** {@link #lockMonths} for one month. */
    public void lockMonth(String repId, KpiPeriod period) {
        lockMonths(List.of(new RepMonth(repId, period)));
    }

    /**
     * Adds the contribution to the rep's month in one statement and returns the row as it now
     * stands. The addition happens in the database under the row lock, so two consumers applying
     * orders of the same rep at once both count; the caller's transaction also holds the inbox
     * record, so a redelivery adds nothing.
     */
    public KpiFact add(KpiContribution c, Instant at) {
        return (KpiFact) getEntityManager().createNativeQuery("""
                INSERT INTO kpi_fact AS kpi (rep_id, period, team, region, currency, sales_amount, cost_amount,
                                             order_count, refund_count, updated_at)
                VALUES (:rep, :period, :team, :region, :currency, :sales, :cost, :orders, :refunds, :at)
                ON CONFLICT (rep_id, period) DO UPDATE SET
                    team         = COALESCE(EXCLUDED.team, kpi.team),
                    region       = COALESCE(EXCLUDED.region, kpi.region),
                    sales_amount = kpi.sales_amount + EXCLUDED.sales_amount,
                    cost_amount  = kpi.cost_amount + EXCLUDED.cost_amount,
                    order_count  = kpi.order_count + EXCLUDED.order_count,
                    refund_count = kpi.refund_count + EXCLUDED.refund_count,
                    updated_at   = GREATEST(kpi.updated_at, EXCLUDED.updated_at)
                RETURNING *""", KpiFact.class)
                .setParameter("rep", c.repId())
                .setParameter("period", c.period().toString())
                .setParameter("team", c.team())
                .setParameter("region", c.region())
                .setParameter("currency", KpiFigures.CURRENCY)
                .setParameter("sales", c.salesDelta())
                .setParameter("cost", c.costDelta())
                .setParameter("orders", c.orders())
                .setParameter("refunds", c.refunds())
                .setParameter("at", at)
                .getSingleResult();
    }

    public Optional<KpiFact> of(String repId, KpiPeriod period) {
        return find("repId = :rep and period = :period",
                Parameters.with("rep", repId).and("period", period.toString())).firstResultOptional();
    }

    /** The rep's most recent month with facts: where performance-service last saw them working. */
    public Optional<KpiFact> latest(String repId) {
        return find("repId = :rep", Sort.descending("period"), Parameters.with("rep", repId)).firstResultOptional();
    }

    public List<KpiFact> ofTeam(String team, KpiPeriod period) {
        return list("team = :team and period = :period", Sort.by("repId"),
                Parameters.with("team", team).and("period", period.toString()));
    }
}
