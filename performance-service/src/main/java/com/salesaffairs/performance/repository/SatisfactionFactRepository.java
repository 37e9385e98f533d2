package com.salesaffairs.performance.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.SatisfactionFact;

/** {@code satisfaction_fact}: one row per survey answered. */
@ApplicationScoped
public class SatisfactionFactRepository {
    private final EntityManager em;

    public SatisfactionFactRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Keeps the answer; false if the survey is already kept (a survey is answered once, so the same
     * surveyId under another ce_id is a re-publication, not a second answer).
     */
    public boolean insert(SatisfactionFact fact, KpiPeriod booked) {
        return em.createNativeQuery("""
                INSERT INTO satisfaction_fact (survey_id, rep_id, team, customer_id, case_id, order_id, score,
                                               likelihood, answered_at, period, booked_period)
                VALUES (CAST(:survey AS uuid), :rep, :team, CAST(:customer AS uuid), CAST(:case AS uuid),
                        CAST(:order AS uuid), :score, :likelihood, :answered, :period, :booked)
                ON CONFLICT (survey_id) DO NOTHING""")
                .setParameter("survey", fact.surveyId().toString())
                .setParameter("rep", fact.repId())
                .setParameter("team", fact.team())
                .setParameter("customer", RevenueFactRepository.text(fact.customerId()))
                .setParameter("case", RevenueFactRepository.text(fact.caseId()))
                .setParameter("order", RevenueFactRepository.text(fact.orderId()))
                .setParameter("score", fact.score())
                .setParameter("likelihood", fact.likelihood())
                .setParameter("answered", fact.answeredAt())
                .setParameter("period", fact.period().toString())
                .setParameter("booked", booked.toString())
                .executeUpdate() == 1;
    }
}
