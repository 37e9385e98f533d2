package com.salesaffairs.reporting.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.reporting.domain.SalesFact;
import com.salesaffairs.reporting.domain.SalesFactLine;

/**
 * The consumer's bulk path for settled orders: the inbox rows of a whole poll, then its new facts and
 * their lines, each one statement over arrays ({@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO
 * NOTHING RETURNING}) on the transaction's connection. Same outcome as {@code Inbox.firstDelivery} and
 * {@link SalesFactRepository#addIfNew} per event (an event is applied once per consumer; an order is
 * stored once whatever ce_id brings it), at five round trips a poll (the last two add the orders
 * stored now to the daily totals, {@link SalesDayFacts}) instead of five an event: the
 * benchmark's profile showed the per-event statements and commits as the ingest's cost (README,
 * "Benchmark").
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SalesFactBatch {
    private final EntityManager em;
    private final SalesDayFacts days;

    public SalesFactBatch(EntityManager em, SalesDayFacts days) {
        this.em = em;
        this.days = days;
    }

    /**
     * Records the events in the inbox of {@code consumer}; returns the ids recorded now (first
     * deliveries). An id already there, or twice in the list, is returned at most once.
     */
    public Set<UUID> firstDeliveries(List<EventEnvelope> events, String consumer, Instant receivedAt) {
        if (events.isEmpty()) {
            return Set.of();
        }
        String[] ids = new String[events.size()];
        String[] types = new String[events.size()];
        String[] sources = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            ids[i] = events.get(i).id().toString();
            types[i] = events.get(i).type();
            sources[i] = events.get(i).source();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO inbox_event (ce_id, consumer, event_type, source, received_at)
                    SELECT i, ?, t, s, ? FROM unnest(CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS varchar[])) AS e(i, t, s)
                    ON CONFLICT DO NOTHING RETURNING ce_id""")) {
                s.setString(1, consumer);
                s.setTimestamp(2, Timestamp.from(receivedAt));
                s.setArray(3, text(c, ids));
                s.setArray(4, text(c, types));
                s.setArray(5, text(c, sources));
                return uuids(s);
            }
        });
    }

    /**
     * Stores the facts whose order is not stored yet, with their lines, and adds the orders stored now
     * (those alone) to the daily totals ({@link SalesDayFacts}); returns the orders stored now. Of two
     * facts of one order in the list, the first is stored.
     */
    public Set<UUID> addIfNew(List<SalesFact> facts) {
        Set<UUID> stored = store(facts);
        days.add(stored);
        return stored;
    }

    private Set<UUID> store(List<SalesFact> facts) {
        if (facts.isEmpty()) {
            return Set.of();
        }
        List<SalesFact> distinct = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (SalesFact f : facts) {
            if (seen.add(f.orderId())) {
                distinct.add(f);
            }
        }
        int n = distinct.size();
        String[][] cols = new String[13][n];
        for (int i = 0; i < n; i++) {
            SalesFact f = distinct.get(i);
            cols[0][i] = f.orderId().toString();
            cols[1][i] = f.orderNumber();
            cols[2][i] = f.settledOn().toString();
            cols[3][i] = f.settledAt().toString();
            cols[4][i] = f.ownerId();
            cols[5][i] = f.team();
            cols[6][i] = f.region();
            cols[7][i] = f.channel();
            cols[8][i] = f.currency();
            cols[9][i] = f.netAmount().toPlainString();
            cols[10][i] = f.costAmount().toPlainString();
            cols[11][i] = f.customerId().toString();
            cols[12][i] = f.recordedAt().toString();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            Set<UUID> stored;
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO sales_fact (order_id, order_number, settled_on, settled_at, owner_id, team, region, channel,
                                            currency, net_amount, cost_amount, customer_id, recorded_at)
                    SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS varchar[]), CAST(? AS date[]), CAST(? AS timestamptz[]),
                                         CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                                         CAST(? AS varchar[]), CAST(? AS numeric[]), CAST(? AS numeric[]), CAST(? AS uuid[]),
                                         CAST(? AS timestamptz[]))
                    ON CONFLICT (order_id) DO NOTHING RETURNING order_id""")) {
                for (int col = 0; col < cols.length; col++) {
                    s.setArray(col + 1, text(c, cols[col]));
                }
                stored = uuids(s);
            }
            List<String[]> lines = new ArrayList<>();
            for (SalesFact f : distinct) {
                if (!stored.contains(f.orderId())) {
                    continue;
                }
                List<SalesFactLine> ls = f.lines();
                for (int no = 0; no < ls.size(); no++) {
                    SalesFactLine l = ls.get(no);
                    lines.add(new String[] { f.orderId().toString(), String.valueOf(no), l.sku(), l.category(),
                            String.valueOf(l.quantity()), l.net().toPlainString(), l.cost().toPlainString() });
                }
            }
            if (!lines.isEmpty()) {
                String[][] lineCols = new String[7][lines.size()];
                for (int i = 0; i < lines.size(); i++) {
                    for (int col = 0; col < 7; col++) {
                        lineCols[col][i] = lines.get(i)[col];
                    }
                }
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO sales_fact_line (order_id, line_no, sku, category, quantity, net, cost)
                        SELECT * FROM unnest(CAST(? AS uuid[]), CAST(? AS int[]), CAST(? AS varchar[]), CAST(? AS varchar[]),
                                             CAST(? AS int[]), CAST(? AS numeric[]), CAST(? AS numeric[]))""")) {
                    for (int col = 0; col < 7; col++) {
                        s.setArray(col + 1, text(c, lineCols[col]));
                    }
                    s.executeUpdate();
                }
            }
            return stored;
        });
    }

    private static Array text(Connection c, String[] values) throws SQLException {
        return c.createArrayOf("varchar", values);
    }

    private static Set<UUID> uuids(PreparedStatement s) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }
}
