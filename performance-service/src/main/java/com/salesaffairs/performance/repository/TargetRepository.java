package com.salesaffairs.performance.repository;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.Target;
import com.salesaffairs.performance.domain.TargetConsistency.MonthTarget;
import com.salesaffairs.performance.domain.TargetLevel;
import com.salesaffairs.performance.domain.TargetPeriod;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

@ApplicationScoped
public class TargetRepository {
    /** The first key of the advisory locks taken per (level, subject, period) (ASCII "TG"). */
    private static final int LOCK_SPACE = 0x5447;

    private final EntityManager em;

    public TargetRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The target of (level, subject, period), locked for a revision. Two first settings at once wait
     * on an advisory lock instead of one failing on the unique key.
     */
    public Optional<Target> lockFor(TargetLevel level, String subject, TargetPeriod period) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:space, hashtext(:key))")
                .setParameter("space", LOCK_SPACE).setParameter("key", level + "\n" + subject + "\n" + period)
                .getSingleResult();
        return em.createQuery("FROM Target t WHERE t.level = :level AND t.subject = :subject AND t.period = :period",
                Target.class).setParameter("level", level).setParameter("subject", subject)
                .setParameter("period", period.toString()).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    public void add(Target target) {
        em.persist(target);
        em.flush();
    }

    public Optional<Target> find(UUID id) {
        return Optional.ofNullable(em.find(Target.class, id));
    }

    public List<Target> list(TargetLevel level, String period, String subject, String team, Scope caller,
            PageParams page) {
        return query(Target.class, "SELECT t", level, period, subject, team, caller,
                " ORDER BY t.period, t.level, t.subject").setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList();
    }

    public long count(TargetLevel level, String period, String subject, String team, Scope caller) {
        return query(Long.class, "SELECT COUNT(t)", level, period, subject, team, caller, "").getSingleResult();
    }

    /** Whether the caller may read this target: the same rule as the list's filter. */
    public static boolean visible(Target t, Scope caller) {
        if (caller.seesAll()) {
            return true;
        }
        return switch (t.level()) {
            case COMPANY, REGION -> true;
            case TEAM -> caller.team() != null && caller.team().equals(t.subject());
            case REP -> t.subject().equals(caller.userId()) || caller.managesTeam(t.team());
        };
    }

    private <T> TypedQuery<T> query(Class<T> type, String select, TargetLevel level, String period, String subject,
            String team, Scope caller, String order) {
        StringBuilder where = new StringBuilder(" FROM Target t WHERE 1 = 1");
        boolean scoped = !caller.seesAll();
        if (scoped) {
            where.append(" AND (t.level IN (:open) OR (t.level = :teamLevel AND t.subject = :myTeam)"
                    + " OR (t.level = :repLevel AND (t.subject = :me OR (:manager = true AND t.team = :myTeam))))");
        }
        if (level != null) {
            where.append(" AND t.level = :level");
        }
        if (period != null) {
            where.append(" AND t.period = :period");
        }
        if (subject != null) {
            where.append(" AND t.subject = :subject");
        }
        if (team != null) {
            where.append(" AND t.team = :team");
        }
        TypedQuery<T> q = em.createQuery(select + where + order, type);
        if (scoped) {
            q.setParameter("open", List.of(TargetLevel.COMPANY, TargetLevel.REGION))
                    .setParameter("teamLevel", TargetLevel.TEAM).setParameter("repLevel", TargetLevel.REP)
                    .setParameter("myTeam", caller.team() == null ? Scope.NO_TEAM : caller.team())
                    .setParameter("me", caller.userId() == null ? "" : caller.userId())
                    .setParameter("manager", caller.hasRole(Roles.SALES_MANAGER));
        }
        if (level != null) {
            q.setParameter("level", level);
        }
        if (period != null) {
            q.setParameter("period", period);
        }
        if (subject != null) {
            q.setParameter("subject", subject);
        }
        if (team != null) {
            q.setParameter("team", team);
        }
        return q;
    }

    /** Each subject's most specific monthly figure (month, else quarter, else year target) in the months. */
    public List<MonthTarget> monthTargets(List<KpiPeriod> months) {
        return monthTargets(months, null, null);
    }

    /**
     * The one query of "the target of a month": per subject and month the figure of the most specific
     * target covering it (the month's own, else its quarter's split, else its year's). With a level and
     * subject, only that subject's; {@link com.salesaffairs.performance.service.TargetBook} reads it too.
     */
    public List<MonthTarget> monthTargets(List<KpiPeriod> months, TargetLevel level, String subject) {
        boolean one = level != null && subject != null;
        Query q = em.createNativeQuery("""
                SELECT DISTINCT ON (t.level, t.subject, m.month) t.level, t.subject, t.team, t.region, m.month, m.amount
                FROM sales_target t JOIN sales_target_month m ON m.target_id = t.id
                WHERE m.month IN (:months)"""
                + (one ? " AND t.level = :level AND t.subject = :subject" : "") + """

                ORDER BY t.level, t.subject, m.month,
                         CASE t.period_kind WHEN 'MONTH' THEN 0 WHEN 'QUARTER' THEN 1 ELSE 2 END""")
                .setParameter("months", months.stream().map(KpiPeriod::toString).toList());
        if (one) {
            q.setParameter("level", level.name()).setParameter("subject", subject);
        }
        List<?> rows = q.getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new MonthTarget(TargetLevel.valueOf((String) r[0]), (String) r[1], (String) r[2],
                        (String) r[3], (String) r[4], ((BigDecimal) r[5]).setScale(2)))
                .toList();
    }
}
