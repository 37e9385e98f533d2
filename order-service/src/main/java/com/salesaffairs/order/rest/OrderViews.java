package com.salesaffairs.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.salesaffairs.order.domain.ApprovalStep;
import com.salesaffairs.order.domain.Ledger;
import com.salesaffairs.order.domain.Order;
import com.salesaffairs.order.domain.OrderLine;
import com.salesaffairs.platform.rest.Versioned;

/** What the order API answers; entities never cross the REST boundary. */
public final class OrderViews {
    private OrderViews() {
    }

    public record LineView(int lineNo, String sku, String productName, String category, int quantity,
            BigDecimal listPrice, BigDecimal unitPrice, BigDecimal discountPct, BigDecimal netAmount, int shippedQuantity,
            int invoicedQuantity) {
        static LineView of(OrderLine l) {
            return new LineView(l.lineNo(), l.sku(), l.productName(), l.category(), l.quantity(), l.listPrice(),
                    l.unitPrice(), l.discountPct(), l.netAmount(), l.shippedQty(), l.invoicedQty());
        }
    }

    public record ApprovalView(int round, int step, String role, String reason, String status, String decidedBy,
            String onBehalfOf, Instant decidedAt, String comment) {
        static ApprovalView of(ApprovalStep s) {
            return new ApprovalView(s.round(), s.stepNo(), s.role(), s.reason(), s.status().name(), s.decidedBy(),
                    s.onBehalfOf(), s.decidedAt(), s.comment());
        }
    }

    public record OrderView(UUID id, String orderNumber, String status, UUID customerId, String customerName,
            UUID opportunityId, String ownerId, String team, String region, String channel, String currency,
            String paymentTerms, LocalDate requestedShipDate, String shippingAddress, BigDecimal netAmount,
            BigDecimal invoicedAmount, BigDecimal paidAmount, BigDecimal refundedAmount, BigDecimal outstandingAmount,
            BigDecimal refundDue, List<LineView> lines, List<ApprovalView> approvals, Integer approvalPolicyVersion,
            Integer fulfilmentPolicyVersion, String rejectionReason, Instant submittedAt, Instant approvedAt,
            LocalDate shipBy, Instant shippedAt, Instant settledAt, Instant cancelledAt, Instant createdAt,
            Instant updatedAt, long version) implements Versioned {
        public static OrderView of(Order o) {
            return new OrderView(o.id(), o.orderNumber(), o.status().name(), o.customerId(), o.customerName(),
                    o.opportunityId(), o.ownerId(), o.team(), o.region(), o.channel().name(), o.currency(),
                    o.paymentTerms().name(), o.requestedShipDate(), o.shippingAddress(), o.netAmount(),
                    o.invoicedAmount(), o.paidAmount(), o.refundedAmount(), outstanding(o), o.refundDue(),
                    o.lines().stream().map(LineView::of).toList(), o.approvals().stream().map(ApprovalView::of).toList(),
                    o.approvalPolicyVersion(), o.fulfilmentPolicyVersion(), o.rejectionReason(), o.submittedAt(),
                    o.approvedAt(), o.shipBy(), o.shippedAt(), o.settledAt(), o.cancelledAt(), o.createdAt(),
                    o.updatedAt(), o.version());
        }

        /** What the customer still has to pay; nothing on a cancelled order, which owes {@code refundDue} back instead. */
        private static BigDecimal outstanding(Order o) {
            return o.status() == com.salesaffairs.order.domain.OrderStatus.CANCELLED
                    ? com.salesaffairs.order.domain.Money.ZERO : o.netAmount().subtract(o.paidAmount());
        }
    }

    public record ShipmentView(UUID id, UUID orderId, String carrier, String trackingNumber, String shippedBy,
            Instant shippedAt, String orderStatus) {
    }

    public record InvoiceView(UUID id, String invoiceNumber, UUID orderId, BigDecimal amount, LocalDate dueDate,
            String issuedBy, Instant issuedAt) {
        static InvoiceView of(Ledger.Invoice i) {
            return new InvoiceView(i.id, i.invoiceNumber, i.orderId, i.amount, i.dueDate, i.issuedBy, i.issuedAt);
        }
    }

    public record PaymentView(UUID id, UUID orderId, BigDecimal amount, String method, String reference,
            String recordedBy, Instant receivedAt, String orderStatus, BigDecimal outstandingAmount) {
    }

    public record RefundView(UUID id, UUID orderId, BigDecimal amount, String reason, String recordedBy,
            Instant refundedAt) {
    }

    public record HistoryView(Instant at, String actor, String onBehalfOf, String action, String detail,
            String policyKey, Integer policyVersion) {
        static HistoryView of(Ledger.HistoryEntry h) {
            return new HistoryView(h.at, h.actor, h.onBehalfOf, h.action, h.detail, h.policyKey, h.policyVersion);
        }
    }
}
