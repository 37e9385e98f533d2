package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Market analysis (issue 15): per group of a dimension, revenue (net sales less refunds), cost,
 * margin, margin %, share of the total revenue and growth against the window of equal length just
 * before. Plain arithmetic over what the read model summed, so it is unit-tested without a database.
 *
 * <p>Percentages have two decimals (half-even) and are null where they would divide by zero or
 * compare with nothing: margin % without positive revenue, share when the total revenue is not positive,
 * growth when the previous window had no positive revenue.
 *
 * @param reach whose facts were counted
 * @param rows by revenue, largest first, then by group name; every group with a fact in either window
 */
public record MarketAnalysis(MarketQuery query, TeamReach reach, Figures total, List<Row> rows) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The figures of one group, or of all of them. */
    public record Figures(BigDecimal revenue, BigDecimal cost, BigDecimal margin, BigDecimal marginPercent,
            long orders, BigDecimal previousRevenue, BigDecimal growthPercent) {
    }

    /** One group's figures and its share of the total revenue. */
    public record Row(String group, Figures figures, BigDecimal sharePercent) {
    }

    public static MarketAnalysis of(MarketQuery query, TeamReach reach, List<MarketSales> sales) {
        Map<String, Sum> current = new LinkedHashMap<>();
        Map<String, Sum> previous = new LinkedHashMap<>();
        Sum total = new Sum();
        Sum previousTotal = new Sum();
        for (MarketSales s : sales) {
            if (s.previous()) {
                previous.computeIfAbsent(s.group(), g -> new Sum()).add(s);
                current.computeIfAbsent(s.group(), g -> new Sum());
                previousTotal.add(s);
            } else {
                current.computeIfAbsent(s.group(), g -> new Sum()).add(s);
                total.add(s);
            }
        }
        Figures totalFigures = figures(total, previousTotal);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Sum> group : current.entrySet()) {
            Figures f = figures(group.getValue(), previous.getOrDefault(group.getKey(), new Sum()));
            rows.add(new Row(group.getKey(), f, percent(f.revenue(), totalFigures.revenue())));
        }
        rows.sort(Comparator.comparing((Row r) -> r.figures().revenue()).reversed()
                .thenComparing(Row::group, Comparator.nullsLast(Comparator.naturalOrder())));
        return new MarketAnalysis(query, reach, totalFigures, List.copyOf(rows));
    }

    private static Figures figures(Sum now, Sum before) {
        BigDecimal revenue = money(now.revenue);
        BigDecimal cost = money(now.cost);
        BigDecimal margin = revenue.subtract(cost);
        BigDecimal previousRevenue = money(before.revenue);
        BigDecimal growth = percent(revenue.subtract(previousRevenue), previousRevenue);
        return new Figures(revenue, cost, margin, percent(margin, revenue), now.orders,
                previousRevenue, growth);
    }

    /** part / whole in percent, null unless whole is positive. */
    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() > 0 ? ratio(part, whole) : null;
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static final class Sum {
        private BigDecimal revenue = BigDecimal.ZERO;
        private BigDecimal cost = BigDecimal.ZERO;
        private long orders;

        void add(MarketSales s) {
            revenue = revenue.add(s.revenue());
            cost = cost.add(s.cost());
            orders += s.orders();
        }
    }
}
