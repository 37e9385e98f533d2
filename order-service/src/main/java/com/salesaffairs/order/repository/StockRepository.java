package com.salesaffairs.order.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import com.salesaffairs.order.domain.StockLevel;
import com.salesaffairs.order.domain.StockReservation;

/** Stock rows are locked in (sku, warehouse) order, so two orders reserving the same skus never deadlock. */
@ApplicationScoped
public class StockRepository {
    private final EntityManager em;

    public StockRepository(EntityManager em) {
        this.em = em;
    }

    public List<StockLevel> levels(String sku) {
        return em.createQuery("FROM StockLevel s WHERE s.sku = :sku ORDER BY s.warehouse", StockLevel.class)
                .setParameter("sku", sku).getResultList();
    }

    /** Stock of several skus in one query. */
    public List<StockLevel> levels(List<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return em.createQuery("FROM StockLevel s WHERE s.sku IN (:skus) ORDER BY s.sku, s.warehouse", StockLevel.class)
                .setParameter("skus", skus).getResultList();
    }

    public List<StockLevel> lockLevels(List<String> skus) {
        return em.createQuery("FROM StockLevel s WHERE s.sku IN (:skus) ORDER BY s.sku, s.warehouse", StockLevel.class)
                .setParameter("skus", skus).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public StockLevel lockLevel(String sku, String warehouse) {
        return em.find(StockLevel.class, new StockLevel.Key(sku, warehouse), LockModeType.PESSIMISTIC_WRITE);
    }

    public List<StockReservation> activeReservations(UUID orderId) {
        return em.createQuery("""
                FROM StockReservation r WHERE r.orderId = :order AND r.status = :active
                ORDER BY r.lineNo, r.warehouse""", StockReservation.class)
                .setParameter("order", orderId).setParameter("active", StockReservation.Status.ACTIVE).getResultList();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }
}
