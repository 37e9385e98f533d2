package com.salesaffairs.reporting.repository;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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

    @Inject
    SalesDayFacts days;

    /**
     * Stores the fact unless the order is already known, and then adds it to the daily totals
     * ({@link SalesDayFacts}); true when it was new.
     */
    public boolean addIfNew(SalesFact fact) {
        if (findByIdOptional(fact.orderId()).isPresent()) {
            return false;
        }
        persist(fact);
        flush(); // the order and its lines, for the totals' SQL
        days.add(List.of(fact.orderId()));
        return true;
    }

    /**
     * Net, cost and orders per settled day (and group) of the query's window, within the caller's reach.
     * A director's or manager's from the daily totals (V9, {@link SalesDayFacts}): the same sums as over
     * the orders and their lines, from a few rows a day, already added up per period (a row dated on a
     * day of its period, which is all the trend reads of it). A rep's own from the facts, on their owner
     * index.
     */
    public List<DailySales> dailySales(SalesTrendQuery query, TeamReach reach) {
        return ReadModelRows.rows(ReadModelRows.trendParameters(getEntityManager().createNativeQuery(
                reach.ownOnly() ? dailySalesFromFacts(query, reach) : dailySalesFromTotals(query, reach)), query, reach))
                .stream()
                .map(r -> new DailySales(ReadModelRows.day(r[0]), (String) r[1], (BigDecimal) r[2], (BigDecimal) r[3],
                        ((Number) r[4]).longValue()))
                .toList();
    }

    private static String dailySalesFromTotals(SalesTrendQuery query, TeamReach reach) {
        TrendDimension by = query.groupBy();
        // the category table holds the category as the trend groups it (null already UNKNOWN)
        String group = by == null ? "CAST(NULL AS VARCHAR)"
                : by == TrendDimension.CATEGORY ? "f.category"
                : "COALESCE(f." + ReadModelRows.factColumn(by) + ", '" + TrendDimension.UNKNOWN + "')";
        String table = by == TrendDimension.CATEGORY ? "sales_day_category_fact"
                : by == TrendDimension.REP ? "sales_day_rep_fact" : "sales_day_fact";
        // One row per period and group rather than per day (by rep over a year: 160 rows, not 14,600): the
        // period's first day, or the window's first day when the period starts before it, so that
        // Granularity.periodOf names the same period. date_trunc's week starts on Monday, as ISO weeks do.
        String day = switch (query.granularity()) {
            case DAY -> "f.day";
            case WEEK -> "GREATEST(CAST(date_trunc('week', CAST(f.day AS timestamp)) AS date), CAST(:from AS date))";
            case MONTH -> "GREATEST(CAST(date_trunc('month', CAST(f.day AS timestamp)) AS date), CAST(:from AS date))";
            case QUARTER -> "GREATEST(CAST(date_trunc('quarter', CAST(f.day AS timestamp)) AS date), CAST(:from AS date))";
        };
        // By category, an order with lines in two categories counts in both (its orders column says so).
        return "SELECT " + day + ", " + group + ", SUM(f.net), SUM(f.cost), SUM(f.orders) FROM " + table + " f"
                + " WHERE f.day BETWEEN :from AND :to AND f.currency = :currency"
                + reach.sql("f.team", "f.owner_id")
                + " GROUP BY 1, 2";
    }

    private static String dailySalesFromFacts(SalesTrendQuery query, TeamReach reach) {
        boolean byCategory = query.groupBy() == TrendDimension.CATEGORY;
        String group = query.groupBy() == null ? "CAST(NULL AS VARCHAR)"
                : byCategory ? "COALESCE(l.category, '" + TrendDimension.UNKNOWN + "')"
                : "COALESCE(f." + ReadModelRows.factColumn(query.groupBy()) + ", '" + TrendDimension.UNKNOWN + "')";
        // By category, an order's lines are what is split; an order with lines in two categories counts in both.
        return "SELECT f.settled_on, " + group + ", "
                + (byCategory ? "SUM(l.net), SUM(l.cost)" : "SUM(f.net_amount), SUM(f.cost_amount)")
                + ", COUNT(DISTINCT f.order_id) FROM sales_fact f"
                + (byCategory ? " JOIN sales_fact_line l ON l.order_id = f.order_id" : "")
                + " WHERE f.settled_on BETWEEN :from AND :to AND f.currency = :currency"
                + reach.sql("f.team", "f.owner_id")
                + " GROUP BY 1, 2";
    }

    /**
     * Revenue, cost and orders per market group, in the query's window and the one before it (one scan
     * over both), within the caller's reach. By region and channel, a director's or manager's from the
     * daily totals (V9); a rep's own, and every one by segment, from the orders: the segment is the
     * customer's as last heard, which can change after the sale, so no total kept at ingest could say it.
     */
    public List<MarketSales> marketSales(MarketQuery query, TeamReach reach) {
        String sql = query.dimension() == MarketDimension.SEGMENT || reach.ownOnly()
                ? "SELECT " + ReadModelRows.marketGroup(query.dimension()) + ", f.settled_on < :from,"
                        + " SUM(f.net_amount), SUM(f.cost_amount), COUNT(*) FROM sales_fact f"
                        + (query.dimension() == MarketDimension.SEGMENT
                                ? " LEFT JOIN customer_fact c ON c.customer_id = f.customer_id" : "")
                        + " WHERE f.settled_on BETWEEN :previousFrom AND :to AND f.currency = :currency"
                        + reach.sql("f.team", "f.owner_id")
                        + " GROUP BY 1, 2"
                : "SELECT " + ReadModelRows.marketGroup(query.dimension()) + ", f.day < :from,"
                        + " SUM(f.net), SUM(f.cost), SUM(f.orders) FROM sales_day_fact f"
                        + " WHERE f.day BETWEEN :previousFrom AND :to AND f.currency = :currency"
                        + reach.sql("f.team", "f.owner_id")
                        + " GROUP BY 1, 2";
        return ReadModelRows.rows(ReadModelRows.marketParameters(getEntityManager().createNativeQuery(sql), query, reach))
                .stream()
                .map(r -> new MarketSales((String) r[0], (Boolean) r[1], (BigDecimal) r[2], (BigDecimal) r[3],
                        ((Number) r[4]).longValue()))
                .toList();
    }
}
