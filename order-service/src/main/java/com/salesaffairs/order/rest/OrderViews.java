package com.salesaffairs.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
            BigDecimal listPrice, BigDecimal unitPrice, BigDecimal discountPct,
            @Schema(description = "what the line sells for: quantity x unitPrice less discountPct, or after a short-close"
                    + " the share of that its shipped units are worth") BigDecimal netAmount,
            int shippedQuantity, int invoicedQuantity,
            @Schema(description = "units a short-close cancelled (never to ship); 0 otherwise") int cancelledQuantity) {
        static LineView of(OrderLine l) {
            return new LineView(l.lineNo(), l.sku(), l.productName(), l.category(), l.quantity(), l.listPrice(),
                    l.unitPrice(), l.discountPct(), l.soldNetAmount(), l.shippedQty(), l.invoicedQty(), l.cancelledQty());
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
            @Schema(description = "the won opportunity of this customer the order names; null when none") UUID opportunityId,
            String ownerId, String team, String region, String channel, String currency,
            String paymentTerms, LocalDate requestedShipDate, String shippingAddress, BigDecimal netAmount,
            BigDecimal invoicedAmount, BigDecimal paidAmount, BigDecimal refundedAmount, BigDecimal outstandingAmount,
            BigDecimal refundDue, List<LineView> lines, List<ApprovalView> approvals, Integer approvalPolicyVersion,
            Integer fulfilmentPolicyVersion, String rejectionReason, Instant submittedAt, Instant approvedAt,
            LocalDate shipBy, Instant shippedAt, Instant settledAt, Instant cancelledAt, Instant createdAt,
            Instant updatedAt, long version, Instant shortClosedAt) implements Versioned {
        public static OrderView of(Order o) {
            return new OrderView(o.id(), o.orderNumber(), o.status().name(), o.customerId(), o.customerName(),
                    o.opportunityId(), o.ownerId(), o.team(), o.region(), o.channel().name(), o.currency(),
                    o.paymentTerms().name(), o.requestedShipDate(), o.shippingAddress(), o.netAmount(),
                    o.invoicedAmount(), o.paidAmount(), o.refundedAmount(), outstanding(o), o.refundDue(),
                    o.lines().stream().map(LineView::of).toList(), o.approvals().stream().map(ApprovalView::of).toList(),
                    o.approvalPolicyVersion(), o.fulfilmentPolicyVersion(), o.rejectionReason(), o.submittedAt(),
                    o.approvedAt(), o.shipBy(), o.shippedAt(), o.settledAt(), o.cancelledAt(), o.createdAt(),
                    o.updatedAt(), o.version(), o.shortClosedAt());
        }

        /** What the customer still has to pay; nothing on a cancelled order, which owes {@code refundDue} back instead. */
        private static BigDecimal outstanding(Order o) {
            return o.status() == com.salesaffairs.order.domain.OrderStatus.CANCELLED
                    ? com.salesaffairs.order.domain.Money.ZERO : o.netAmount().subtract(o.paidAmount());
        }
    }

    /** One order line's part of a shipment or invoice: its units and the net amount they are worth. */
    public record PartView(int lineNo, String sku, int quantity,
            @Schema(description = "net amount of these units of the line; the parts of a line add up to its net amount")
            BigDecimal amount) {
        static List<PartView> of(List<Ledger.PartLine> parts) {
            return parts.stream().map(p -> new PartView(p.lineNo(), p.sku(), p.quantity(), p.netAmount())).toList();
        }
    }

    public record ShipmentView(UUID id, UUID orderId, String carrier, String trackingNumber, String shippedBy,
            Instant shippedAt, String orderStatus, List<PartView> lines) {
        static ShipmentView of(Ledger.Shipment s, String orderStatus, List<Ledger.PartLine> lines) {
            return new ShipmentView(s.id, s.orderId, s.carrier, s.trackingNumber, s.shippedBy, s.shippedAt, orderStatus,
                    PartView.of(lines));
        }
    }

    public record InvoiceView(UUID id, String invoiceNumber, UUID orderId, BigDecimal amount, LocalDate dueDate,
            String issuedBy, Instant issuedAt, List<PartView> lines) {
        static InvoiceView of(Ledger.Invoice i, List<Ledger.PartLine> lines) {
            return new InvoiceView(i.id, i.invoiceNumber, i.orderId, i.amount, i.dueDate, i.issuedBy, i.issuedAt,
                    PartView.of(lines));
        }
    }

    public record PaymentView(UUID id, UUID orderId, BigDecimal amount, String method, String reference,
            String recordedBy, Instant receivedAt, String orderStatus, BigDecimal outstandingAmount) {
    }

    /** One order line's part of a refund: the money given back on it, the units returned when named. */
    public record RefundLineView(int lineNo, String sku, String category, Integer quantity, BigDecimal amount) {
        static List<RefundLineView> of(List<Ledger.RefundLine> lines) {
            return lines.stream().map(l -> new RefundLineView(l.lineNo(), l.sku(), l.category(), l.quantity(),
                    l.netAmount())).toList();
        }
    }

    public record RefundView(UUID id, UUID orderId, BigDecimal amount, String reason, String recordedBy,
            Instant refundedAt, List<RefundLineView> lines) {
        static RefundView of(Ledger.Refund r, List<Ledger.RefundLine> lines) {
            return new RefundView(r.id, r.orderId, r.amount, r.reason, r.recordedBy, r.refundedAt, RefundLineView.of(lines));
        }
    }

    public record HistoryView(Instant at, String actor, String onBehalfOf, String action, String detail,
            String policyKey, Integer policyVersion) {
        static HistoryView of(Ledger.HistoryEntry h) {
            return new HistoryView(h.at, h.actor, h.onBehalfOf, h.action, h.detail, h.policyKey, h.policyVersion);
        }
    }
}
