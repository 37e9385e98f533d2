package com.salesaffairs.reporting.repository;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.reporting.domain.DailySales;
import com.salesaffairs.reporting.domain.MarketDimension;
import com.salesaffairs.reporting.domain.MarketQuery;
import com.salesaffairs.reporting.domain.MarketSales;
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
                + reach.sql("r.team", "r.owner_id");
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

    /**
     * Refunded amounts per market group, in the query's window and the one before it, as negative
     * revenue. By segment, the customer is the refund's, or else the refunded order's.
     */
    public List<MarketSales> marketRefunds(MarketQuery query, TeamReach reach) {
        String sql = "SELECT " + ReadModelRows.marketGroup(query.dimension()) + ", f.refunded_on < :from,"
                + " SUM(f.amount) FROM refund_fact f"
                + (query.dimension() == MarketDimension.SEGMENT
                        ? " LEFT JOIN sales_fact o ON o.order_id = f.order_id"
                                + " LEFT JOIN customer_fact c ON c.customer_id = COALESCE(f.customer_id, o.customer_id)"
                        : "")
                + " WHERE f.refunded_on BETWEEN :previousFrom AND :to AND f.currency = :currency"
                + reach.sql("f.team", "f.owner_id")
                + " GROUP BY 1, 2";
        return ReadModelRows.rows(ReadModelRows.marketParameters(getEntityManager().createNativeQuery(sql), query, reach))
                .stream()
                .map(r -> MarketSales.refund((String) r[0], (Boolean) r[1], (BigDecimal) r[2]))
                .toList();
    }
}
