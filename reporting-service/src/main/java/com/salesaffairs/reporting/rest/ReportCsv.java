package com.salesaffairs.reporting.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.salesaffairs.reporting.rest.ReportViews.MarketRowView;
import com.salesaffairs.reporting.rest.ReportViews.MarketView;
import com.salesaffairs.reporting.rest.ReportViews.SalesTrendView;
import com.salesaffairs.reporting.rest.ReportViews.TrendPointView;

/**
 * The trend and market documents as RFC 4180 CSV for spreadsheets: a header row, CRLF line ends,
 * fields with commas, quotes or line breaks quoted. Text that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or CR) is prefixed with {@code '}: group names come from other
 * services' events, and a CSV opened by a manager must not execute them. Numbers are written plain.
 */
final class ReportCsv {
    static final String TOTAL = "TOTAL";
    private static final String CRLF = "\r\n";

    private ReportCsv() {
    }

    static String trend(SalesTrendView trend) {
        StringBuilder csv = new StringBuilder();
        row(csv, List.of("period", "group", "netAmount", "costAmount", "grossMargin", "orders"));
        for (TrendPointView p : trend.points()) {
            row(csv, List.of(text(p.period()), text(p.group()), number(p.netAmount()), number(p.costAmount()),
                    number(p.grossMargin()), Long.toString(p.orders())));
        }
        return csv.toString();
    }

    /** The groups, then a {@value #TOTAL} row. */
    static String market(MarketView market) {
        StringBuilder csv = new StringBuilder();
        row(csv, List.of(market.dimension(), "revenue", "cost", "margin", "marginPercent", "sharePercent", "orders",
                "previousRevenue", "growthPercent"));
        for (MarketRowView r : market.rows()) {
            marketRow(csv, text(r.group()), r);
        }
        marketRow(csv, TOTAL, market.total());
        return csv.toString();
    }

    private static void marketRow(StringBuilder csv, String group, MarketRowView r) {
        row(csv, List.of(group, number(r.revenue()), number(r.cost()), number(r.margin()), number(r.marginPercent()),
                number(r.sharePercent()), Long.toString(r.orders()), number(r.previousRevenue()),
                number(r.growthPercent())));
    }

    private static void row(StringBuilder csv, List<String> fields) {
        List<String> quoted = new ArrayList<>(fields.size());
        for (String field : fields) {
            quoted.add(quote(field));
        }
        csv.append(String.join(",", quoted)).append(CRLF);
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** A text cell, defused against formula injection; null is an empty cell. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }

    private static String quote(String field) {
        if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
            return "\"" + field.replace("\"", "\"\"") + "\"";
        }
        return field;
    }
}
