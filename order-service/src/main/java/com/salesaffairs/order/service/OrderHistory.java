package com.salesaffairs.order.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.salesaffairs.order.domain.Ledger.HistoryEntry;

/** Every transition, decision and policy version on an order, in order. */
@ApplicationScoped
public class OrderHistory {
    private final EntityManager em;
    private final Clock clock;

    public OrderHistory(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID orderId, String actor, String onBehalfOf, String action, String detail, String policyKey,
            Integer policyVersion) {
        HistoryEntry e = new HistoryEntry();
        e.orderId = orderId;
        e.at = clock.instant();
        e.actor = actor;
        e.onBehalfOf = onBehalfOf;
        e.action = action;
        // The record keeps the first 2000 characters; the full facts are on the order and its events.
        e.detail = detail != null && detail.length() > 2000 ? detail.substring(0, 1997) + "..." : detail;
        e.policyKey = policyKey;
        e.policyVersion = policyVersion;
        em.persist(e);
    }

    public void record(UUID orderId, String actor, String action, String detail) {
        record(orderId, actor, null, action, detail, null, null);
    }

    /** A page of the order's history, oldest first. */
    public List<HistoryEntry> of(UUID orderId, int offset, int size) {
        return em.createQuery("FROM Ledger$HistoryEntry h WHERE h.orderId = :id ORDER BY h.id", HistoryEntry.class)
                .setParameter("id", orderId).setFirstResult(offset).setMaxResults(size).getResultList();
    }

    public long count(UUID orderId) {
        return em.createQuery("SELECT COUNT(h) FROM Ledger$HistoryEntry h WHERE h.orderId = :id", Long.class)
                .setParameter("id", orderId).getSingleResult();
    }
}
