package com.salesaffairs.reporting.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.salesaffairs.platform.security.Scope;
import com.salesaffairs.reporting.domain.AftersalesSummary;
import com.salesaffairs.reporting.domain.DailySales;
import com.salesaffairs.reporting.domain.MarketAnalysis;
import com.salesaffairs.reporting.domain.MarketQuery;
import com.salesaffairs.reporting.domain.MarketSales;
import com.salesaffairs.reporting.domain.ReportWindow;
import com.salesaffairs.reporting.domain.SalesTrend;
import com.salesaffairs.reporting.domain.SalesTrendQuery;
import com.salesaffairs.reporting.domain.SalesTrendReport;
import com.salesaffairs.reporting.domain.TeamReach;
import com.salesaffairs.reporting.repository.FeedbackFactRepository;
import com.salesaffairs.reporting.repository.RefundFactRepository;
import com.salesaffairs.reporting.repository.SalesFactRepository;

/**
 * The reports, each adding up only the facts within the caller's reach ({@link TeamReach}): a rep's
 * own, a manager's team's, everyone's or one asked-for team's for the roles that see all.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {
    private final SalesFactRepository sales;
    private final RefundFactRepository refunds;
    private final FeedbackFactRepository feedback;

    public ReportService(SalesFactRepository sales, RefundFactRepository refunds, FeedbackFactRepository feedback) {
        this.sales = sales;
        this.refunds = refunds;
        this.feedback = feedback;
    }

    /** @param team the team asked for, or null; another team than a rep's or manager's own is 403 */
    public SalesTrendReport salesTrend(SalesTrendQuery query, Scope caller, String team) {
        TeamReach reach = TeamReach.of(caller, team);
        List<DailySales> days = new ArrayList<>();
        if (!reach.none()) {
            days.addAll(sales.dailySales(query, reach));
            days.addAll(refunds.dailyRefunds(query, reach));
        }
        return new SalesTrendReport(query, reach,
                SalesTrend.of(query.window(), query.granularity(), query.split(), days));
    }

    /** @param team the team asked for, or null; another team than a rep's or manager's own is 403 */
    public MarketAnalysis market(MarketQuery query, Scope caller, String team) {
        TeamReach reach = TeamReach.of(caller, team);
        List<MarketSales> rows = new ArrayList<>();
        if (!reach.none()) {
            rows.addAll(sales.marketSales(query, reach));
            rows.addAll(refunds.marketRefunds(query, reach));
        }
        return MarketAnalysis.of(query, reach, rows);
    }

    public AftersalesSummary aftersales(ReportWindow window, Scope caller) {
        return aftersales(window, caller, null);
    }

    /** @param team the team asked for, or null; another team than a rep's or manager's own is 403 */
    public AftersalesSummary aftersales(ReportWindow window, Scope caller, String team) {
        TeamReach reach = TeamReach.of(caller, team);
        if (reach.none()) {
            return AftersalesSummary.of(window, Map.of(), Map.of());
        }
        return AftersalesSummary.of(window, feedback.countBySeverity(window, reach),
                feedback.countByCategory(window, reach));
    }
}
