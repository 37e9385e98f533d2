package com.salesaffairs.order.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.order.domain.Delegation;
import com.salesaffairs.order.domain.Order;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

/** Delegations of approval authority: granted by a holder of the role, used by the named delegate, revocable at once. */
@ApplicationScoped
@Transactional
public class DelegationService {
    private static final Logger LOG = Logger.getLogger(DelegationService.class);

    private final EntityManager em;
    private final Clock clock;

    public DelegationService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public Delegation grant(String role, String delegateUsername, Instant from, Instant until, String reason,
            Scope caller) {
        if (!Roles.SALES_MANAGER.equals(role) && !Roles.SALES_DIRECTOR.equals(role)) {
            throw ApiProblem.invalid("role", "must be sales-manager or sales-director");
        }
        if (!caller.hasRole(role)) {
            throw ApiProblem.forbidden("you can only delegate an authority you hold yourself");
        }
        if (Roles.SALES_MANAGER.equals(role) && caller.team() == null) {
            throw ApiProblem.ruleViolated("delegation.manager-team", "a manager without a team has no team authority to lend");
        }
        Instant now = clock.instant();
        Delegation d = Delegation.grant(caller.userId(), caller.username(), role,
                Roles.SALES_MANAGER.equals(role) ? caller.team() : null, delegateUsername.trim(),
                from == null ? now : from, until, reason.trim(), now);
        em.persist(d);
        em.flush();
        LOG.infof("delegation %s: %s lends %s to %s until %s", d.id(), caller.username(), role, d.delegateUsername(),
                d.validUntil());
        return d;
    }

    /** Stops a delegation at once; If-Match, when given, must name its current version (412 otherwise). */
    public Delegation revoke(UUID id, java.util.OptionalLong ifMatch, Scope caller) {
        Delegation d = visible(id, caller);
        if (!caller.userId().equals(d.delegatorId()) && !caller.hasRole(Roles.ADMIN)) {
            throw ApiProblem.forbidden("only the delegator or an admin may revoke a delegation");
        }
        if (ifMatch.isPresent() && ifMatch.getAsLong() != d.version()) {
            throw ApiProblem.preconditionFailed("delegation " + id + " is at version " + d.version() + ", not "
                    + ifMatch.getAsLong());
        }
        d.revoke(caller.username(), clock.instant());
        em.flush();
        LOG.infof("delegation %s revoked by %s", id, caller.username());
        return d;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Delegation visible(UUID id, Scope caller) {
        Delegation d = em.find(Delegation.class, id);
        if (d == null || !(caller.seesAll() || caller.userId().equals(d.delegatorId())
                || d.delegateUsername().equals(caller.username()))) {
            throw ApiProblem.notFound("delegation", id);
        }
        return d;
    }

    /** Delegations the caller granted or received; everything for a director, executive or admin. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delegation> list(Scope caller, boolean activeOnly, PageParams page) {
        return query(caller, activeOnly, "SELECT d FROM Delegation d", Delegation.class)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Scope caller, boolean activeOnly) {
        return query(caller, activeOnly, "SELECT COUNT(d) FROM Delegation d", Long.class).getSingleResult();
    }

    private <T> jakarta.persistence.TypedQuery<T> query(Scope caller, boolean activeOnly, String select, Class<T> type) {
        boolean all = caller.seesAll();
        String where = " WHERE (:all = TRUE OR d.delegatorId = :me OR d.delegateUsername = :username)"
                + (activeOnly ? " AND d.status = :active AND d.validUntil > :now" : "");
        String order = type == Long.class ? "" : " ORDER BY d.createdAt DESC, d.id";
        var q = em.createQuery(select + where + order, type).setParameter("all", all)
                .setParameter("me", caller.userId()).setParameter("username", String.valueOf(caller.username()));
        if (activeOnly) {
            q.setParameter("active", Delegation.Status.ACTIVE).setParameter("now", clock.instant());
        }
        return q;
    }

    /** Does a delegation in force now let this user decide (and so see) a step of this role on an order of this team? */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean lendsSightOf(String delegateUsername, String stepRole, String orderTeam) {
        if (delegateUsername == null) {
            return false;
        }
        Instant now = clock.instant();
        return inForceFor(delegateUsername).stream().anyMatch(d -> d.covers(stepRole, orderTeam, now));
    }

    /** The delegations in force now that lend their authority to this user. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delegation> inForceFor(String delegateUsername) {
        Instant now = clock.instant();
        return em.createQuery("""
                SELECT d FROM Delegation d WHERE d.delegateUsername = :username AND d.status = :active
                AND d.validFrom <= :now AND d.validUntil > :now""", Delegation.class)
                .setParameter("username", delegateUsername).setParameter("active", Delegation.Status.ACTIVE)
                .setParameter("now", now).getResultList();
    }

    /**
     * The delegation in force now that lets this user decide a step of this role on this order,
     * never one lent by the order's own owner or submitter (nobody approves their own order, not
     * through someone else either). The row is read FOR SHARE: a revocation waits for this
     * decision to commit, and a decision after a committed revocation no longer finds it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Delegation> covering(String delegateUsername, String role, Order order) {
        Instant now = clock.instant();
        return em.createQuery("""
                SELECT d FROM Delegation d WHERE d.delegateUsername = :username AND d.role = :role
                AND d.status = :active AND d.validFrom <= :now AND d.validUntil > :now
                AND d.delegatorId <> :owner AND d.delegatorId <> :submitter
                ORDER BY d.validUntil DESC, d.id""", Delegation.class)
                .setParameter("username", delegateUsername).setParameter("role", role)
                .setParameter("active", Delegation.Status.ACTIVE).setParameter("now", now)
                .setParameter("owner", order.ownerId())
                .setParameter("submitter", order.submittedBy() == null ? order.ownerId() : order.submittedBy())
                .setLockMode(LockModeType.PESSIMISTIC_READ)
                .getResultList().stream()
                .filter(d -> d.covers(role, order.team(), now))
                .findFirst();
    }
}
