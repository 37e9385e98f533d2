package com.salesaffairs.reporting.repository;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.reporting.domain.DailySales;
import com.salesaffairs.reporting.domain.RefundFact;
import com.salesaffairs.reporting.domain.SalesTrendQuery;
import com.salesaffairs.reporting.domain.TeamReach;
import com.salesaffairs.reporting.domain.TrendDimension;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RefundFactRepository implements PanacheRepositoryBase<RefundFact, UUID> {

    /** Stores the refund unless it is already known; true when it was new. */
    public boolean addIfNew(RefundFact fact) {
        if (findByIdOptional(fact.refundId()).isPresent()) {
            return false;
        }
        persist(fact);
        return true;
    }

    /** Refunded amounts per refund day (and group) of the window, as negative daily sales. */
    public List<DailySales> dailyRefunds(SalesTrendQuery query, TeamReach reach) {
        String where = " WHERE r.refunded_on BETWEEN :from AND :to AND r.currency = :currency"
                + (reach.everyTeam() ? "" : " AND r.team = :team");
        String sql;
        if (query.groupBy() == TrendDimension.CATEGORY) {
            // A refund names no category: it is shared out over the order's categories by their net amounts.
            sql = "WITH refunded AS (SELECT r.* FROM refund_fact r" + where + "),"
                    + " shares AS (SELECT l.order_id, l.category,"
                    + " l.net / NULLIF(SUM(l.net) OVER (PARTITION BY l.order_id), 0) AS share"
                    + " FROM sales_fact_line l WHERE l.order_id IN (SELECT order_id FROM refunded))"
                    + " SELECT r.refunded_on, CASE WHEN s.order_id IS NULL THEN '" + TrendDimension.UNALLOCATED + "'"
                    + " ELSE COALESCE(s.category, '" + TrendDimension.UNKNOWN + "') END,"
                    + " SUM(r.amount * COALESCE(s.share, 1))"
                    + " FROM refunded r LEFT JOIN shares s ON s.order_id = r.order_id AND s.share IS NOT NULL"
                    + " GROUP BY 1, 2";
        } else {
            String group = query.groupBy() == null ? "CAST(NULL AS VARCHAR)"
                    : "COALESCE(r." + ReadModelRows.factColumn(query.groupBy()) + ", '" + TrendDimension.UNKNOWN + "')";
            sql = "SELECT r.refunded_on, " + group + ", SUM(r.amount) FROM refund_fact r" + where + " GROUP BY 1, 2";
        }
        return ReadModelRows.rows(ReadModelRows.trendParameters(getEntityManager().createNativeQuery(sql), query, reach))
                .stream()
                .map(r -> DailySales.refund(ReadModelRows.day(r[0]), (String) r[1], (BigDecimal) r[2]))
                .toList();
    }
}
