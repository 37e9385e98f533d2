package com.salesaffairs.reporting.repository;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * The daily totals of V9 ({@code sales_day_fact} by team, region and channel, {@code sales_day_rep_fact}
 * by team and rep, {@code sales_day_category_fact} by team and category): what the trend and the market
 * by region and channel read for a director or manager instead of every order of their window. Kept in
 * the transaction that stores the facts, from the facts just stored: both ingest paths
 * ({@link SalesFactBatch#addIfNew} for a poll, {@link SalesFactRepository#addIfNew} per event, which a
 * rebuild replays through) call {@link #add} with the orders they stored now and no others, so a copy of
 * an order (same or another ce_id) never adds twice. The totals are summed in SQL from
 * {@code sales_fact} and {@code sales_fact_line} with the grouping of V9's backfill, so they are the
 * facts' sums by construction. Rows are upserted in key order, so two transactions adding to the same
 * days take the rows' locks in the same order.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SalesDayFacts {
    private static final String DAYS = """
            INSERT INTO sales_day_fact AS d (day, currency, team, region, channel, net, cost, orders)
            SELECT settled_on, currency, team, region, channel, SUM(net_amount), SUM(cost_amount), COUNT(*)
            FROM sales_fact WHERE order_id = ANY (CAST(? AS uuid[]))
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            ON CONFLICT (day, currency, team, region, channel) DO UPDATE
            SET net = d.net + EXCLUDED.net, cost = d.cost + EXCLUDED.cost, orders = d.orders + EXCLUDED.orders""";
    private static final String REPS = """
            INSERT INTO sales_day_rep_fact AS d (day, currency, team, owner_id, net, cost, orders)
            SELECT settled_on, currency, team, owner_id, SUM(net_amount), SUM(cost_amount), COUNT(*)
            FROM sales_fact WHERE order_id = ANY (CAST(? AS uuid[]))
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            ON CONFLICT (day, currency, team, owner_id) DO UPDATE
            SET net = d.net + EXCLUDED.net, cost = d.cost + EXCLUDED.cost, orders = d.orders + EXCLUDED.orders""";
    private static final String CATEGORIES = """
            INSERT INTO sales_day_category_fact AS d (day, currency, team, category, net, cost, orders)
            SELECT f.settled_on, f.currency, f.team, COALESCE(l.category, 'UNKNOWN'), SUM(l.net), SUM(l.cost),
                   COUNT(DISTINCT f.order_id)
            FROM sales_fact f JOIN sales_fact_line l ON l.order_id = f.order_id
            WHERE f.order_id = ANY (CAST(? AS uuid[]))
            GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            ON CONFLICT (day, currency, team, category) DO UPDATE
            SET net = d.net + EXCLUDED.net, cost = d.cost + EXCLUDED.cost, orders = d.orders + EXCLUDED.orders""";

    private final EntityManager em;

    public SalesDayFacts(EntityManager em) {
        this.em = em;
    }

    /**
     * Adds the orders to the daily totals. They must be stored (with their lines, flushed) in this
     * transaction, and stored now: an order added twice counts twice.
     */
    public void add(Collection<UUID> storedNow) {
        if (storedNow.isEmpty()) {
            return;
        }
        String[] ids = storedNow.stream().map(UUID::toString).toArray(String[]::new);
        em.unwrap(Session.class).doWork(c -> {
            for (String sql : new String[] { DAYS, REPS, CATEGORIES }) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setArray(1, c.createArrayOf("varchar", ids));
                    s.executeUpdate();
                }
            }
        });
    }
}
