package com.salesaffairs.reporting.repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import com.salesaffairs.reporting.domain.DataExport;
import com.salesaffairs.reporting.domain.ExportFilters;
import com.salesaffairs.reporting.domain.ExportStatus;
import com.salesaffairs.reporting.domain.TeamReach;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Export requests, and the rows of the SALES_ORDERS dataset (CUSTOMERS: {@link CustomerDirectoryRepository}). */
@ApplicationScoped
public class ExportRepository implements PanacheRepositoryBase<DataExport, UUID> {

    /** A settled order as the SALES_ORDERS dataset exports it. */
    public record SalesOrderRow(UUID orderId, String orderNumber, LocalDate settledOn, UUID customerId, String customerName,
            String ownerId, String team, String region, String channel, String currency, BigDecimal netAmount,
            BigDecimal costAmount) {
    }

    /** requesterId limits to one requester's (null: every request); status optional. */
    public record Filter(String requesterId, ExportStatus status) {
    }

    public Optional<DataExport> locked(UUID id) {
        return Optional.ofNullable(getEntityManager().find(DataExport.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Newest first. */
    public List<DataExport> page(Filter filter, int offset, int size) {
        return query(DataExport.class, "SELECT e", filter, " ORDER BY e.createdAt DESC, e.id")
                .setFirstResult(offset).setMaxResults(size).getResultList();
    }

    public long count(Filter filter) {
        return query(Long.class, "SELECT COUNT(e)", filter, "").getSingleResult();
    }

    private <T> TypedQuery<T> query(Class<T> type, String select, Filter f, String order) {
        StringBuilder jpql = new StringBuilder(select).append(" FROM DataExport e WHERE 1 = 1");
        if (f.requesterId() != null) {
            jpql.append(" AND e.requesterId = :requester");
        }
        if (f.status() != null) {
            jpql.append(" AND e.status = :status");
        }
        TypedQuery<T> q = getEntityManager().createQuery(jpql.append(order).toString(), type);
        if (f.requesterId() != null) {
            q.setParameter("requester", f.requesterId());
        }
        if (f.status() != null) {
            q.setParameter("status", f.status());
        }
        return q;
    }

    /** Settled orders in reach and within the filters, with the customer's name where reporting knows it. */
    @SuppressWarnings("unchecked")
    public List<SalesOrderRow> salesOrders(TeamReach reach, ExportFilters filters) {
        StringBuilder sql = new StringBuilder("""
                SELECT f.order_id, f.order_number, f.settled_on, f.customer_id, c.name, f.owner_id, f.team, f.region,
                       f.channel, f.currency, f.net_amount, f.cost_amount
                FROM sales_fact f LEFT JOIN customer_fact c ON c.customer_id = f.customer_id WHERE 1 = 1""")
                .append(reach.sql("f.team", "f.owner_id"));
        if (filters.from() != null) {
            sql.append(" AND f.settled_on >= :from");
        }
        if (filters.to() != null) {
            sql.append(" AND f.settled_on <= :to");
        }
        if (filters.team() != null) {
            sql.append(" AND f.team = :team");
        }
        if (filters.region() != null) {
            sql.append(" AND f.region = :region");
        }
        Query q = reach.bind(getEntityManager().createNativeQuery(sql.append(" ORDER BY f.settled_on, f.order_id").toString()));
        bindFilters(q, filters);
        List<SalesOrderRow> rows = new ArrayList<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            rows.add(new SalesOrderRow((UUID) r[0], (String) r[1], localDate(r[2]), (UUID) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                    (BigDecimal) r[10], (BigDecimal) r[11]));
        }
        return rows;
    }

    static void bindFilters(Query q, ExportFilters filters) {
        if (filters.from() != null) {
            q.setParameter("from", filters.from());
        }
        if (filters.to() != null) {
            q.setParameter("to", filters.to());
        }
        if (filters.team() != null) {
            q.setParameter("team", filters.team());
        }
        if (filters.region() != null) {
            q.setParameter("region", filters.region());
        }
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
