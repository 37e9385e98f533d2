package com.salesaffairs.order.repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Units available now per sku, as numbers: no stock row becomes a managed entity here, so a
     * later {@link #lockLevels} in the same transaction reads the rows afresh under its lock
     * instead of handing back instances read before it.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Integer> available(List<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        // The skus go as one array parameter: a list parameter would be translated again on every execution.
        List<Object[]> rows = em.createNativeQuery("""
                SELECT sku, SUM(on_hand - reserved) FROM stock_level WHERE sku = ANY(:skus) GROUP BY sku""")
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(StockLevel.class)
                .setParameter("skus", skus.toArray(String[]::new)).getResultList();
        Map<String, Integer> available = new HashMap<>();
        rows.forEach(r -> available.put((String) r[0], ((Number) r[1]).intValue()));
        return available;
    }

    /** The stock rows of these skus, locked in (sku, warehouse) order, as the class comment promises. */
    @SuppressWarnings("unchecked")
    public List<StockLevel> lockLevels(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        // Synchronised with stock rows only: a native query would otherwise flush every pending change first.
        return em.createNativeQuery("SELECT * FROM stock_level WHERE sku = ANY(:skus) ORDER BY sku, warehouse"
                + " FOR NO KEY UPDATE", StockLevel.class).unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(StockLevel.class)
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
