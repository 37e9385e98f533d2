package com.salesaffairs.performance.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.ReportFact;

/** {@code report_fact}: one row per sales report handed in. */
@ApplicationScoped
public class ReportFactRepository {
    private final EntityManager em;

    public ReportFactRepository(EntityManager em) {
        this.em = em;
    }

    /** Keeps the report; false if it is already kept (the first submission decides whether it was on time). */
    public boolean insert(ReportFact fact, KpiPeriod booked) {
        return em.createNativeQuery("""
                INSERT INTO report_fact (report_id, rep_id, team, report_period, due_at, submitted_at, on_time,
                                         period, booked_period)
                VALUES (CAST(:report AS uuid), :rep, :team, :reportPeriod, :due, :submitted, :onTime, :period, :booked)
                ON CONFLICT (report_id) DO NOTHING""")
                .setParameter("report", fact.reportId().toString())
                .setParameter("rep", fact.repId())
                .setParameter("team", fact.team())
                .setParameter("reportPeriod", fact.reportPeriod())
                .setParameter("due", fact.dueAt())
                .setParameter("submitted", fact.submittedAt())
                .setParameter("onTime", fact.onTime())
                .setParameter("period", fact.period().toString())
                .setParameter("booked", booked.toString())
                .executeUpdate() == 1;
    }
}
