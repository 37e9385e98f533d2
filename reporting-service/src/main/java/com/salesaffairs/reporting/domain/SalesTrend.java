package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Buckets daily sales into periods. Every period of the window is present, zero-filled: in a split
 * trend, every period for every group that sold or refunded anything in the window, so that each
 * group's series can be drawn without gaps.
 */
public final class SalesTrend {

    private SalesTrend() {
    }

    /**
     * @param split false for one series (every row's group is ignored), true for one series per group
     * @return points sorted by period, then group (a null group last)
     */
    public static List<TrendPoint> of(ReportWindow window, Granularity granularity, boolean split,
            List<DailySales> days) {
        List<String> periods = window.periods(granularity);
        Comparator<String> byGroup = Comparator.nullsLast(Comparator.naturalOrder());
        TreeSet<String> groups = new TreeSet<>(byGroup);
        Map<Key, Sum> sums = new HashMap<>();
        for (DailySales day : days) {
            if (!window.contains(day.day())) {
                throw new IllegalArgumentException("sales of " + day.day() + " are outside the window " + window);
            }
            String group = split ? day.group() : null;
            groups.add(group);
            sums.computeIfAbsent(new Key(granularity.periodOf(day.day()), group), k -> new Sum()).add(day);
        }
        if (!split) {
            groups.clear();
            groups.add(null);
        }
        List<TrendPoint> points = new ArrayList<>(periods.size() * groups.size());
        for (String period : periods) {
            for (String group : groups) {
                points.add(sums.getOrDefault(new Key(period, group), new Sum()).point(period, group));
            }
        }
        return points;
    }

    private record Key(String period, String group) {
    }

    private static final class Sum {
        private BigDecimal net = BigDecimal.ZERO;
        private BigDecimal cost = BigDecimal.ZERO;
        private long orders;

        void add(DailySales day) {
            net = net.add(day.netAmount());
            cost = cost.add(day.costAmount());
            orders += day.orders();
        }

        TrendPoint point(String period, String group) {
            // Refunds split across categories carry more than two decimals until here.
            BigDecimal netAmount = net.setScale(2, RoundingMode.HALF_EVEN);
            BigDecimal costAmount = cost.setScale(2, RoundingMode.HALF_EVEN);
            return new TrendPoint(period, group, netAmount, costAmount, netAmount.subtract(costAmount), orders);
        }
    }
}
