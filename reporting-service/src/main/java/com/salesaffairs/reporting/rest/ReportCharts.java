package com.salesaffairs.reporting.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.salesaffairs.reporting.rest.ChartSvg.Bar;
import com.salesaffairs.reporting.rest.ChartSvg.Series;
import com.salesaffairs.reporting.rest.ReportViews.MarketRowView;
import com.salesaffairs.reporting.rest.ReportViews.MarketView;
import com.salesaffairs.reporting.rest.ReportViews.SalesTrendView;
import com.salesaffairs.reporting.rest.ReportViews.TrendPointView;

/**
 * The trend as a line chart of net sales (one line per group) and the market analysis as a bar
 * chart of revenue per group labelled with its share, drawn from the same documents the JSON
 * answer carries, so the three forms never disagree.
 */
final class ReportCharts {
    private ReportCharts() {
    }

    static String trend(SalesTrendView trend) {
        Map<String, Integer> column = new LinkedHashMap<>();
        trend.points().forEach(p -> column.putIfAbsent(p.period(), column.size()));
        List<String> periods = new ArrayList<>(column.keySet());
        Map<String, BigDecimal[]> byGroup = new LinkedHashMap<>();
        for (TrendPointView p : trend.points()) {
            byGroup.computeIfAbsent(p.group() == null ? "all" : p.group(), g -> new BigDecimal[periods.size()])
                    [column.get(p.period())] = p.netAmount();
        }
        List<Series> series = byGroup.entrySet().stream().map(e -> new Series(e.getKey(), List.of(zeroFilled(e.getValue()))))
                .toList();
        String title = "Net sales per " + trend.granularity() + (trend.groupBy() == null ? "" : " by " + trend.groupBy());
        return ChartSvg.lineChart(title, subtitle(trend.from() + " to " + trend.to(), trend.currency(), trend.team(),
                trend.repId()), "net sales (" + trend.currency() + ")", periods, series);
    }

    static String market(MarketView market) {
        List<Bar> bars = market.rows().stream()
                .map(r -> new Bar(Objects.requireNonNullElse(r.group(), "UNKNOWN"), r.revenue(), barLabel(r)))
                .toList();
        String growth = market.total().growthPercent() == null ? "no revenue before"
                : market.total().growthPercent().toPlainString() + "%";
        String subtitle = subtitle(market.from() + " to " + market.to(), market.currency(), market.team(), market.repId())
                + "; total " + market.total().revenue().toPlainString() + ", growth " + growth + " against "
                + market.previousFrom() + " to " + market.previousTo();
        return ChartSvg.barChart("Revenue by " + market.dimension(), subtitle, "revenue (" + market.currency() + ")", bars);
    }

    private static String barLabel(MarketRowView r) {
        return ChartSvg.compact(r.revenue()) + (r.sharePercent() == null ? "" : " (" + r.sharePercent().toPlainString() + "%)");
    }

    private static String subtitle(String range, String currency, String team, String repId) {
        String scope = repId != null ? "own sales of " + repId : team != null ? "team " + team : "all teams";
        return range + ", " + currency + ", " + scope;
    }

    private static BigDecimal[] zeroFilled(BigDecimal[] values) {
        BigDecimal[] filled = values.clone();
        for (int i = 0; i < filled.length; i++) {
            if (filled[i] == null) {
                filled[i] = BigDecimal.ZERO;
            }
        }
        return filled;
    }
}
