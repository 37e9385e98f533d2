package com.salesaffairs.reporting.repository;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.reporting.domain.DailySales;
import com.salesaffairs.reporting.domain.MarketDimension;
import com.salesaffairs.reporting.domain.MarketQuery;
import com.salesaffairs.reporting.domain.MarketSales;
import com.salesaffairs.reporting.domain.SalesFact;
import com.salesaffairs.reporting.domain.SalesTrendQuery;
import com.salesaffairs.reporting.domain.TeamReach;
import com.salesaffairs.reporting.domain.TrendDimension;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SalesFactRepository implements PanacheRepositoryBase<SalesFact, UUID> {

    /** Stores the fact unless the order is already known; true when it was new. */
    public boolean addIfNew(SalesFact fact) {
        if (findByIdOptional(fact.orderId()).isPresent()) {
            return false;
        }
        persist(fact);
        return true;
    }

    /** Net, cost and orders per settled day (and group) of the query's window, within the caller's reach. */
    public List<DailySales> dailySales(SalesTrendQuery query, TeamReach reach) {
        boolean byCategory = query.groupBy() == TrendDimension.CATEGORY;
        String group = query.groupBy() == null ? "CAST(NULL AS VARCHAR)"
                : byCategory ? "COALESCE(l.category, '" + TrendDimension.UNKNOWN + "')"
                : "COALESCE(f." + ReadModelRows.factColumn(query.groupBy()) + ", '" + TrendDimension.UNKNOWN + "')";
        // By category, an order's lines are what is split; an order with lines in two categories counts in both.
        String sql = "SELECT f.settled_on, " + group + ", "
                + (byCategory ? "SUM(l.net), SUM(l.cost)" : "SUM(f.net_amount), SUM(f.cost_amount)")
                + ", COUNT(DISTINCT f.order_id) FROM sales_fact f"
                + (byCategory ? " JOIN sales_fact_line l ON l.order_id = f.order_id" : "")
                + " WHERE f.settled_on BETWEEN :from AND :to AND f.currency = :currency"
                + reach.sql("f.team", "f.owner_id")
                + " GROUP BY 1, 2";
        return ReadModelRows.rows(ReadModelRows.trendParameters(getEntityManager().createNativeQuery(sql), query, reach)).stream()
                .map(r -> new DailySales(ReadModelRows.day(r[0]), (String) r[1], (BigDecimal) r[2], (BigDecimal) r[3],
                        ((Number) r[4]).longValue()))
                .toList();
    }

    /**
     * Revenue, cost and orders per market group, in the query's window and the one before it (one scan
     * over both), within the caller's reach. By segment, the customer's segment as last heard.
     */
    public List<MarketSales> marketSales(MarketQuery query, TeamReach reach) {
        String sql = "SELECT " + ReadModelRows.marketGroup(query.dimension()) + ", f.settled_on < :from,"
                + " SUM(f.net_amount), SUM(f.cost_amount), COUNT(*) FROM sales_fact f"
                + (query.dimension() == MarketDimension.SEGMENT
                        ? " LEFT JOIN customer_fact c ON c.customer_id = f.customer_id" : "")
                + " WHERE f.settled_on BETWEEN :previousFrom AND :to AND f.currency = :currency"
                + reach.sql("f.team", "f.owner_id")
                + " GROUP BY 1, 2";
        return ReadModelRows.rows(ReadModelRows.marketParameters(getEntityManager().createNativeQuery(sql), query, reach))
                .stream()
                .map(r -> new MarketSales((String) r[0], (Boolean) r[1], (BigDecimal) r[2], (BigDecimal) r[3],
                        ((Number) r[4]).longValue()))
                .toList();
    }
}
