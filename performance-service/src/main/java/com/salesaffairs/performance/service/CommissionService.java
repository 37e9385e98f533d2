package com.salesaffairs.performance.service;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.salesaffairs.performance.domain.CommissionCalculator;
import com.salesaffairs.performance.domain.CommissionCalculator.EarlierMonth;
import com.salesaffairs.performance.domain.CommissionCalculator.Figures;
import com.salesaffairs.performance.domain.CommissionEntry;
import com.salesaffairs.performance.domain.CommissionPlan;
import com.salesaffairs.performance.domain.CommissionStatement;
import com.salesaffairs.performance.domain.CommissionStatement.RateBonus;
import com.salesaffairs.performance.domain.KpiFigures;
import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.platform.policy.PolicyStore;
import com.salesaffairs.platform.policy.PolicyVersion;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

/**
 * Commission statements, computed on read from {@code revenue_entry} (settled revenue and refunds by booked
 * month), the rep's target ({@link TargetBook}), the {@code performance.commission} version in force at the end
 * of the month and the rate bonus of an approved reward of the previous month. Nothing is stored: a closed
 * month's entries never change (late facts book into the next open month), so its statement does not either.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CommissionService {
    private final EntityManager em;
    private final TargetBook targets;
    private final PolicyStore policies;
    private final AppraisalCalendar calendar;
    private final Clock clock;

    public CommissionService(EntityManager em, TargetBook targets, PolicyStore policies, AppraisalCalendar calendar,
            Clock clock) {
        this.em = em;
        this.targets = targets;
        this.policies = policies;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The statement as the caller may see it: a rep their own, a manager their team's reps (the team on the rep's
     * revenue of the month, else their latest), director, executive, admin and finance everyone; else 404.
     */
    public CommissionStatement statement(String repId, KpiPeriod period, Scope caller) {
        String[] teamRegion = teamAndRegion(repId, period);
        if (!caller.seesAllAs(Roles.FINANCE) && !caller.sees(repId, teamRegion[0])) {
            throw ApiProblem.notFound("commission statement of rep", repId);
        }
        return compute(repId, period, teamRegion);
    }

    /** The statement without a scope check, for the service's own use (appraisal events). */
    public CommissionStatement compute(String repId, KpiPeriod period) {
        return compute(repId, period, teamAndRegion(repId, period));
    }

    private CommissionStatement compute(String repId, KpiPeriod period, String[] teamRegion) {
        CommissionPlan plan = planFor(period);
        Optional<RateBonus> bonus = rateBonus(repId, period);
        BigDecimal target = targets.ofRep(repId, period).orElse(null);
        List<CommissionEntry> entries = entries(repId, period);
        Map<UUID, EarlierMonth> earlier = earlierMonths(entries, period);
        Figures f = CommissionCalculator.compute(plan, bonus.map(RateBonus::points).orElse(BigDecimal.ZERO), target,
                period, entries, earlier);
        return new CommissionStatement(repId, period.toString(), teamRegion[0], teamRegion[1], KpiFigures.CURRENCY,
                CommissionPlan.KEY, plan.version(), f.target(), f.revenue(), f.attainmentPct(), f.withoutTarget(),
                bonus.orElse(null), f.bands(), f.orders(), f.clawbacks(), f.ordersCommission(), f.clawbackTotal(),
                f.commission(), calendar.isClosed(period), clock.instant());
    }

    /** The version in force at the end of the month (now, for the current month). */
    CommissionPlan planFor(KpiPeriod period) {
        Instant now = clock.instant();
        Instant lastMoment = period.end().minusMillis(1);
        PolicyVersion version = policies.inForceAt(CommissionPlan.KEY, lastMoment.isBefore(now) ? lastMoment : now)
                .orElseGet(() -> policies.require(CommissionPlan.KEY));
        return CommissionPlan.from(version.version, policies.read(version.content));
    }

    /** The rate points of an approved reward of the previous month, when there are any. */
    private Optional<RateBonus> rateBonus(String repId, KpiPeriod period) {
        KpiPeriod previous = new KpiPeriod(period.month().minusMonths(1));
        List<?> rows = em.createNativeQuery("""
                SELECT id, awarded_rate_points FROM reward_recommendation
                WHERE rep_id = :rep AND period = :period AND status = 'APPROVED' AND awarded_rate_points > 0""")
                .setParameter("rep", repId).setParameter("period", previous.toString()).getResultList();
        return rows.stream().findFirst().map(r -> (Object[]) r)
                .map(r -> new RateBonus(((BigDecimal) r[1]).setScale(2), (UUID) r[0], previous.toString()));
    }

    private List<CommissionEntry> entries(String repId, KpiPeriod period) {
        List<?> rows = em.createNativeQuery("""
                SELECT event_id, kind, order_id, order_number, refund_id, amount, occurred_at, booked_period
                FROM revenue_entry e
                WHERE e.rep_id = :rep AND (e.booked_period = :period
                   OR (e.kind = 'REFUND' AND e.booked_period < :period AND e.order_id IN (
                       SELECT s.order_id FROM revenue_entry s
                       WHERE s.rep_id = :rep AND s.kind = 'SETTLED' AND s.booked_period = :period)))""")
                .setParameter("rep", repId).setParameter("period", period.toString()).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new CommissionEntry((UUID) r[0],
                CommissionEntry.Kind.valueOf((String) r[1]), (UUID) r[2], (String) r[3], (UUID) r[4], (BigDecimal) r[5],
                instant(r[6]), KpiPeriod.parse((String) r[7]))).toList();
    }

    /**
     * For each refund of the month whose order was settled (booked) in an earlier month: that month as its
     * statement computed it (plan, rate bonus, target, entries of the order's rep), with the refunds of its orders
     * booked after it and before this month, which those months' statements already clawed back.
     */
    private Map<UUID, EarlierMonth> earlierMonths(List<CommissionEntry> entries, KpiPeriod period) {
        Map<UUID, EarlierMonth> earlier = new HashMap<>();
        Map<String, EarlierMonth> months = new HashMap<>();
        for (CommissionEntry refund : entries) {
            if (refund.kind() != CommissionEntry.Kind.REFUND || !refund.bookedPeriod().equals(period)
                    || earlier.containsKey(refund.orderId())) {
                continue;
            }
            List<?> settlement = em.createNativeQuery("""
                    SELECT rep_id, booked_period FROM revenue_entry
                    WHERE order_id = :order AND kind = 'SETTLED' AND booked_period < :period
                    ORDER BY occurred_at, event_id LIMIT 1""")
                    .setParameter("order", refund.orderId()).setParameter("period", period.toString()).getResultList();
            if (settlement.isEmpty()) {
                continue;
            }
            Object[] s = (Object[]) settlement.get(0);
            String rep = (String) s[0];
            KpiPeriod paidIn = KpiPeriod.parse((String) s[1]);
            earlier.put(refund.orderId(), months.computeIfAbsent(rep + "|" + paidIn, k -> earlierMonth(rep, paidIn, period)));
        }
        return earlier;
    }

    private EarlierMonth earlierMonth(String repId, KpiPeriod paidIn, KpiPeriod period) {
        Map<UUID, BigDecimal> refundedBetween = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                SELECT r.order_id, SUM(ABS(r.amount)) FROM revenue_entry r
                WHERE r.kind = 'REFUND' AND r.booked_period > :paidIn AND r.booked_period < :period
                  AND r.order_id IN (SELECT s.order_id FROM revenue_entry s
                      WHERE s.rep_id = :rep AND s.kind = 'SETTLED' AND s.booked_period = :paidIn)
                GROUP BY r.order_id""")
                .setParameter("rep", repId).setParameter("paidIn", paidIn.toString())
                .setParameter("period", period.toString()).getResultList()) {
            Object[] r = (Object[]) row;
            refundedBetween.put((UUID) r[0], (BigDecimal) r[1]);
        }
        return new EarlierMonth(paidIn, planFor(paidIn), rateBonus(repId, paidIn).map(RateBonus::points).orElse(BigDecimal.ZERO),
                targets.ofRep(repId, paidIn).orElse(null), entries(repId, paidIn), refundedBetween);
    }

    /** {team, region}: from the rep's revenue of the month, else from their latest. */
    private String[] teamAndRegion(String repId, KpiPeriod period) {
        List<?> rows = em.createNativeQuery("""
                SELECT team, region FROM revenue_entry WHERE rep_id = :rep
                ORDER BY (booked_period = :period) DESC, occurred_at DESC LIMIT 1""")
                .setParameter("rep", repId).setParameter("period", period.toString()).getResultList();
        if (rows.isEmpty()) {
            return new String[] { null, null };
        }
        Object[] r = (Object[]) rows.get(0);
        return new String[] { (String) r[0], (String) r[1] };
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
