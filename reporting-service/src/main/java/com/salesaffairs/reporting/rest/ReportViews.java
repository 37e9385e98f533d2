package com.salesaffairs.reporting.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.salesaffairs.reporting.domain.AftersalesSummary;
import com.salesaffairs.reporting.domain.MarketAnalysis;
import com.salesaffairs.reporting.domain.SalesTrendReport;
import com.salesaffairs.reporting.domain.TeamReach;
import com.salesaffairs.reporting.domain.TrendPoint;

/** The report documents the API answers with. */
public final class ReportViews {
    private ReportViews() {
    }

    @Schema(description = "Net sales, cost, gross margin and settled orders per period. Refunds lower netAmount on the day they were paid.")
    public record SalesTrendView(
            @Schema(enumeration = { "day", "week", "month", "quarter" }) String granularity,
            LocalDate from,
            LocalDate to,
            @Schema(description = "ISO-4217; only facts in this currency are counted") String currency,
            @Schema(enumeration = { "channel", "region", "team", "rep", "category" }, nullable = true) String groupBy,
            @Schema(description = "the only team counted (a manager's, or the one a director asked for); null: every team, or a rep's own facts", nullable = true) String team,
            @Schema(description = "set for a sales rep: only the facts they own are counted", nullable = true) String repId,
            List<TrendPointView> points) {

        static SalesTrendView of(SalesTrendReport report) {
            var q = report.query();
            return new SalesTrendView(q.granularity().apiName(), q.window().from(), q.window().to(), q.currency(),
                    q.groupBy() == null ? null : q.groupBy().apiName(), teamOf(report.reach()), report.reach().ownerId(),
                    report.points().stream().map(TrendPointView::of).toList());
        }
    }

    /** The team a report counted, as shown: none for a rep's own figures, which may span teams. */
    private static String teamOf(TeamReach reach) {
        return reach.everyTeam() || reach.ownOnly() ? null : reach.team();
    }

    public record TrendPointView(
            @Schema(description = "2026-11-27 (day), 2026-W48 (ISO week), 2026-11 (month), 2026-Q4 (quarter)") String period,
            @Schema(description = "the group's value when split (a rep's user id by rep; UNKNOWN for facts without it), null otherwise", nullable = true) String group,
            BigDecimal netAmount,
            BigDecimal costAmount,
            @Schema(description = "netAmount - costAmount") BigDecimal grossMargin,
            @Schema(description = "orders settled in the period") long orders) {

        static TrendPointView of(TrendPoint p) {
            return new TrendPointView(p.period(), p.group(), p.netAmount(), p.costAmount(), p.grossMargin(), p.orders());
        }
    }

    @Schema(description = "Customer feedback logged in the window (every known severity and category is present), SLA compliance of the cases resolved in it and the satisfaction surveys answered in it")
    public record AftersalesView(LocalDate from, LocalDate to, long feedbackCount, Map<String, Long> bySeverity,
            Map<String, Long> byCategory,
            @Schema(description = "SLA compliance of the cases resolved in the window") AftersalesQualityViews.AftersalesCasesView cases,
            @Schema(description = "satisfaction surveys answered in the window") AftersalesQualityViews.AftersalesSatisfactionView satisfaction) {

        static AftersalesView of(AftersalesSummary s, com.salesaffairs.reporting.domain.AftersalesQuality q) {
            return new AftersalesView(s.window().from(), s.window().to(), s.feedbackCount(), s.bySeverity(),
                    s.byCategory(), AftersalesQualityViews.AftersalesCasesView.of(q.cases()),
                    AftersalesQualityViews.AftersalesSatisfactionView.of(q.satisfaction()));
        }
    }

    @Schema(name = "MarketAnalysis", description = "Revenue (net sales less refunds), cost, margin, share and growth per region, channel or customer segment. "
            + "Growth compares with the window of equal length just before from (previousFrom..previousTo).")
    public record MarketView(
            @Schema(enumeration = { "region", "channel", "segment" }) String dimension,
            LocalDate from,
            LocalDate to,
            @Schema(description = "first day of the window compared with: as many days as from..to, ending the day before from") LocalDate previousFrom,
            LocalDate previousTo,
            @Schema(description = "ISO-4217; only facts in this currency are counted") String currency,
            @Schema(description = "the only team counted, null for every team or a rep's own facts", nullable = true) String team,
            @Schema(description = "set for a sales rep: only the facts they own are counted", nullable = true) String repId,
            @Schema(description = "all groups together; sharePercent is 100 when there is revenue") MarketRowView total,
            @Schema(description = "every group with a fact in either window, largest revenue first, then by name") List<MarketRowView> rows) {

        static MarketView of(MarketAnalysis market) {
            var q = market.query();
            var previous = q.previousWindow();
            return new MarketView(q.dimension().apiName(), q.window().from(), q.window().to(), previous.from(), previous.to(),
                    q.currency(), teamOf(market.reach()), market.reach().ownerId(),
                    MarketRowView.of(null, market.total(), market.total().revenue().signum() > 0 ? HUNDRED_PERCENT : null),
                    market.rows().stream().map(r -> MarketRowView.of(r.group(), r.figures(), r.sharePercent())).toList());
        }
    }

    private static final BigDecimal HUNDRED_PERCENT = new BigDecimal("100.00");

    @Schema(name = "MarketRow", description = "One group's figures in the window, and its revenue in the window before. Percentages have two decimals.")
    public record MarketRowView(
            @Schema(description = "the region, channel or segment (UNKNOWN when the fact or customer does not say); null for the total", nullable = true, example = "east") String group,
            @Schema(description = "settled net amounts less refunds paid") BigDecimal revenue,
            @Schema(description = "cost of the settled orders") BigDecimal cost,
            @Schema(description = "revenue - cost") BigDecimal margin,
            @Schema(description = "margin / revenue * 100; null unless revenue is positive", nullable = true) BigDecimal marginPercent,
            @Schema(description = "revenue / total revenue * 100; null unless the total is positive", nullable = true) BigDecimal sharePercent,
            @Schema(description = "orders settled in the window") long orders,
            @Schema(description = "revenue in the window before (previousFrom..previousTo)") BigDecimal previousRevenue,
            @Schema(description = "(revenue - previousRevenue) / previousRevenue * 100; null unless previousRevenue is positive", nullable = true) BigDecimal growthPercent) {

        static MarketRowView of(String group, MarketAnalysis.Figures f, BigDecimal share) {
            return new MarketRowView(group, f.revenue(), f.cost(), f.margin(), f.marginPercent(), share, f.orders(),
                    f.previousRevenue(), f.growthPercent());
        }
    }
}
