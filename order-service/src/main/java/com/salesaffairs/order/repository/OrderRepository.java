package com.salesaffairs.order.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.order.domain.Order;
import com.salesaffairs.order.domain.OrderStatus;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    /** Orders a list shows: null filters do not limit. */
    public PanacheQuery<Order> visible(String teamFilter, String ownerFilter, OrderStatus status, UUID customerId,
            LocalDate overdueOn) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (teamFilter != null) {
            where.append(" and team = :team");
            params.and("team", teamFilter);
        }
        if (ownerFilter != null) {
            where.append(" and ownerId = :owner");
            params.and("owner", ownerFilter);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (customerId != null) {
            where.append(" and customerId = :customer");
            params.and("customer", customerId);
        }
        if (overdueOn != null) {
            where.append(" and shipBy < :today and status in (:open)");
            params.and("today", overdueOn).and("open", List.of(OrderStatus.APPROVED, OrderStatus.PARTIALLY_SHIPPED));
        }
        return find(where.toString(), Sort.descending("createdAt").and("id"), params);
    }

    /** Approved but unpaid: what the customer owes or will owe (finance's credit exposure). */
    public BigDecimal openExposure(UUID customerId) {
        BigDecimal exposure = getEntityManager().createQuery("""
                SELECT COALESCE(SUM(o.netAmount - o.paidAmount), 0) FROM Order o
                WHERE o.customerId = :customer AND o.status IN (:open)""", BigDecimal.class)
                .setParameter("customer", customerId)
                .setParameter("open", List.of(OrderStatus.APPROVED, OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED))
                .getSingleResult();
        return exposure.setScale(2);
    }

    public String nextOrderNumber(int year) {
        Number n = (Number) getEntityManager().createNativeQuery("SELECT nextval('order_number_seq')").getSingleResult();
        return String.format("SO-%d-%06d", year, n.longValue());
    }

    public String nextInvoiceNumber(int year) {
        Number n = (Number) getEntityManager().createNativeQuery("SELECT nextval('invoice_number_seq')").getSingleResult();
        return String.format("INV-%d-%06d", year, n.longValue());
    }
}
