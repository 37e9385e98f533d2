package com.salesaffairs.opportunity.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The reps' monthly KPI figures as performance-service last published them (sales.kpi.updated.v1). */
@ApplicationScoped
public class RepKpiRepository {
    private final EntityManager em;

    public RepKpiRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Keeps the month's absolute figures unless a newer update of the same month is already kept: a
     * late, older fact never replaces a newer one.
     */
    public void keep(String repId, YearMonth period, String team, BigDecimal salesAmount, int orderCount,
            Instant updatedAt) {
        em.createNativeQuery("""
                INSERT INTO rep_kpi_month (rep_id, period, team, sales_amount, order_count, updated_at)
                VALUES (:rep, :period, :team, :sales, :orders, :at)
                ON CONFLICT (rep_id, period) DO UPDATE SET team = EXCLUDED.team, sales_amount = EXCLUDED.sales_amount,
                    order_count = EXCLUDED.order_count, updated_at = EXCLUDED.updated_at
                WHERE rep_kpi_month.updated_at <= EXCLUDED.updated_at""")
                .setParameter("rep", repId).setParameter("period", period.toString()).setParameter("team", team)
                .setParameter("sales", salesAmount).setParameter("orders", orderCount).setParameter("at", updatedAt)
                .executeUpdate();
    }

    /** Each rep's sales over the months from {@code from} to {@code to}, both included; reps without facts are absent. */
    public Map<String, BigDecimal> salesBetween(Collection<String> repIds, YearMonth from, YearMonth to) {
        Map<String, BigDecimal> sales = new HashMap<>();
        if (repIds.isEmpty()) {
            return sales;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT rep_id, sum(sales_amount) FROM rep_kpi_month
                WHERE rep_id IN (:reps) AND period >= :from AND period <= :to GROUP BY rep_id""")
                .setParameter("reps", repIds).setParameter("from", from.toString()).setParameter("to", to.toString())
                .getResultList();
        for (Object[] row : rows) {
            sales.put((String) row[0], (BigDecimal) row[1]);
        }
        return sales;
    }
}
