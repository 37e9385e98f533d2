package com.salesaffairs.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ListIndexBase;

/**
 * A sales order and its state machine (policy 3.2): entered as a draft by the rep, submitted for
 * the review its approval chain names, executed from reserved stock to shipment, invoiced and paid
 * until settled. Every move is a method that checks the current state.
 */
@Entity
@Table(name = "sales_order")
public class Order {
    @Id
    private UUID id;
    @Column(name = "order_number", nullable = false)
    private String orderNumber;
    @Column(name = "customer_id", nullable = false)
    private UUID customerId;
    @Column(name = "customer_name", nullable = false)
    private String customerName;
    @Column(name = "opportunity_id")
    private UUID opportunityId;
    @Column(name = "owner_id", nullable = false)
    private String ownerId;
    private String team;
    private String region;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;
    @Column(nullable = false)
    private String currency;
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_terms", nullable = false)
    private PaymentTerms paymentTerms;
    @Column(name = "requested_ship_date")
    private LocalDate requestedShipDate;
    @Column(name = "shipping_address", nullable = false)
    private String shippingAddress;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;
    @Column(name = "net_amount", nullable = false)
    private BigDecimal netAmount;
    @Column(name = "cost_amount", nullable = false)
    private BigDecimal costAmount;
    @Column(name = "invoiced_amount", nullable = false)
    private BigDecimal invoicedAmount;
    @Column(name = "paid_amount", nullable = false)
    private BigDecimal paidAmount;
    @Column(name = "refunded_amount", nullable = false)
    private BigDecimal refundedAmount;
    @Column(name = "approval_policy_version")
    private Integer approvalPolicyVersion;
    @Column(name = "fulfilment_policy_version")
    private Integer fulfilmentPolicyVersion;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "ship_by")
    private LocalDate shipBy;
    @Column(name = "shipped_at")
    private Instant shippedAt;
    @Column(name = "settled_at")
    private Instant settledAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "short_closed_at")
    private Instant shortClosedAt;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    @ListIndexBase(1)
    private List<OrderLine> lines = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "approval_step", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "step_index")
    private List<ApprovalStep> approvals = new ArrayList<>();

    protected Order() {
    }

    /** The parts of an order its owner may set while it is a draft. */
    public record Terms(UUID opportunityId, Channel channel, String currency, PaymentTerms paymentTerms,
            LocalDate requestedShipDate, String shippingAddress) {
    }

    public static Order draft(String orderNumber, CustomerAccount customer, String ownerId, Terms terms,
            List<OrderLine> lines, Instant at) {
        Order o = new Order();
        o.id = UUID.randomUUID();
        o.orderNumber = orderNumber;
        o.customerId = customer.id();
        o.customerName = customer.name();
        o.ownerId = ownerId;
        o.team = customer.team();
        o.region = customer.region();
        o.status = OrderStatus.DRAFT;
        o.invoicedAmount = Money.ZERO;
        o.paidAmount = Money.ZERO;
        o.refundedAmount = Money.ZERO;
        o.createdAt = at;
        o.apply(terms, lines, at);
        return o;
    }

    /** Drafts and rejected orders can be edited by their owner; an approved order never. */
    public void edit(Terms terms, List<OrderLine> newLines, Instant at) {
        requireEditable();
        apply(terms, newLines, at);
    }

    /** 409 unless the order is a draft or rejected. */
    public void requireEditable() {
        if (status != OrderStatus.DRAFT && status != OrderStatus.REJECTED) {
            throw OrderRules.illegalTransition(this, "edited (cancel and re-enter it instead)");
        }
    }

    private void apply(Terms terms, List<OrderLine> newLines, Instant at) {
        opportunityId = terms.opportunityId();
        channel = terms.channel();
        currency = terms.currency();
        paymentTerms = terms.paymentTerms();
        requestedShipDate = terms.requestedShipDate();
        shippingAddress = terms.shippingAddress();
        lines.clear();
        lines.addAll(newLines);
        netAmount = newLines.stream().map(OrderLine::netAmount).reduce(Money.ZERO, BigDecimal::add);
        costAmount = newLines.stream().map(OrderLine::costAmount).reduce(Money.ZERO, BigDecimal::add);
        updatedAt = at;
    }

    public BigDecimal maxLineDiscountPct() {
        return lines.stream().map(OrderLine::discountPct).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    /** Sends the order to review with a fresh chain; an empty chain approves nothing yet (see {@link #approve}). */
    public void submit(List<ApprovalChain.Required> chain, int policyVersion, String submitter, Instant at) {
        requireSubmittable();
        int round = currentRound() + 1;
        for (int i = 0; i < chain.size(); i++) {
            approvals.add(new ApprovalStep(round, i + 1, chain.get(i).role(), chain.get(i).reason()));
        }
        approvalPolicyVersion = policyVersion;
        submittedBy = submitter;
        submittedAt = at;
        rejectionReason = null;
        status = OrderStatus.PENDING_APPROVAL;
        updatedAt = at;
    }

    /** Only drafts and rejected orders go to review; checked before any rule, so a second submit is a conflict. */
    public void requireSubmittable() {
        if (status != OrderStatus.DRAFT && status != OrderStatus.REJECTED) {
            throw OrderRules.illegalTransition(this, "submitted");
        }
    }

    public int currentRound() {
        return approvals.stream().mapToInt(ApprovalStep::round).max().orElse(0);
    }

    public List<ApprovalStep> pendingSteps() {
        int round = currentRound();
        return approvals.stream().filter(s -> s.round() == round && s.status() == ApprovalStep.Status.PENDING).toList();
    }

    /**
     * Records one department's approval.
     *
     * @return true when it was the last one pending
     */
    public boolean approveStep(ApprovalStep step, String approver, String onBehalfOf, String comment, Instant at) {
        requirePending(step);
        step.decide(ApprovalStep.Status.APPROVED, approver, onBehalfOf, at, comment);
        updatedAt = at;
        return pendingSteps().isEmpty();
    }

    /**
     * Adds a step to the current round after the others were approved: what the order's facts now
     * require (finance, when the customer's credit no longer covers it) and the chain did not have.
     */
    public void requireFurtherStep(ApprovalChain.Required required, Instant at) {
        if (status != OrderStatus.PENDING_APPROVAL) {
            throw OrderRules.illegalTransition(this, "given a further approval step");
        }
        int round = currentRound();
        int stepNo = approvals.stream().filter(s -> s.round() == round).mapToInt(ApprovalStep::stepNo).max().orElse(0) + 1;
        approvals.add(new ApprovalStep(round, stepNo, required.role(), required.reason()));
        updatedAt = at;
    }

    /** Whether someone holding {@code role} approved in the current round. */
    public boolean approvedThisRoundBy(String role) {
        int round = currentRound();
        return approvals.stream().anyMatch(s -> s.round() == round && s.role().equals(role)
                && s.status() == ApprovalStep.Status.APPROVED);
    }

    /**
     * The step of the current round this person approved, themselves or as someone's delegate: one
     * person's authority clears at most one step of a round, so every department's review is a
     * second pair of eyes.
     */
    public Optional<ApprovalStep> approvedThisRoundByPerson(String username) {
        int round = currentRound();
        return approvals.stream().filter(s -> s.round() == round && s.status() == ApprovalStep.Status.APPROVED
                && (username.equals(s.decidedBy()) || username.equals(s.onBehalfOf()))).findFirst();
    }

    /** A rejection by any department returns the order to the rep with the reason. */
    public void rejectStep(ApprovalStep step, String approver, String onBehalfOf, String comment, Instant at) {
        requirePending(step);
        step.decide(ApprovalStep.Status.REJECTED, approver, onBehalfOf, at, comment);
        for (ApprovalStep other : pendingSteps()) {
            other.withdraw(at);
        }
        status = OrderStatus.REJECTED;
        rejectionReason = step.role() + ": " + comment;
        updatedAt = at;
    }

    private void requirePending(ApprovalStep step) {
        if (status != OrderStatus.PENDING_APPROVAL || !pendingSteps().contains(step)) {
            throw OrderRules.illegalTransition(this, "approved or rejected now");
        }
    }

    /** Fully approved and stock reserved: the order goes to the warehouse with a ship-by date. */
    public void approve(LocalDate shipByDate, int fulfilmentVersion, Instant at) {
        if (status != OrderStatus.PENDING_APPROVAL || !pendingSteps().isEmpty()) {
            throw OrderRules.illegalTransition(this, "approved");
        }
        status = OrderStatus.APPROVED;
        approvedAt = at;
        shipBy = shipByDate;
        fulfilmentPolicyVersion = fulfilmentVersion;
        updatedAt = at;
    }

    /** Ships the given quantities per line number; partial shipments are allowed. */
    public void ship(Map<Integer, Integer> quantities, Instant at) {
        if (status != OrderStatus.APPROVED && status != OrderStatus.PARTIALLY_SHIPPED) {
            throw OrderRules.illegalTransition(this, "shipped");
        }
        // Prepaid orders skip the credit review, so nothing leaves the warehouse before the money is in.
        if (paymentTerms == PaymentTerms.PREPAID && paidAmount.compareTo(netAmount) < 0) {
            throw OrderRules.violated("shipment.prepaid-unpaid", "order " + orderNumber + " is prepaid: "
                    + netAmount.subtract(paidAmount) + " is still to be paid before it ships");
        }
        int index = 0;
        for (Map.Entry<Integer, Integer> e : quantities.entrySet()) {
            OrderLine line = line(e.getKey());
            String field = "lines[" + index++ + "].quantity";
            if (e.getValue() <= 0) {
                throw com.salesaffairs.platform.problem.ApiProblem.invalid(field, "must be at least 1");
            }
            if (e.getValue() > line.leftToShip()) {
                throw OrderRules.violatedAt("shipment.quantity-left", field, "line " + line.lineNo() + " has "
                        + line.leftToShip() + " left to ship, not " + e.getValue());
            }
        }
        quantities.forEach((lineNo, qty) -> line(lineNo).ship(qty));
        boolean all = lines.stream().allMatch(l -> l.leftToShip() == 0);
        status = all ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED;
        if (all) {
            shippedAt = at;
        }
        updatedAt = at;
    }

    /**
     * Invoices shipped, not yet invoiced quantities.
     *
     * @return the invoice amount
     */
    public BigDecimal invoice(Map<Integer, Integer> quantities, Instant at) {
        if (status != OrderStatus.PARTIALLY_SHIPPED && status != OrderStatus.SHIPPED) {
            throw OrderRules.illegalTransition(this, "invoiced");
        }
        BigDecimal amount = Money.ZERO;
        int index = 0;
        for (Map.Entry<Integer, Integer> e : quantities.entrySet()) {
            OrderLine line = line(e.getKey());
            int qty = e.getValue();
            String field = "lines[" + index++ + "].quantity";
            if (qty <= 0 || qty > line.shippedQty() - line.invoicedQty()) {
                throw OrderRules.violatedAt("invoice.shipped-quantity", field, "line " + line.lineNo() + " has "
                        + (line.shippedQty() - line.invoicedQty()) + " shipped and not invoiced, not " + qty);
            }
            amount = amount.add(Money.share(line.netAmount(), line.quantity(), qty, line.invoicedQty()));
        }
        if (amount.signum() <= 0) {
            throw OrderRules.violated("invoice.shipped-quantity", "nothing shipped is left to invoice");
        }
        quantities.forEach((lineNo, qty) -> line(lineNo).invoice(qty));
        invoicedAmount = invoicedAmount.add(amount);
        updatedAt = at;
        return amount;
    }

    /** Every shipped quantity not yet invoiced, by line. */
    public Map<Integer, Integer> uninvoiced() {
        Map<Integer, Integer> left = new java.util.LinkedHashMap<>();
        for (OrderLine l : lines) {
            if (l.shippedQty() > l.invoicedQty()) {
                left.put(l.lineNo(), l.shippedQty() - l.invoicedQty());
            }
        }
        return left;
    }

    /** Records a payment; an overpayment is refused. The caller then tries {@link #settleIfComplete}. */
    public void pay(BigDecimal amount, Instant at) {
        if (status == OrderStatus.DRAFT || status == OrderStatus.PENDING_APPROVAL || status == OrderStatus.REJECTED
                || status == OrderStatus.CANCELLED || status == OrderStatus.SETTLED) {
            throw OrderRules.illegalTransition(this, "paid");
        }
        BigDecimal outstanding = netAmount.subtract(paidAmount);
        if (amount.compareTo(outstanding) > 0) {
            throw OrderRules.violated("payment.overpayment", "payment " + amount + " exceeds the outstanding "
                    + outstanding);
        }
        paidAmount = paidAmount.add(amount);
        updatedAt = at;
    }

    /** Settled once every unit has shipped, been invoiced and every cent is paid. */
    public boolean settleIfComplete(Instant at) {
        if (status == OrderStatus.SHIPPED && paidAmount.compareTo(netAmount) == 0
                && invoicedAmount.compareTo(netAmount) == 0) {
            status = OrderStatus.SETTLED;
            settledAt = at;
            updatedAt = at;
            return true;
        }
        return false;
    }

    /**
     * Before anything has shipped, paid or not; the caller releases the reservations. Money already
     * paid stays on record as {@link #refundDue()}, for finance to return.
     */
    public void cancel(String reason, Instant at) {
        boolean nothingShipped = lines.stream().allMatch(l -> l.shippedQty() == 0);
        if (!(status == OrderStatus.DRAFT || status == OrderStatus.PENDING_APPROVAL || status == OrderStatus.REJECTED
                || status == OrderStatus.APPROVED) || !nothingShipped) {
            throw OrderRules.illegalTransition(this, "cancelled");
        }
        for (ApprovalStep step : pendingSteps()) {
            step.withdraw(at);
        }
        status = OrderStatus.CANCELLED;
        cancelledAt = at;
        rejectionReason = reason;
        updatedAt = at;
    }

    /** What a short-close cancelled of one line: the units never to ship and what they were worth. */
    public record ClosedLine(int lineNo, String sku, String category, int quantityCancelled,
            BigDecimal netAmountCancelled, BigDecimal costAmountCancelled) {
    }

    /**
     * Closes a partially shipped order on what has shipped: the unshipped rest of every line is
     * cancelled, and the order, now SHIPPED, is worth what its lines sold (net and cost amounts
     * become the sum of the lines' sold shares). Only a PARTIALLY_SHIPPED order: one that has not
     * shipped anything is cancelled instead, one that has shipped everything has nothing to close.
     * Refused when more was paid than what shipped is worth (422 short-close.paid-amount): the
     * ledger has no money owed back on an order that is not cancelled. The caller releases the
     * reservations.
     *
     * @return the lines with something cancelled
     */
    public List<ClosedLine> shortClose(Instant at) {
        if (status != OrderStatus.PARTIALLY_SHIPPED) {
            throw OrderRules.illegalTransition(this, "short-closed (only a PARTIALLY_SHIPPED order is)");
        }
        BigDecimal shippedNet = Money.ZERO;
        for (OrderLine l : lines) {
            shippedNet = shippedNet.add(Money.share(l.netAmount(), l.quantity(), l.shippedQty(), 0));
        }
        if (paidAmount.compareTo(shippedNet) > 0) {
            throw OrderRules.violated("short-close.paid-amount", "order " + orderNumber + " has " + paidAmount
                    + " paid, more than the " + shippedNet + " that shipped is worth; ship the rest instead");
        }
        List<ClosedLine> closed = new ArrayList<>();
        for (OrderLine l : lines) {
            int left = l.leftToShip();
            if (left == 0) {
                continue;
            }
            BigDecimal net = l.soldNetAmount();
            BigDecimal cost = l.soldCostAmount();
            l.cancelRest();
            closed.add(new ClosedLine(l.lineNo(), l.sku(), l.category(), left, net.subtract(l.soldNetAmount()),
                    cost.subtract(l.soldCostAmount())));
        }
        netAmount = lines.stream().map(OrderLine::soldNetAmount).reduce(Money.ZERO, BigDecimal::add);
        costAmount = lines.stream().map(OrderLine::soldCostAmount).reduce(Money.ZERO, BigDecimal::add);
        status = OrderStatus.SHIPPED;
        shippedAt = at;
        shortClosedAt = at;
        updatedAt = at;
        return closed;
    }

    /** A return after settlement gives money back, never more than was paid. */
    public void refund(BigDecimal amount, Instant at) {
        if (status != OrderStatus.SETTLED) {
            throw OrderRules.illegalTransition(this, "refunded");
        }
        if (refundedAmount.add(amount).compareTo(paidAmount) > 0) {
            throw OrderRules.violated("refund.paid-amount", "refunds would exceed the " + paidAmount + " paid");
        }
        refundedAmount = refundedAmount.add(amount);
        updatedAt = at;
    }

    /** What a cancelled order owes the customer back: everything paid on it and not yet refunded. */
    public BigDecimal refundDue() {
        return status == OrderStatus.CANCELLED ? paidAmount.subtract(refundedAmount) : Money.ZERO;
    }

    public OrderLine line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst()
                .orElseThrow(() -> com.salesaffairs.platform.problem.ApiProblem.invalid("lines.lineNo",
                        "order has no line " + lineNo));
    }

    public boolean isOverdue(LocalDate today) {
        return shipBy != null && (status == OrderStatus.APPROVED || status == OrderStatus.PARTIALLY_SHIPPED)
                && today.isAfter(shipBy);
    }

    public UUID id() {
        return id;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public UUID customerId() {
        return customerId;
    }

    public String customerName() {
        return customerName;
    }

    public UUID opportunityId() {
        return opportunityId;
    }

    public String ownerId() {
        return ownerId;
    }

    public String team() {
        return team;
    }

    public String region() {
        return region;
    }

    public Channel channel() {
        return channel;
    }

    public String currency() {
        return currency;
    }

    public PaymentTerms paymentTerms() {
        return paymentTerms;
    }

    public LocalDate requestedShipDate() {
        return requestedShipDate;
    }

    public String shippingAddress() {
        return shippingAddress;
    }

    public OrderStatus status() {
        return status;
    }

    public BigDecimal netAmount() {
        return netAmount;
    }

    public BigDecimal costAmount() {
        return costAmount;
    }

    public BigDecimal invoicedAmount() {
        return invoicedAmount;
    }

    public BigDecimal paidAmount() {
        return paidAmount;
    }

    public BigDecimal refundedAmount() {
        return refundedAmount;
    }

    public Integer approvalPolicyVersion() {
        return approvalPolicyVersion;
    }

    public Integer fulfilmentPolicyVersion() {
        return fulfilmentPolicyVersion;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public LocalDate shipBy() {
        return shipBy;
    }

    public Instant shippedAt() {
        return shippedAt;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public Instant shortClosedAt() {
        return shortClosedAt;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<ApprovalStep> approvals() {
        return Collections.unmodifiableList(approvals);
    }
}
