package com.salesaffairs.performance.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import com.salesaffairs.performance.domain.TargetProposal;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

@ApplicationScoped
public class TargetProposalRepository {
    /** The first key of the advisory locks taken per (rep, period) while filing (ASCII "TP"). */
    private static final int LOCK_SPACE = 0x5450;

    private final EntityManager em;

    public TargetProposalRepository(EntityManager em) {
        this.em = em;
    }

    /** Serialises filings of one rep for one period, so "one open proposal" is checked, not raced. */
    public boolean openExists(String repId, String period) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:space, hashtext(:key))")
                .setParameter("space", LOCK_SPACE).setParameter("key", repId + "\n" + period).getSingleResult();
        return em.createQuery("SELECT COUNT(p) FROM TargetProposal p WHERE p.repId = :rep AND p.period = :period"
                + " AND p.status = :submitted", Long.class).setParameter("rep", repId).setParameter("period", period)
                .setParameter("submitted", TargetProposal.Status.SUBMITTED).getSingleResult() > 0;
    }

    public void add(TargetProposal proposal) {
        em.persist(proposal);
        em.flush();
    }

    public Optional<TargetProposal> find(UUID id) {
        return Optional.ofNullable(em.find(TargetProposal.class, id));
    }

    public Optional<TargetProposal> lock(UUID id) {
        return Optional.ofNullable(em.find(TargetProposal.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** A rep their own, a manager their team's, director, executive and admin all. */
    public static boolean visible(TargetProposal p, Scope caller) {
        return caller.seesAll() || caller.managesTeam(p.team()) || p.repId().equals(caller.userId());
    }

    public List<TargetProposal> list(TargetProposal.Status status, String period, String repId, Scope caller,
            PageParams page) {
        return query(TargetProposal.class, "SELECT p", status, period, repId, caller, " ORDER BY p.createdAt DESC, p.id")
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    }

    public long count(TargetProposal.Status status, String period, String repId, Scope caller) {
        return query(Long.class, "SELECT COUNT(p)", status, period, repId, caller, "").getSingleResult();
    }

    private <T> TypedQuery<T> query(Class<T> type, String select, TargetProposal.Status status, String period,
            String repId, Scope caller, String order) {
        StringBuilder where = new StringBuilder(" FROM TargetProposal p WHERE 1 = 1");
        boolean manager = !caller.seesAll() && caller.hasRole(Roles.SALES_MANAGER);
        boolean own = !caller.seesAll() && !manager;
        if (manager) {
            where.append(" AND (p.team = :team OR p.repId = :me)");
        }
        if (own) {
            where.append(" AND p.repId = :me");
        }
        if (status != null) {
            where.append(" AND p.status = :status");
        }
        if (period != null) {
            where.append(" AND p.period = :period");
        }
        if (repId != null) {
            where.append(" AND p.repId = :repId");
        }
        TypedQuery<T> q = em.createQuery(select + where + order, type);
        if (manager) {
            q.setParameter("team", caller.team() == null ? Scope.NO_TEAM : caller.team());
        }
        if (manager || own) {
            q.setParameter("me", caller.userId() == null ? "" : caller.userId());
        }
        if (status != null) {
            q.setParameter("status", status);
        }
        if (period != null) {
            q.setParameter("period", period);
        }
        if (repId != null) {
            q.setParameter("repId", repId);
        }
        return q;
    }
}
