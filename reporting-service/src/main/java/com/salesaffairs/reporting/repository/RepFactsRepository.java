package com.salesaffairs.reporting.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.salesaffairs.reporting.domain.ReportFigures;
import com.salesaffairs.reporting.domain.ReportPeriod;
import com.salesaffairs.reporting.domain.ReportRollCall.KnownRep;

/** A rep's facts in the read models: their figures for a report period, and which reps reporting knows. */
@ApplicationScoped
public class RepFactsRepository {
    private final EntityManager em;

    public RepFactsRepository(EntityManager em) {
        this.em = em;
    }

    /** Settled orders, refunds and feedback of the rep on the period's (UTC) days, in one currency. */
    public ReportFigures figures(String repId, ReportPeriod period, String currency) {
        Object[] sales = (Object[]) bind(em.createNativeQuery("""
                SELECT COUNT(*), COALESCE(SUM(net_amount), 0), COALESCE(SUM(cost_amount), 0) FROM sales_fact
                WHERE owner_id = :rep AND settled_on BETWEEN :from AND :to AND currency = :currency"""), repId, period)
                .setParameter("currency", currency).getSingleResult();
        Object[] refunds = (Object[]) bind(em.createNativeQuery("""
                SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM refund_fact
                WHERE owner_id = :rep AND refunded_on BETWEEN :from AND :to AND currency = :currency"""), repId, period)
                .setParameter("currency", currency).getSingleResult();
        Number feedback = (Number) bind(em.createNativeQuery("""
                SELECT COUNT(*) FROM feedback_fact WHERE owner_id = :rep AND logged_on BETWEEN :from AND :to"""),
                repId, period).getSingleResult();
        return new ReportFigures(currency, ((Number) sales[0]).longValue(), money(sales[1]), money(sales[2]),
                ((Number) refunds[0]).longValue(), money(refunds[1]), feedback.longValue());
    }

    /**
     * The reps reporting knows from its read models as of {@code until}: everyone who owns a settled
     * order, a refund or a customer's feedback dated in the {@code days} days up to it, with the team of
     * their latest such fact. {@code team} limits to the reps last seen in that team (null: all).
     */
    public List<KnownRep> knownReps(LocalDate until, int days, String team) {
        Query q = em.createNativeQuery("""
                SELECT DISTINCT ON (owner_id) owner_id, team FROM (
                    SELECT owner_id, team, settled_at AS at FROM sales_fact WHERE settled_on BETWEEN :since AND :until
                    UNION ALL
                    SELECT owner_id, team, refunded_at FROM refund_fact WHERE refunded_on BETWEEN :since AND :until
                    UNION ALL
                    SELECT owner_id, team, logged_at FROM feedback_fact
                    WHERE owner_id IS NOT NULL AND logged_on BETWEEN :since AND :until
                ) facts ORDER BY owner_id, at DESC""")
                .setParameter("since", until.minusDays(days - 1L))
                .setParameter("until", until);
        List<KnownRep> reps = new ArrayList<>();
        for (Object[] row : ReadModelRows.rows(q)) {
            String repTeam = (String) row[1];
            if (team == null || team.equals(repTeam)) {
                reps.add(new KnownRep((String) row[0], repTeam));
            }
        }
        return reps;
    }

    private static Query bind(Query q, String repId, ReportPeriod period) {
        return q.setParameter("rep", repId).setParameter("from", period.first()).setParameter("to", period.last());
    }

    private static BigDecimal money(Object value) {
        return new BigDecimal(value.toString()).setScale(2);
    }
}
