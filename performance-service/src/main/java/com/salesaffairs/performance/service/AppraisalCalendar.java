package com.salesaffairs.performance.service;

import java.time.YearMonth;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.salesaffairs.performance.domain.KpiPeriod;

/**
 * Which months are closed for appraisal, and where a fact counts: in its own month while that is
 * open, otherwise in the first open month after it (an adjustment), so a closed month never changes.
 *
 * <p>Booking a fact and closing a month exclude each other through one PostgreSQL advisory lock held
 * to the end of the transaction: facts take it shared (they run side by side), a close exclusively. A
 * fact committed before the close is in the frozen scores; one that waited for the close books into
 * the next month. Two replicas share the lock, since it lives in the database.
 */
@ApplicationScoped
public class AppraisalCalendar {
    /** The advisory lock key of "appraisal months", an arbitrary constant of this service. */
    static final long CLOSE_LOCK = 0x5041_5052_4149_5341L;

    private final EntityManager em;

    public AppraisalCalendar(EntityManager em) {
        this.em = em;
    }

    /** The month a fact of {@code factPeriod} counts in; call in the transaction that writes the fact. */
    @Transactional(Transactional.TxType.MANDATORY)
    public KpiPeriod bookingPeriod(KpiPeriod factPeriod) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(:key)").setParameter("key", CLOSE_LOCK)
                .getSingleResult();
        List<?> closed = em.createNativeQuery("SELECT period FROM appraisal_period WHERE period >= :from ORDER BY period")
                .setParameter("from", factPeriod.toString()).getResultList();
        YearMonth month = factPeriod.month();
        for (Object period : closed) {
            if (!month.toString().equals(period)) {
                break;
            }
            month = month.plusMonths(1);
        }
        return new KpiPeriod(month);
    }

    /** Waits until no fact is being booked, and keeps new ones waiting until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForClose() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)").setParameter("key", CLOSE_LOCK).getSingleResult();
    }

    public boolean isClosed(KpiPeriod period) {
        return !em.createNativeQuery("SELECT 1 FROM appraisal_period WHERE period = :p")
                .setParameter("p", period.toString()).getResultList().isEmpty();
    }
}
