package com.salesaffairs.performance.repository;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.KpiSourceFigures;

/** A rep's surveys, reports and closed opportunities of one booked month, counted. */
@ApplicationScoped
public class KpiSourceFactRepository {
    private final EntityManager em;

    public KpiSourceFactRepository(EntityManager em) {
        this.em = em;
    }

    public KpiSourceFigures of(String repId, KpiPeriod booked) {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT (SELECT AVG(score) FROM satisfaction_fact WHERE rep_id = :rep AND booked_period = :p),
                       (SELECT COUNT(*) FROM satisfaction_fact WHERE rep_id = :rep AND booked_period = :p),
                       (SELECT COUNT(*) FROM report_fact WHERE rep_id = :rep AND booked_period = :p),
                       (SELECT COUNT(*) FROM report_fact WHERE rep_id = :rep AND booked_period = :p AND on_time),
                       (SELECT COUNT(*) FROM opportunity_outcome WHERE rep_id = :rep AND booked_period = :p
                                                                 AND outcome = 'WON'),
                       (SELECT COUNT(*) FROM opportunity_outcome WHERE rep_id = :rep AND booked_period = :p
                                                                 AND outcome = 'LOST')""")
                .setParameter("rep", repId).setParameter("p", booked.toString()).getSingleResult();
        return new KpiSourceFigures(row[0] == null ? null : new BigDecimal(row[0].toString()), count(row[1]),
                count(row[2]), count(row[3]), count(row[4]), count(row[5]));
    }

    private static int count(Object value) {
        return ((Number) value).intValue();
    }
}
