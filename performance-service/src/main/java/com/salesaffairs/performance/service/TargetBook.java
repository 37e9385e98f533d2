package com.salesaffairs.performance.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.TargetLevel;

/**
 * The approved revenue target of a subject for one month, from the monthly splits of its targets.
 * Where a subject has targets of several lengths covering the month, the most specific decides
 * (a month's own target, else its quarter's split, else its year's), so nothing is counted twice.
 */
@ApplicationScoped
public class TargetBook {
    private final EntityManager em;

    public TargetBook(EntityManager em) {
        this.em = em;
    }

    public Optional<BigDecimal> monthly(TargetLevel level, String subject, KpiPeriod month) {
        List<?> amounts = em.createNativeQuery("""
                SELECT m.amount FROM sales_target t JOIN sales_target_month m ON m.target_id = t.id
                WHERE t.level = :level AND t.subject = :subject AND m.month = :month
                ORDER BY CASE t.period_kind WHEN 'MONTH' THEN 0 WHEN 'QUARTER' THEN 1 ELSE 2 END
                LIMIT 1""")
                .setParameter("level", level.name()).setParameter("subject", subject)
                .setParameter("month", month.toString()).getResultList();
        return amounts.stream().findFirst().map(BigDecimal.class::cast);
    }

    public Optional<BigDecimal> ofRep(String repId, KpiPeriod month) {
        return monthly(TargetLevel.REP, repId, month);
    }

    public Optional<BigDecimal> ofTeam(String team, KpiPeriod month) {
        return monthly(TargetLevel.TEAM, team, month);
    }
}
