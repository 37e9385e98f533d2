package com.salesaffairs.reporting.repository;

import static com.salesaffairs.reporting.repository.PipelineFactQueries.count;
import static com.salesaffairs.reporting.repository.PipelineFactQueries.instant;
import static com.salesaffairs.reporting.repository.PipelineFactQueries.money;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.salesaffairs.reporting.domain.PerformanceKpi;
import com.salesaffairs.reporting.domain.TeamReach;

/** The month's KPI snapshots in a caller's reach ({@code kpi_fact}); a rep's by rep id, a team's by the snapshot's team. */
@ApplicationScoped
public class PerformanceFactQueries {
    private final EntityManager em;

    public PerformanceFactQueries(EntityManager em) {
        this.em = em;
    }

    public List<PerformanceKpi> kpis(YearMonth period, TeamReach reach) {
        Query q = em.createNativeQuery("SELECT k.rep_id, k.team, k.region, k.sales_amount, k.cost_amount,"
                + " k.gross_margin, k.order_count, k.refund_count, k.satisfaction_avg, k.survey_count, k.reports_due,"
                + " k.reports_on_time, k.opportunities_won, k.opportunities_lost, k.score, k.grade, k.updated_at"
                + " FROM kpi_fact k WHERE k.period = :period" + reach.sql("k.team", "k.rep_id")
                + " ORDER BY k.team, k.rep_id")
                .setParameter("period", period.toString());
        List<PerformanceKpi> kpis = new ArrayList<>();
        for (Object[] r : ReadModelRows.rows(reach.bind(q))) {
            kpis.add(new PerformanceKpi((String) r[0], (String) r[1], (String) r[2], money(r[3]), money(r[4]),
                    money(r[5]), count(r[6]), count(r[7]), r[8] == null ? null : money(r[8]), count(r[9]),
                    count(r[10]), count(r[11]), count(r[12]), count(r[13]), r[14] == null ? null : money(r[14]),
                    (String) r[15], instant(r[16])));
        }
        return kpis;
    }
}
