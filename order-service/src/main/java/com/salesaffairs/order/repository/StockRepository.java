package com.salesaffairs.order.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.query.NativeQuery;

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

    /**
     * Stock of several skus in one query. The skus go as one array parameter: Hibernate translates
     * a query with a list parameter ({@code IN (:skus)}) from HQL again on every execution, and
     * these run on every submission, approval and shipment.
     */
    public List<StockLevel> levels(List<String> skus) {
        return ofSkus(skus, "");
    }

    public List<StockLevel> lockLevels(List<String> skus) {
        return ofSkus(skus, " FOR NO KEY UPDATE");
    }

    @SuppressWarnings("unchecked")
    private List<StockLevel> ofSkus(List<String> skus, String lock) {
        if (skus.isEmpty()) {
            return List.of();
        }
        // Synchronised with stock rows only: a native query would otherwise flush every pending change first.
        return em.createNativeQuery("SELECT * FROM stock_level WHERE sku = ANY(:skus) ORDER BY sku, warehouse" + lock,
                StockLevel.class).unwrap(NativeQuery.class).addSynchronizedEntityClass(StockLevel.class)
                .setParameter("skus", skus.toArray(String[]::new)).getResultList();
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
