package com.salesaffairs.reporting.repository;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Query;

import com.salesaffairs.reporting.domain.SalesTrendQuery;
import com.salesaffairs.reporting.domain.TeamReach;
import com.salesaffairs.reporting.domain.TrendDimension;

/** What the native report queries share: the fact column of a dimension, the parameters, the rows. */
final class ReadModelRows {
    private ReadModelRows() {
    }

    /** The column of {@code sales_fact} and {@code refund_fact} that holds the dimension; never caller text. */
    static String factColumn(TrendDimension dimension) {
        return switch (dimension) {
            case CHANNEL -> "channel";
            case REGION -> "region";
            case TEAM -> "team";
            case CATEGORY -> throw new IllegalArgumentException("category is an attribute of order lines");
        };
    }

    /** Binds :from, :to, :currency and, for a single team, :team. */
    static Query trendParameters(Query q, SalesTrendQuery query, TeamReach reach) {
        q.setParameter("from", query.window().from())
                .setParameter("to", query.window().to())
                .setParameter("currency", query.currency());
        if (!reach.everyTeam()) {
            q.setParameter("team", reach.team());
        }
        return q;
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
