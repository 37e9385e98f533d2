package com.salesaffairs.reporting.repository;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Query;

import com.salesaffairs.reporting.domain.MarketDimension;
import com.salesaffairs.reporting.domain.MarketQuery;
import com.salesaffairs.reporting.domain.SalesTrendQuery;
import com.salesaffairs.reporting.domain.TeamReach;
import com.salesaffairs.reporting.domain.TrendDimension;

/** What the native report queries share: the fact column of a dimension, the parameters, the rows. */
final class ReadModelRows {
    private ReadModelRows() {
    }

    /**
     * The column of {@code sales_fact}, {@code sales_day_fact} and {@code refund_fact} that holds the
     * dimension; never caller text.
     */
    static String factColumn(TrendDimension dimension) {
        return switch (dimension) {
            case CHANNEL -> "channel";
            case REGION -> "region";
            case TEAM -> "team";
            case REP -> "owner_id";
            case CATEGORY -> throw new IllegalArgumentException("category is an attribute of order lines");
        };
    }

    /**
     * The SQL of a market group over facts aliased {@code f} (sales, daily totals or refunds) and, for the
     * segment, the customer aliased {@code c}; UNKNOWN where the fact or customer does not say.
     */
    static String marketGroup(MarketDimension dimension) {
        return switch (dimension) {
            case REGION -> "COALESCE(f.region, '" + TrendDimension.UNKNOWN + "')";
            case CHANNEL -> "COALESCE(f.channel, '" + TrendDimension.UNKNOWN + "')";
            case SEGMENT -> "COALESCE(c.segment, '" + TrendDimension.UNKNOWN + "')";
        };
    }

    /** Binds :previousFrom, :from, :to, :currency and the reach, for a market query over both windows. */
    static Query marketParameters(Query q, MarketQuery query, TeamReach reach) {
        q.setParameter("previousFrom", query.previousWindow().from())
                .setParameter("from", query.window().from())
                .setParameter("to", query.window().to())
                .setParameter("currency", query.currency());
        return reach.bind(q);
    }

    /** Binds :from, :to, :currency and the reach's owner or team ({@link TeamReach#bind(Query)}). */
    static Query trendParameters(Query q, SalesTrendQuery query, TeamReach reach) {
        q.setParameter("from", query.window().from())
                .setParameter("to", query.window().to())
                .setParameter("currency", query.currency());
        return reach.bind(q);
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    /** A DATE column comes back as LocalDate or java.sql.Date depending on the Hibernate version. */
    static LocalDate day(Object column) {
        if (column instanceof LocalDate day) {
            return day;
        }
        if (column instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        throw new IllegalStateException("not a date column: " + column);
    }
}
