package com.salesaffairs.order.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.order.domain.ApprovalStep;
import com.salesaffairs.order.domain.Order;
import com.salesaffairs.order.domain.OrderLine;
import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;

/**
 * The order's integration events (DESIGN section 5). Every payload carries the order's identity,
 * owner, team, region, channel and money, so a finance or ERP consumer needs nothing else.
 */
@ApplicationScoped
public class OrderEvents {
    private final Outbox outbox;

    public OrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void submitted(Order o) {
        Map<String, Object> p = base(o);
        p.put("submittedBy", o.submittedBy());
        p.put("submittedAt", o.submittedAt());
        p.put("paymentTerms", o.paymentTerms());
        p.put("approvalPolicyVersion", o.approvalPolicyVersion());
        p.put("approvalSteps", o.pendingSteps().stream().map(s -> Map.of("role", s.role(), "reason", s.reason())).toList());
        p.put("lines", lines(o));
        emit(o, "sales.order.submitted.v1", p);
    }

    public void approved(Order o) {
        Map<String, Object> p = base(o);
        p.put("approvedAt", o.approvedAt());
        p.put("shipBy", o.shipBy());
        p.put("paymentTerms", o.paymentTerms());
        p.put("shippingAddress", o.shippingAddress());
        p.put("approvalPolicyVersion", o.approvalPolicyVersion());
        p.put("approvals", decided(o));
        p.put("lines", lines(o));
        emit(o, "sales.order.approved.v1", p);
    }

    public void rejected(Order o, ApprovalStep by) {
        Map<String, Object> p = base(o);
        p.put("rejectedBy", by.decidedBy());
        p.put("onBehalfOf", by.onBehalfOf());
        p.put("role", by.role());
        p.put("reason", by.comment());
        p.put("rejectedAt", by.decidedAt());
        emit(o, "sales.order.rejected.v1", p);
    }

    public void shipped(Order o, UUID shipmentId, String carrier, String tracking, Map<Integer, Integer> quantities,
            Instant at) {
        Map<String, Object> p = base(o);
        p.put("shipmentId", shipmentId);
        p.put("carrier", carrier);
        p.put("trackingNumber", tracking);
        p.put("shippedAt", at);
        p.put("complete", o.status() == com.salesaffairs.order.domain.OrderStatus.SHIPPED);
        p.put("shipBy", o.shipBy());
        p.put("lines", quantities.entrySet().stream().map(e -> {
            OrderLine l = o.line(e.getKey());
            return Map.of("lineNo", l.lineNo(), "sku", l.sku(), "quantity", e.getValue(), "shippedToDate", l.shippedQty(),
                    "ordered", l.quantity());
        }).toList());
        emit(o, "sales.order.shipped.v1", p);
    }

    public void invoiced(Order o, UUID invoiceId, String number, BigDecimal amount, java.time.LocalDate due,
            List<Map<String, Object>> invoiceLines, Instant at) {
        Map<String, Object> p = base(o);
        p.put("invoiceId", invoiceId);
        p.put("invoiceNumber", number);
        p.put("amount", amount);
        p.put("invoicedToDate", o.invoicedAmount());
        p.put("dueDate", due);
        p.put("paymentTerms", o.paymentTerms());
        p.put("issuedAt", at);
        p.put("lines", invoiceLines);
        emit(o, "sales.order.invoiced.v1", p);
    }

    public void paymentReceived(Order o, UUID paymentId, BigDecimal amount, String method, String reference, Instant at) {
        Map<String, Object> p = base(o);
        p.put("paymentId", paymentId);
        p.put("amount", amount);
        p.put("method", method);
        p.put("reference", reference);
        p.put("paidToDate", o.paidAmount());
        p.put("outstanding", o.netAmount().subtract(o.paidAmount()));
        p.put("receivedAt", at);
        emit(o, "sales.order.payment-received.v1", p);
    }

    public void settled(Order o) {
        Map<String, Object> p = base(o);
        p.put("submittedAt", o.submittedAt());
        p.put("approvedAt", o.approvedAt());
        p.put("settledAt", o.settledAt());
        p.put("lines", lines(o));
        emit(o, "sales.order.settled.v1", p);
    }

    public void cancelled(Order o, String reason, String by) {
        Map<String, Object> p = base(o);
        p.put("reason", reason);
        p.put("cancelledBy", by);
        p.put("cancelledAt", o.cancelledAt());
        p.put("paidAmount", o.paidAmount());
        p.put("refundDue", o.refundDue());
        emit(o, "sales.order.cancelled.v1", p);
    }

    /** What a short-close cancelled, per line, and what the order is worth now ({@code netAmount}). */
    public void shortClosed(Order o, List<Order.ClosedLine> closed, BigDecimal netAmountBefore, String reason, String by) {
        Map<String, Object> p = base(o);
        p.put("netAmountBefore", netAmountBefore);
        p.put("lines", closed.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lineNo", c.lineNo());
            m.put("sku", c.sku());
            m.put("category", c.category());
            m.put("quantityCancelled", c.quantityCancelled());
            m.put("netAmountCancelled", c.netAmountCancelled());
            m.put("costAmountCancelled", c.costAmountCancelled());
            return m;
        }).toList());
        p.put("shortClosedBy", by);
        p.put("reason", reason);
        p.put("shortClosedAt", o.shortClosedAt());
        emit(o, "sales.order.short-closed.v1", p);
    }

    public void refunded(Order o, UUID refundId, BigDecimal amount, String reason,
            List<com.salesaffairs.order.domain.Ledger.RefundLine> lines, Instant at) {
        Map<String, Object> p = base(o);
        p.put("refundId", refundId);
        p.put("amount", amount);
        p.put("refundedToDate", o.refundedAmount());
        p.put("reason", reason);
        p.put("refundedAt", at);
        p.put("lines", lines.stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lineNo", l.lineNo());
            m.put("sku", l.sku());
            m.put("category", l.category());
            if (l.quantity() != null) {
                m.put("quantity", l.quantity());
            }
            m.put("netAmount", l.netAmount());
            return m;
        }).toList());
        emit(o, "sales.order.refunded.v1", p);
    }

    private void emit(Order o, String type, Map<String, Object> payload) {
        outbox.record(Topics.ORDER, "order", o.id().toString(), type, payload);
    }

    private static Map<String, Object> base(Order o) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("orderId", o.id());
        p.put("orderNumber", o.orderNumber());
        p.put("status", o.status());
        p.put("customerId", o.customerId());
        p.put("customerName", o.customerName());
        p.put("opportunityId", o.opportunityId());
        p.put("ownerId", o.ownerId());
        p.put("team", o.team());
        p.put("region", o.region());
        p.put("channel", o.channel());
        p.put("currency", o.currency());
        p.put("netAmount", o.netAmount());
        p.put("costAmount", o.costAmount());
        return p;
    }

    private static List<Map<String, Object>> lines(Order o) {
        return o.lines().stream().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lineNo", l.lineNo());
            m.put("sku", l.sku());
            m.put("productName", l.productName());
            m.put("category", l.category());
            // What the line sells: as ordered, or after a short-close what shipped of it.
            m.put("quantity", l.soldQuantity());
            m.put("unitPrice", l.unitPrice());
            m.put("discountPct", l.discountPct());
            m.put("netAmount", l.soldNetAmount());
            m.put("costAmount", l.soldCostAmount());
            return m;
        }).toList();
    }

    private static List<Map<String, Object>> decided(Order o) {
        int round = o.currentRound();
        return o.approvals().stream().filter(s -> s.round() == round).map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("role", s.role());
            m.put("reason", s.reason());
            m.put("decidedBy", s.decidedBy());
            m.put("onBehalfOf", s.onBehalfOf());
            m.put("decidedAt", s.decidedAt());
            return m;
        }).toList();
    }
}
