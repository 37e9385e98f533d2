package com.salesaffairs.order.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import com.salesaffairs.order.domain.ApprovalStep;
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

    /**
     * A step role someone may decide, on orders of one team or (team null) of every team; lent by
     * {@code delegatorId} (null: the caller's own), whose own orders it never reaches.
     */
    public record DecisionRight(String role, String team, String delegatorId) {
    }

    /**
     * Orders pending approval with a pending step one of the rights covers, neither owned nor
     * submitted by {@code userId}, and none of whose steps {@code username} approved this round;
     * oldest submission first.
     */
    public PanacheQuery<Order> awaiting(List<DecisionRight> rights, String userId, String username, UUID customerId) {
        if (rights.isEmpty()) {
            return find("FROM Order o WHERE 1 = 0");
        }
        StringBuilder steps = new StringBuilder();
        Parameters params = Parameters.with("pending", OrderStatus.PENDING_APPROVAL)
                .and("stepPending", ApprovalStep.Status.PENDING).and("me", userId);
        for (int i = 0; i < rights.size(); i++) {
            steps.append(i == 0 ? "" : " OR ").append("(s.role = :role").append(i);
            params.and("role" + i, rights.get(i).role());
            if (rights.get(i).team() != null) {
                steps.append(" AND o.team = :team").append(i);
                params.and("team" + i, rights.get(i).team());
            }
            if (rights.get(i).delegatorId() != null) {
                steps.append(" AND o.ownerId <> :lender").append(i)
                        .append(" AND (o.submittedBy IS NULL OR o.submittedBy <> :lender").append(i).append(')');
                params.and("lender" + i, rights.get(i).delegatorId());
            }
            steps.append(')');
        }
        params.and("stepApproved", ApprovalStep.Status.APPROVED).and("username", String.valueOf(username));
        String where = "o.status = :pending AND o.ownerId <> :me"
                + " AND (o.submittedBy IS NULL OR o.submittedBy <> :me)"
                + " AND EXISTS (SELECT 1 FROM o.approvals s WHERE s.status = :stepPending AND (" + steps + "))"
                + " AND NOT EXISTS (SELECT 1 FROM o.approvals a WHERE a.status = :stepApproved"
                + " AND (a.decidedBy = :username OR a.onBehalfOf = :username)"
                + " AND a.round = (SELECT MAX(r.round) FROM o.approvals r))";
        if (customerId != null) {
            where += " AND o.customerId = :customer";
            params.and("customer", customerId);
        }
        return find("FROM Order o WHERE " + where + " ORDER BY o.submittedAt, o.id", params);
    }

    /**
     * Submitted and not yet paid: what the customer owes or will owe if the orders in review are
     * approved (finance's credit exposure). Open are PENDING_APPROVAL, APPROVED, PARTIALLY_SHIPPED
     * and SHIPPED; drafts, rejected, cancelled and settled orders owe nothing. Counts committed
     * orders only, never {@code except} (the order being submitted or decided, whose amount the
     * caller adds): flushing its changes first (Hibernate's default before a query on its table)
     * would only write its row twice in one approval.
     */
    public BigDecimal openExposure(UUID customerId, UUID except) {
        // The open statuses are literals, not a list parameter, so Hibernate translates each query once.
        var query = getEntityManager().createQuery(except == null ? """
                SELECT COALESCE(SUM(o.netAmount - o.paidAmount), 0) FROM Order o
                WHERE o.customerId = :customer
                AND o.status IN (PENDING_APPROVAL, APPROVED, PARTIALLY_SHIPPED, SHIPPED)""" : """
                SELECT COALESCE(SUM(o.netAmount - o.paidAmount), 0) FROM Order o
                WHERE o.customerId = :customer AND o.id <> :except
                AND o.status IN (PENDING_APPROVAL, APPROVED, PARTIALLY_SHIPPED, SHIPPED)""", BigDecimal.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("customer", customerId);
        if (except != null) {
            query.setParameter("except", except);
        }
        return query.getSingleResult().setScale(2);
    }

    /** Every open order of the customer counts (see {@link #openExposure(UUID, UUID)}). */
    public BigDecimal openExposure(UUID customerId) {
        return openExposure(customerId, null);
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
