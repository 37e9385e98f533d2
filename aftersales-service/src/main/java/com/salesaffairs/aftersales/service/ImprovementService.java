package com.salesaffairs.aftersales.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import com.salesaffairs.aftersales.domain.FeedbackCategory;
import com.salesaffairs.aftersales.domain.ImprovementAction;
import com.salesaffairs.aftersales.domain.ServiceCase;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Scope;

/** Improvement actions: opened with at least one linked case or category, moved through their statuses. */
@ApplicationScoped
@Transactional
public class ImprovementService {
    private final EntityManager em;
    private final CaseService cases;
    private final Clock clock;

    public ImprovementService(EntityManager em, CaseService cases, Clock clock) {
        this.em = em;
        this.cases = cases;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Today on the SLA calendar (the business's time zone): what "past" and "overdue" are measured against. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), cases.activeSla().clock().calendar().zone());
    }

    public ImprovementAction open(String rootCause, String action, String ownerId, LocalDate dueDate, Set<UUID> caseIds,
            Set<FeedbackCategory> categories, Scope caller) {
        if (dueDate.isBefore(today())) {
            throw ApiProblem.invalid("dueDate", "must not be in the past (today is " + today() + ")");
        }
        if (caseIds.isEmpty() && categories.isEmpty()) {
            throw ApiProblem.ruleViolated("improvement.link", "caseIds",
                    "an improvement action links at least one case (caseIds) or category (categories)");
        }
        for (UUID caseId : caseIds) {
            ServiceCase c = em.find(ServiceCase.class, caseId);
            if (c == null) {
                throw ApiProblem.ruleViolated("improvement.case-known", "caseIds", "case " + caseId + " is not known");
            }
            try {
                cases.visible(caseId, caller);
            } catch (ApiProblem e) {
                throw ApiProblem.ruleViolated("improvement.case-known", "caseIds", "case " + caseId + " is not known");
            }
        }
        ImprovementAction a = ImprovementAction.open(rootCause, action, ownerId, dueDate, caseIds, categories,
                caller.userId(), now());
        em.persist(a);
        em.persist(a.opened());
        em.flush();
        return a;
    }

    public ImprovementAction move(UUID id, Optional<Long> ifMatch, ImprovementAction.Status to, String note, Scope caller) {
        ImprovementAction a = get(id);
        em.refresh(a, LockModeType.PESSIMISTIC_WRITE);
        if (ifMatch.isPresent() && ifMatch.get() != a.version()) {
            throw ApiProblem.preconditionFailed("improvement action " + id + " is at version " + a.version() + ", not "
                    + ifMatch.get());
        }
        em.persist(a.move(to, note, caller.userId(), now()));
        em.flush();
        return a;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImprovementAction get(UUID id) {
        ImprovementAction a = em.find(ImprovementAction.class, id);
        if (a == null) {
            throw ApiProblem.notFound("improvement action", id);
        }
        return a;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImprovementAction.Change> history(UUID id) {
        return em.createQuery("FROM ImprovementActionChange c WHERE c.actionId = :id ORDER BY c.id",
                ImprovementAction.Change.class).setParameter("id", id).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImprovementAction> list(ImprovementAction.Status status, FeedbackCategory category, boolean overdue,
            PageParams page) {
        return query(ImprovementAction.class, "SELECT a", status, category, overdue, " ORDER BY a.dueDate, a.id")
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(ImprovementAction.Status status, FeedbackCategory category, boolean overdue) {
        return query(Long.class, "SELECT COUNT(a)", status, category, overdue, "").getSingleResult();
    }

    private <T> TypedQuery<T> query(Class<T> type, String select, ImprovementAction.Status status,
            FeedbackCategory category, boolean overdue, String order) {
        StringBuilder where = new StringBuilder(" FROM ImprovementAction a WHERE 1 = 1");
        if (status != null) {
            where.append(" AND a.status = :status");
        }
        if (category != null) {
            where.append(" AND :category MEMBER OF a.categories");
        }
        if (overdue) {
            where.append(" AND a.dueDate < :today AND a.status IN (:running)");
        }
        TypedQuery<T> q = em.createQuery(select + where + order, type);
        if (status != null) {
            q.setParameter("status", status);
        }
        if (category != null) {
            q.setParameter("category", category);
        }
        if (overdue) {
            q.setParameter("today", today()).setParameter("running",
                    List.of(ImprovementAction.Status.OPEN, ImprovementAction.Status.IN_PROGRESS));
        }
        return q;
    }
}
