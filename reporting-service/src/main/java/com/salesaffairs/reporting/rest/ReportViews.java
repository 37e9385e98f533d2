package com.salesaffairs.reporting.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.salesaffairs.reporting.domain.AftersalesSummary;
import com.salesaffairs.reporting.domain.SalesTrendReport;
import com.salesaffairs.reporting.domain.TrendPoint;

/** The report documents the API answers with. */
public final class ReportViews {
    private ReportViews() {
    }

    @Schema(description = "Net sales, cost, gross margin and settled orders per period. Refunds lower netAmount on the day they were paid.")
    public record SalesTrendView(
            @Schema(enumeration = { "day", "week", "month" }) String granularity,
            LocalDate from,
            LocalDate to,
            @Schema(description = "ISO-4217; only facts in this currency are counted") String currency,
            @Schema(enumeration = { "channel", "region", "team", "category" }, nullable = true) String groupBy,
            List<TrendPointView> points) {

        static SalesTrendView of(SalesTrendReport report) {
            var q = report.query();
            return new SalesTrendView(q.granularity().apiName(), q.window().from(), q.window().to(), q.currency(),
                    q.groupBy() == null ? null : q.groupBy().apiName(),
                    report.points().stream().map(TrendPointView::of).toList());
        }
    }

    public record TrendPointView(
            @Schema(description = "2026-11-27 (day), 2026-W48 (ISO week), 2026-11 (month)") String period,
            @Schema(description = "the group's value when split (UNKNOWN for facts without it), null otherwise", nullable = true) String group,
            BigDecimal netAmount,
            BigDecimal costAmount,
            @Schema(description = "netAmount - costAmount") BigDecimal grossMargin,
            @Schema(description = "orders settled in the period") long orders) {

        static TrendPointView of(TrendPoint p) {
            return new TrendPointView(p.period(), p.group(), p.netAmount(), p.costAmount(), p.grossMargin(), p.orders());
        }
    }

    @Schema(description = "Customer feedback logged in the window; every known severity and category is present")
    public record AftersalesView(LocalDate from, LocalDate to, long feedbackCount, Map<String, Long> bySeverity,
            Map<String, Long> byCategory) {

        static AftersalesView of(AftersalesSummary s) {
            return new AftersalesView(s.window().from(), s.window().to(), s.feedbackCount(), s.bySeverity(),
                    s.byCategory());
        }
    }
}
