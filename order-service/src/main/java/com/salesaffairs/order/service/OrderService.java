package com.salesaffairs.order.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.order.domain.ApprovalChain;
import com.salesaffairs.order.domain.ApprovalPolicy;
import com.salesaffairs.order.domain.ApprovalStep;
import com.salesaffairs.order.domain.CustomerAccount;
import com.salesaffairs.order.domain.Delegation;
import com.salesaffairs.order.domain.Ledger;
import com.salesaffairs.order.domain.Money;
import com.salesaffairs.order.domain.OpportunityFact;
import com.salesaffairs.order.domain.Order;
import com.salesaffairs.order.domain.OrderLine;
import com.salesaffairs.order.domain.OrderRules;
import com.salesaffairs.order.domain.OrderStatus;
import com.salesaffairs.order.domain.Product;
import com.salesaffairs.order.domain.RefundAttribution;
import com.salesaffairs.order.domain.ShipByDeadline;
import com.salesaffairs.order.messaging.OrderEvents;
import com.salesaffairs.order.repository.OrderRepository;
import com.salesaffairs.order.service.OrderCommands.Decision;
import com.salesaffairs.order.service.OrderCommands.LineInput;
import com.salesaffairs.order.service.OrderCommands.LineQuantity;
import com.salesaffairs.order.service.OrderCommands.OrderInput;
import com.salesaffairs.order.service.OrderCommands.PaymentInput;
import com.salesaffairs.order.service.OrderCommands.ShipmentInput;
import com.salesaffairs.platform.policy.PolicyStore;
import com.salesaffairs.platform.policy.PolicyVersion;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

import io.quarkus.panache.common.Page;

/** Order to cash (policy 3.2): each use case loads the order in the caller's scope, moves it, records history and events. */
@ApplicationScoped
@Transactional
public class OrderService {
    private static final Logger LOG = Logger.getLogger(OrderService.class);
    public static final String APPROVAL_POLICY = "order.approval";
    public static final String FULFILMENT_POLICY = "order.fulfilment";
    /** The company's booking currency (DESIGN section 3: default CNY). */
    private static final String BOOKING_CURRENCY = "CNY";
    /** What the money columns hold (NUMERIC(14,2)). */
    private static final BigDecimal MAX_ORDER_AMOUNT = new BigDecimal("999999999999.99");
    /** How far ahead of this server's clock a caller's clock may run before its "now" counts as future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final OrderRepository orders;
    private final EntityManager em;
    private final StockService stock;
    private final OrderEvents events;
    private final OrderHistory history;
    private final PolicyStore policies;
    private final DelegationService delegations;
    private final ObjectMapper json;
    private final Clock clock;

    public OrderService(OrderRepository orders, EntityManager em, StockService stock, OrderEvents events,
            OrderHistory history, PolicyStore policies, DelegationService delegations, ObjectMapper json, Clock clock) {
        this.orders = orders;
        this.em = em;
        this.stock = stock;
        this.events = events;
        this.history = history;
        this.policies = policies;
        this.delegations = delegations;
        this.json = json;
        this.clock = clock;
    }

    public Order create(OrderInput input, Scope caller) {
        CustomerAccount customer = knownCustomer(input.customerId(), caller);
        requireWonOpportunityOf(input.opportunityId(), customer.id(), customer.name(), false);
        Instant now = clock.instant();
        requireShipDateAhead(input, now);
        Order order = Order.draft(orders.nextOrderNumber(now.atZone(ZoneOffset.UTC).getYear()), customer,
                caller.userId(), terms(input), priced(input), now);
        orders.persistAndFlush(order);
        history.record(order.id(), caller.username(), "CREATED", "draft " + order.orderNumber() + " for "
                + customer.name() + ", net " + order.netAmount());
        LOG.infof("order %s (%s) drafted by %s", order.id(), order.orderNumber(), caller.userId());
        return order;
    }

    public Order edit(UUID id, Optional<Long> ifMatch, OrderInput input, Scope caller) {
        Order order = forChange(id, ifMatch, caller);
        requireOwner(order, caller, "edit");
        if (!order.customerId().equals(input.customerId())) {
            throw ApiProblem.invalid("customerId", "cannot change; cancel the order and enter a new one");
        }
        order.requireEditable();
        requireWonOpportunityOf(input.opportunityId(), order.customerId(), order.customerName(), false);
        requireShipDateAhead(input, clock.instant());
        order.edit(terms(input), priced(input), clock.instant());
        flush();
        history.record(order.id(), caller.username(), "EDITED", "net " + order.netAmount());
        return order;
    }

    /** Validates the order, computes its approval chain from the policy in force, and approves it at once if the chain is empty. */
    public Order submit(UUID id, Optional<Long> ifMatch, Scope caller) {
        Order order = forChange(id, ifMatch, caller);
        requireOwner(order, caller, "submit");
        order.requireSubmittable();
        // Reopened (or lost) since the draft named it: the order stays a draft until edited.
        requireWonOpportunityOf(order.opportunityId(), order.customerId(), order.customerName(), true);
        CustomerAccount customer = em.find(CustomerAccount.class, order.customerId());
        requireNotBlocked(customer);
        requireStillInCatalogue(order);
        PolicyVersion version = policies.require(APPROVAL_POLICY);
        ApprovalPolicy policy = ApprovalPolicy.from(version.version, policies.read(version.content));
        checkDiscountCap(order, policy);
        List<String> shortages = stock.availability(StockService.demand(order.lines())).stream()
                .filter(a -> a.shortBy() > 0).map(a -> a.sku() + " short by " + a.shortBy()).toList();
        if (!shortages.isEmpty()) {
            throw OrderRules.violated("order.stock-available", "not enough stock: " + String.join("; ", shortages));
        }
        List<ApprovalChain.Required> chain = chainFor(policy, order, customer, caller);
        if (chain.isEmpty() && ApprovalChain.checksCredit(policy, order.paymentTerms())) {
            // Approved at once: count the credit again under the customer's lock, as a last approval does.
            lockCreditHolder(customer);
            chain = chainFor(policy, order, customer, caller);
        }
        order.submit(chain, version.version, caller.userId(), clock.instant());
        history.record(order.id(), caller.username(), null, "SUBMITTED", chain.isEmpty() ? "no approval required"
                : "approval by " + String.join(", ", chain.stream().map(r -> r.role() + " (" + r.reason() + ")").toList()),
                APPROVAL_POLICY, version.version);
        events.submitted(order);
        if (chain.isEmpty()) {
            approveFully(order, caller.username());
        }
        flush();
        return order;
    }

    /**
     * One approver's decision on the step their role answers for. Never the submitter; a manager
     * only for their own team; the step's authority was fixed by the policy when the chain was made.
     */
    public Order decide(UUID id, Optional<Long> ifMatch, Decision decision, String comment, Scope caller) {
        Order order = forChange(id, ifMatch, caller);
        if (caller.userId().equals(order.submittedBy()) || caller.userId().equals(order.ownerId())) {
            throw ApiProblem.forbidden("nobody approves their own order");
        }
        if (order.status() != OrderStatus.PENDING_APPROVAL) {
            throw OrderRules.illegalTransition(order, "approved or rejected now");
        }
        Authority authority = authorityFor(order, caller);
        ApprovalStep step = authority.step();
        String onBehalfOf = authority.onBehalfOf();
        if (decision == Decision.APPROVE) {
            requireFreshEyes(order, step, caller.username(), onBehalfOf);
        }
        Instant now = clock.instant();
        if (decision == Decision.REJECT) {
            order.rejectStep(step, caller.username(), onBehalfOf, comment, now);
            history.record(order.id(), caller.username(), onBehalfOf, "REJECTED", step.role() + ": " + comment,
                    APPROVAL_POLICY, order.approvalPolicyVersion());
            events.rejected(order, step);
        } else {
            boolean last = order.approveStep(step, caller.username(), onBehalfOf, comment, now);
            history.record(order.id(), caller.username(), onBehalfOf, "STEP_APPROVED", step.role() + ": "
                    + step.reason() + (onBehalfOf == null ? "" : " (delegated by " + onBehalfOf + ")"),
                    APPROVAL_POLICY, order.approvalPolicyVersion());
            if (last) {
                Optional<ApprovalChain.Required> review = creditReviewNowNeeded(order);
                if (review.isPresent()) {
                    order.requireFurtherStep(review.get(), now);
                    history.record(order.id(), caller.username(), null, "CREDIT_REVIEW_ADDED", review.get().reason()
                            + " since submission", APPROVAL_POLICY, order.approvalPolicyVersion());
                } else {
                    approveFully(order, caller.username());
                }
            }
        }
        flush();
        return order;
    }

    /** The policy's chain; an order its team's own manager submits goes past them to the director. */
    private List<ApprovalChain.Required> chainFor(ApprovalPolicy policy, Order order, CustomerAccount customer,
            Scope submitter) {
        List<ApprovalChain.Required> chain = ApprovalChain.compute(policy, facts(order, customer));
        boolean teamManager = submitter.hasRole(Roles.SALES_MANAGER) && submitter.managesTeam(order.team());
        return teamManager ? ApprovalChain.escalatedPastSubmitter(chain) : chain;
    }

    /** One person's authority, their own or lent to them, approves at most one step of a round. */
    private static void requireFreshEyes(Order order, ApprovalStep step, String approver, String onBehalfOf) {
        for (String person : onBehalfOf == null ? List.of(approver) : List.of(approver, onBehalfOf)) {
            Optional<ApprovalStep> earlier = order.approvedThisRoundByPerson(person);
            if (earlier.isPresent()) {
                throw ApiProblem.forbidden(person + " already approved the " + earlier.get().role() + " step of this"
                        + " review; the " + step.role() + " step needs another approver");
            }
        }
    }

    /** A product deactivated while the order was a draft (or rejected) is no longer sold. */
    private void requireStillInCatalogue(Order order) {
        List<String> skus = order.lines().stream().map(OrderLine::sku).distinct().toList();
        List<Product> products = em.unwrap(Session.class).findMultiple(Product.class, skus);
        for (int i = 0; i < skus.size(); i++) {
            if (products.get(i) == null || !products.get(i).active()) {
                throw OrderRules.violated("order.sku-known", skus.get(i) + " is no longer an active product;"
                        + " edit the order or cancel it");
            }
        }
    }

    /**
     * Locks the customer until this transaction ends and reads it afresh, so that orders of one
     * customer being approved at once count each other's exposure; refused when finance has
     * blocked it. Only approvals take the lock: a chain computed without it is counted again here.
     */
    private void lockCreditHolder(CustomerAccount customer) {
        em.refresh(customer, LockModeType.PESSIMISTIC_WRITE);
        requireNotBlocked(customer);
    }

    private static void requireNotBlocked(CustomerAccount customer) {
        if (customer.blocked()) {
            throw OrderRules.violated("order.customer-blocked", "finance has blocked customer " + customer.name());
        }
    }

    private ApprovalChain.OrderFacts facts(Order order, CustomerAccount customer) {
        return new ApprovalChain.OrderFacts(order.maxLineDiscountPct(), order.netAmount(), order.paymentTerms(),
                orders.openExposure(order.customerId(), order.id()), customer.creditLimit());
    }

    /**
     * Credit checked at submission can be used up while the order waits: other orders approved,
     * the limit lowered. When the last step is approved the exposure is counted again, by the
     * policy version that made the chain; finance's step is added if it is now needed and finance
     * has not approved this round. A customer blocked meanwhile fails the approval (422).
     */
    private Optional<ApprovalChain.Required> creditReviewNowNeeded(Order order) {
        PolicyVersion version = policies.version(APPROVAL_POLICY, order.approvalPolicyVersion())
                .orElseThrow(() -> new IllegalStateException(APPROVAL_POLICY + " v" + order.approvalPolicyVersion()
                        + " that made the chain of order " + order.id() + " is gone"));
        ApprovalPolicy policy = ApprovalPolicy.from(version.version, policies.read(version.content));
        if (order.approvedThisRoundBy(Roles.FINANCE) || !ApprovalChain.checksCredit(policy, order.paymentTerms())) {
            requireNotBlocked(em.find(CustomerAccount.class, order.customerId()));
            return Optional.empty();
        }
        // Locked as late as the check allows: approvals of this customer's orders wait for each other from here.
        CustomerAccount customer = em.find(CustomerAccount.class, order.customerId(), LockModeType.PESSIMISTIC_WRITE);
        requireNotBlocked(customer);
        return ApprovalChain.creditReview(policy, facts(order, customer));
    }

    /** The pending step the caller may decide: by their own role, or else by a delegation in force now. */
    private record Authority(ApprovalStep step, String onBehalfOf) {
    }

    private Authority authorityFor(Order order, Scope caller) {
        for (ApprovalStep s : order.pendingSteps()) {
            if (mayDecide(s, order, caller)) {
                return new Authority(s, null);
            }
        }
        for (ApprovalStep s : order.pendingSteps()) {
            Optional<Delegation> lent = delegations.covering(caller.username(), s.role(), order);
            if (lent.isPresent()) {
                return new Authority(s, lent.get().delegatorUsername());
            }
        }
        throw ApiProblem.forbidden("no pending approval step of this order is within your authority");
    }

    private boolean mayDecide(ApprovalStep step, Order order, Scope caller) {
        if (!caller.hasRole(step.role())) {
            return false;
        }
        return !Roles.SALES_MANAGER.equals(step.role()) || caller.managesTeam(order.team());
    }

    /** Reserve stock (all or nothing) and set the ship-by date from the fulfilment policy in force. */
    private void approveFully(Order order, String actor) {
        PolicyVersion fulfilment = policies.require(FULFILMENT_POLICY);
        int days = policies.read(fulfilment.content).path("shipWithinBusinessDays").asInt(3);
        // The stock rows stay locked until commit: taken after the policy read, not before it.
        stock.reserve(order);
        Instant now = clock.instant();
        LocalDate shipBy = ShipByDeadline.compute(now.atZone(ZoneOffset.UTC).toLocalDate(), days, order.requestedShipDate());
        order.approve(shipBy, fulfilment.version, now);
        history.record(order.id(), actor, null, "APPROVED", "stock reserved; ship by " + shipBy, FULFILMENT_POLICY,
                fulfilment.version);
        events.approved(order);
        LOG.infof("order %s approved, ship by %s", order.id(), shipBy);
    }

    /** A shipment and the order's status after it. */
    public record Shipped(Ledger.Shipment shipment, OrderStatus orderStatus, List<Ledger.PartLine> lines) {
    }

    /** A payment and the order's standing after it. */
    public record Paid(Ledger.Payment payment, OrderStatus orderStatus, BigDecimal outstanding) {
    }

    public Shipped ship(UUID id, Optional<Long> ifMatch, ShipmentInput input, Scope caller) {
        Order order = forChange(id, ifMatch, caller);
        Map<Integer, Integer> quantities = byLine(input.lines());
        Map<Integer, Integer> shippedBefore = new LinkedHashMap<>();
        quantities.keySet().forEach(n -> shippedBefore.put(n, order.line(n).shippedQty()));
        order.ship(quantities, clock.instant());
        stock.ship(order.id(), quantities);
        Ledger.Shipment s = new Ledger.Shipment();
        s.id = UUID.randomUUID();
        s.orderId = order.id();
        s.carrier = input.carrier();
        s.trackingNumber = input.trackingNumber();
        s.shippedBy = caller.username();
        s.shippedAt = clock.instant();
        List<Ledger.PartLine> parts = new ArrayList<>();
        quantities.forEach((n, q) -> {
            OrderLine l = order.line(n);
            parts.add(new Ledger.PartLine(n, l.sku(), q, Money.share(l.netAmount(), l.quantity(), q, shippedBefore.get(n))));
        });
        s.lines = write(parts);
        em.persist(s);
        history.record(order.id(), caller.username(), "SHIPPED", input.carrier() + " " + input.trackingNumber() + " "
                + quantities + (order.status() == OrderStatus.SHIPPED ? " (complete)" : " (partial)"));
        events.shipped(order, s.id, s.carrier, s.trackingNumber, quantities, s.shippedAt);
        settle(order, caller);
        flush();
        return new Shipped(s, order.status(), parts);
    }

    public Ledger.Invoice invoice(UUID id, Optional<Long> ifMatch, List<LineQuantity> lines, Scope caller) {
        Order order = forChange(id, ifMatch, caller);
        Map<Integer, Integer> quantities = lines == null || lines.isEmpty() ? order.uninvoiced() : byLine(lines);
        Map<Integer, Integer> before = new LinkedHashMap<>();
        quantities.keySet().forEach(n -> before.put(n, order.line(n).invoicedQty()));
        Instant now = clock.instant();
        BigDecimal amount = order.invoice(quantities, now);
        PolicyVersion fulfilment = policies.require(FULFILMENT_POLICY);
        // Terms the policy names no days for (cash on delivery, letter of credit) are due on issue, never a guessed 30.
        int dueDays = policies.read(fulfilment.content).path("paymentDueDays").path(order.paymentTerms().name()).asInt(0);
        Ledger.Invoice inv = new Ledger.Invoice();
        inv.id = UUID.randomUUID();
        inv.invoiceNumber = orders.nextInvoiceNumber(now.atZone(ZoneOffset.UTC).getYear());
        inv.orderId = order.id();
        inv.amount = amount;
        List<Map<String, Object>> invoiceLines = new ArrayList<>();
        quantities.forEach((n, q) -> {
            OrderLine l = order.line(n);
            invoiceLines.add(Map.of("lineNo", n, "sku", l.sku(), "quantity", q,
                    "netAmount", Money.share(l.netAmount(), l.quantity(), q, before.get(n))));
        });
        inv.lines = write(invoiceLines);
        inv.issuedBy = caller.username();
        inv.issuedAt = now;
        inv.dueDate = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(dueDays);
        em.persist(inv);
        history.record(order.id(), caller.username(), null, "INVOICED", inv.invoiceNumber + " " + amount,
                FULFILMENT_POLICY, fulfilment.version);
        events.invoiced(order, inv.id, inv.invoiceNumber, amount, inv.dueDate, invoiceLines, now);
        settle(order, caller);
        flush();
        return inv;
    }

    public Paid pay(UUID id, Optional<Long> ifMatch, PaymentInput input, Scope caller) {
        Order order = forChange(id, ifMatch, caller);
        if (!Money.hasAtMostTwoDecimals(input.amount())) {
            throw ApiProblem.invalid("amount", "must have at most two decimals");
        }
        Instant now = clock.instant();
        if (input.receivedAt() != null && input.receivedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiProblem.invalid("receivedAt", "must not be in the future");
        }
        String reference = input.reference() == null || input.reference().isBlank() ? null : input.reference().trim();
        if (reference != null && alreadyPaidWith(order.id(), reference)) {
            throw ApiProblem.duplicate("payment.duplicate-reference", "a payment with reference " + reference
                    + " is already recorded on order " + order.orderNumber());
        }
        order.pay(Money.cents(input.amount()), now);
        Ledger.Payment p = new Ledger.Payment();
        p.id = UUID.randomUUID();
        p.orderId = order.id();
        p.amount = Money.cents(input.amount());
        p.method = input.method();
        p.reference = reference;
        p.recordedBy = caller.username();
        p.receivedAt = input.receivedAt() == null ? now : input.receivedAt();
        em.persist(p);
        history.record(order.id(), caller.username(), "PAYMENT_RECEIVED", p.amount + " by " + p.method);
        events.paymentReceived(order, p.id, p.amount, p.method, p.reference, p.receivedAt);
        settle(order, caller);
        flush();
        return new Paid(p, order.status(), order.netAmount().subtract(order.paidAmount()));
    }

    /** A bank or card reference names one remittance: the same one twice on an order is a double entry, not a second payment. */
    private boolean alreadyPaidWith(UUID orderId, String reference) {
        return !em.createQuery("""
                SELECT p.id FROM Ledger$Payment p
                WHERE p.orderId = :order AND upper(p.reference) = upper(:reference)""", UUID.class)
                .setParameter("order", orderId).setParameter("reference", reference).setMaxResults(1)
                .getResultList().isEmpty();
    }

    private void settle(Order order, Scope caller) {
        if (order.settleIfComplete(clock.instant())) {
            history.record(order.id(), caller.username(), "SETTLED", "fully shipped and paid: " + order.netAmount());
            events.settled(order);
            LOG.infof("order %s settled, net %s", order.id(), order.netAmount());
        }
    }

    public Order cancel(UUID id, Optional<Long> ifMatch, String reason, Scope caller) {
        Order order = forChange(id, ifMatch, caller);
        boolean paid = order.paidAmount().signum() > 0;
        if (paid && !caller.hasRole(Roles.FINANCE) && !caller.seesAll()) {
            // Cancelling turns money received into money owed back: finance's decision, or a director's.
            throw ApiProblem.forbidden("order " + order.orderNumber()
                    + " has payments: finance or a director cancels it");
        }
        if (!paid && !caller.userId().equals(order.ownerId()) && !caller.managesTeam(order.team()) && !caller.seesAll()) {
            throw ApiProblem.forbidden("only the owner, their manager or a director may cancel an order");
        }
        boolean hadReservations = order.status() == OrderStatus.APPROVED;
        order.cancel(reason, clock.instant());
        if (hadReservations) {
            stock.release(order.id());
        }
        history.record(order.id(), caller.username(), "CANCELLED", reason);
        events.cancelled(order, reason, caller.username());
        flush();
        return order;
    }

    /**
     * Closes a partially shipped order on what has shipped (the team's manager, a director or an
     * admin): the rest of every line is cancelled and its reservation released; the order is then
     * SHIPPED for what shipped, worth what shipped, to be invoiced and paid on that (and settled at
     * once when it already is).
     */
    public Order shortClose(UUID id, Optional<Long> ifMatch, String reason, Scope caller) {
        Order order = forChange(id, ifMatch, caller);
        if (!caller.managesTeam(order.team()) && !caller.seesAll()) {
            throw ApiProblem.forbidden("only the team's manager, a director or an admin may short-close an order");
        }
        BigDecimal before = order.netAmount();
        Instant now = clock.instant();
        List<Order.ClosedLine> closed = order.shortClose(now);
        stock.release(order.id());
        history.record(order.id(), caller.username(), "SHORT_CLOSED", "net " + before + " -> " + order.netAmount()
                + ", cancelled " + String.join(", ", closed.stream().map(c -> c.quantityCancelled() + " of line "
                        + c.lineNo() + " (" + c.netAmountCancelled() + ")").toList()) + ": " + reason);
        events.shortClosed(order, closed, before, reason, caller.username());
        settle(order, caller);
        flush();
        LOG.infof("order %s short-closed by %s, net %s -> %s", order.id(), caller.username(), before, order.netAmount());
        return order;
    }

    /** A refund and the lines it gives money back on. */
    public record Refunded(Ledger.Refund refund, List<Ledger.RefundLine> lines) {
    }

    /**
     * Money given back after a return, attributed to the lines the caller names or, when it names
     * none, pro rata to what is left to refund on each line ({@link RefundAttribution}).
     */
    public Refunded refund(UUID id, Optional<Long> ifMatch, BigDecimal amount, String reason,
            List<RefundAttribution.NamedLine> lines, Scope caller) {
        Order order = forChange(id, ifMatch, caller);
        if (!Money.hasAtMostTwoDecimals(amount)) {
            throw ApiProblem.invalid("amount", "must have at most two decimals");
        }
        Instant now = clock.instant();
        order.refund(Money.cents(amount), now);
        List<List<Ledger.RefundLine>> earlier = new ArrayList<>(refundLines(order).values());
        Map<Integer, BigDecimal> refundable = RefundAttribution.refundable(order, earlier);
        List<Ledger.RefundLine> parts = lines == null || lines.isEmpty()
                ? RefundAttribution.proRata(order, Money.cents(amount), refundable)
                : RefundAttribution.named(order, amount, lines, refundable, RefundAttribution.returned(earlier));
        Ledger.Refund r = new Ledger.Refund();
        r.id = UUID.randomUUID();
        r.orderId = order.id();
        r.amount = Money.cents(amount);
        r.reason = reason;
        r.recordedBy = caller.username();
        r.refundedAt = now;
        r.lines = write(parts);
        em.persist(r);
        history.record(order.id(), caller.username(), "REFUNDED", r.amount + ": " + reason);
        events.refunded(order, r.id, r.amount, reason, parts, now);
        flush();
        return new Refunded(r, parts);
    }

    /**
     * The lines of every refund of the order, oldest first. A refund recorded before refunds kept
     * their lines is attributed pro rata to what was left to refund on each line then, as a refund
     * without lines is now.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<Ledger.RefundLine>> refundLines(Order order) {
        Map<UUID, List<Ledger.RefundLine>> lines = new LinkedHashMap<>();
        List<Ledger.Refund> refunds = em.createQuery("FROM Ledger$Refund r WHERE r.orderId = :order"
                + " ORDER BY r.refundedAt, r.id", Ledger.Refund.class).setParameter("order", order.id()).getResultList();
        for (Ledger.Refund r : refunds) {
            lines.put(r.id, r.lines != null ? refundParts(r.lines)
                    : RefundAttribution.proRata(order, r.amount,
                            RefundAttribution.refundable(order, new ArrayList<>(lines.values()))));
        }
        return lines;
    }

    private List<Ledger.RefundLine> refundParts(String lines) {
        try {
            List<Ledger.RefundLine> parts = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode n : json.reader()
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(lines)) {
                parts.add(new Ledger.RefundLine(n.path("lineNo").asInt(), n.path("sku").asText(),
                        n.path("category").asText(), n.hasNonNull("quantity") ? n.get("quantity").asInt() : null,
                        Money.cents(n.get("netAmount").decimalValue())));
            }
            return parts;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a refund's lines are not JSON: " + lines, e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Order visible(UUID id, Scope caller) {
        Order order = orders.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("order", id));
        if (!seesOrder(order, caller) && !lentSight(order, caller)) {
            throw ApiProblem.notFound("order", id);
        }
        return order;
    }

    /** A page of the shipments, invoices, payments or refunds of an order the caller may see, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> List<T> ledger(UUID id, Class<T> type, String timeField, Scope caller, PageParams page) {
        visible(id, caller);
        var cb = em.getCriteriaBuilder();
        var q = cb.createQuery(type);
        var root = q.from(type);
        q.select(root).where(cb.equal(root.get("orderId"), id))
                .orderBy(cb.asc(root.get(timeField)), cb.asc(root.get("id")));
        return em.createQuery(q).setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    }

    /** How many shipments, invoices, payments or refunds the order has (after {@link #ledger} checked sight). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countLedger(UUID id, Class<?> type) {
        var cb = em.getCriteriaBuilder();
        var q = cb.createQuery(Long.class);
        var root = q.from(type);
        q.select(cb.count(root)).where(cb.equal(root.get("orderId"), id));
        return em.createQuery(q).getSingleResult();
    }

    /** The lines of an invoice as issued. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ledger.PartLine> invoiceLines(Ledger.Invoice invoice) {
        return parts(invoice.lines);
    }

    /**
     * The lines of these shipments of the order, by shipment. Shipments recorded before lines
     * carried their sku and amount are completed from the order: the sku of the line, the amount
     * its units were worth, replaying the order's shipments oldest first as {@link #ship} does.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<Ledger.PartLine>> shipmentLines(Order order, List<Ledger.Shipment> shipments) {
        Map<UUID, List<Ledger.PartLine>> lines = new LinkedHashMap<>();
        boolean complete = true;
        for (Ledger.Shipment s : shipments) {
            List<Ledger.PartLine> parts = parts(s.lines);
            complete &= parts.stream().allMatch(p -> p.netAmount() != null && p.sku() != null);
            lines.put(s.id, parts);
        }
        if (complete) {
            return lines;
        }
        Map<UUID, List<Ledger.PartLine>> replayed = new LinkedHashMap<>();
        Map<Integer, Integer> shipped = new java.util.HashMap<>();
        List<Ledger.Shipment> all = em.createQuery("FROM Ledger$Shipment s WHERE s.orderId = :order"
                + " ORDER BY s.shippedAt, s.id", Ledger.Shipment.class).setParameter("order", order.id()).getResultList();
        for (Ledger.Shipment s : all) {
            List<Ledger.PartLine> parts = new ArrayList<>();
            for (Ledger.PartLine p : parts(s.lines)) {
                OrderLine l = order.line(p.lineNo());
                int before = shipped.getOrDefault(p.lineNo(), 0);
                parts.add(new Ledger.PartLine(p.lineNo(), l.sku(), p.quantity(),
                        p.netAmount() != null ? p.netAmount() : Money.share(l.netAmount(), l.quantity(), p.quantity(), before)));
                shipped.put(p.lineNo(), before + p.quantity());
            }
            replayed.put(s.id, parts);
        }
        lines.replaceAll((shipment, parts) -> replayed.getOrDefault(shipment, parts));
        return lines;
    }

    /** Reads the JSON lines of a ledger row; a field a row predates is null. */
    private List<Ledger.PartLine> parts(String lines) {
        try {
            List<Ledger.PartLine> parts = new ArrayList<>();
            // Money read as decimals: an amount of 15 digits or more would lose cents as a double.
            for (com.fasterxml.jackson.databind.JsonNode n : json.reader()
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(lines)) {
                parts.add(new Ledger.PartLine(n.path("lineNo").asInt(), n.hasNonNull("sku") ? n.get("sku").asText() : null,
                        n.path("quantity").asInt(),
                        n.hasNonNull("netAmount") ? Money.cents(n.get("netAmount").decimalValue()) : null));
            }
            return parts;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a ledger row's lines are not JSON: " + lines, e);
        }
    }

    /** One of them; 404 when it is not this order's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> T ledgerEntry(UUID id, Class<T> type, UUID entryId, java.util.function.Function<T, UUID> orderOf,
            Scope caller) {
        visible(id, caller);
        T entry = em.find(type, entryId);
        if (entry == null || !id.equals(orderOf.apply(entry))) {
            throw ApiProblem.notFound(type.getSimpleName().toLowerCase(), entryId);
        }
        return entry;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ledger.HistoryEntry> history(UUID id, Scope caller, PageParams page) {
        visible(id, caller);
        return history.of(id, page.offset(), page.size());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countHistory(UUID id) {
        return history.count(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Order> list(Scope caller, OrderStatus status, UUID customerId, boolean overdue, PageParams page) {
        return query(caller, status, customerId, overdue).page(Page.of(page.number(), page.size())).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Scope caller, OrderStatus status, UUID customerId, boolean overdue) {
        return query(caller, status, customerId, overdue).count();
    }

    /**
     * The caller's approval queue: orders with a pending step they may decide now, by their own
     * role (a manager for their own team) or by a delegation in force; never their own orders.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Order> awaitingDecisionBy(Scope caller, UUID customerId, PageParams page) {
        return awaiting(caller, customerId).page(Page.of(page.number(), page.size())).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countAwaitingDecisionBy(Scope caller, UUID customerId) {
        return awaiting(caller, customerId).count();
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<Order> awaiting(Scope caller, UUID customerId) {
        List<OrderRepository.DecisionRight> rights = new ArrayList<>();
        for (String role : List.of(Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.FINANCE, Roles.ORDER_REVIEWER)) {
            if (caller.hasRole(role)) {
                rights.add(new OrderRepository.DecisionRight(role, teamBound(role, caller.team()), null));
            }
        }
        for (Delegation d : delegations.inForceFor(caller.username())) {
            rights.add(new OrderRepository.DecisionRight(d.role(), teamBound(d.role(), d.team()), d.delegatorId()));
        }
        // A manager's authority without a team reaches no order (mayDecide, Delegation.covers).
        rights.removeIf(r -> Roles.SALES_MANAGER.equals(r.role()) && r.team() == null);
        return orders.awaiting(rights, caller.userId(), caller.username(), customerId);
    }

    /** A manager decides for one team; the other approver roles for every team (null). */
    private static String teamBound(String role, String team) {
        return Roles.SALES_MANAGER.equals(role) ? team : null;
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<Order> query(Scope caller, OrderStatus status,
            UUID customerId, boolean overdue) {
        LocalDate today = overdue ? clock.instant().atZone(ZoneOffset.UTC).toLocalDate() : null;
        if (seesAllOrders(caller)) {
            return orders.visible(null, null, status, customerId, today);
        }
        return orders.visible(caller.teamFilter(), caller.ownerFilter(), status, customerId, today);
    }

    /** A delegate sees an order only while it waits for a step their delegation covers. */
    private boolean lentSight(Order order, Scope caller) {
        return order.pendingSteps().stream()
                .anyMatch(s -> delegations.lendsSightOf(caller.username(), s.role(), order.team()));
    }

    /** Finance, the warehouse and order review work the whole queue of their function. */
    private static boolean seesAllOrders(Scope caller) {
        return caller.seesAllAs(Roles.FINANCE, Roles.WAREHOUSE, Roles.ORDER_REVIEWER);
    }

    private static boolean seesOrder(Order order, Scope caller) {
        return seesAllOrders(caller) || caller.sees(order.ownerId(), order.team());
    }

    /**
     * Loads the order for a change and checks If-Match. The row is locked before the order is read,
     * so of two concurrent changes the second sees the first's result and is refused by the state
     * machine (409) instead of working from a stale copy.
     */
    private Order forChange(UUID id, Optional<Long> ifMatch, Scope caller) {
        em.createNativeQuery("SELECT id FROM sales_order WHERE id = :id FOR UPDATE").setParameter("id", id)
                .getResultList();
        Order order = visible(id, caller);
        if (ifMatch.isPresent() && ifMatch.get() != order.version()) {
            throw ApiProblem.preconditionFailed("order " + id + " is at version " + order.version() + ", not "
                    + ifMatch.get());
        }
        return order;
    }

    private static void requireOwner(Order order, Scope caller, String action) {
        if (!caller.userId().equals(order.ownerId())) {
            throw ApiProblem.forbidden("only the order's owner may " + action + " it");
        }
    }

    private CustomerAccount knownCustomer(UUID customerId, Scope caller) {
        CustomerAccount customer = em.find(CustomerAccount.class, customerId);
        if (customer == null) {
            throw OrderRules.violated("order.customer-known", "customer " + customerId
                    + " is not known to order-service (yet): register it in opportunity-service first");
        }
        if (!caller.sees(customer.ownerId(), customer.team()) && !caller.seesAll()) {
            throw OrderRules.violated("order.customer-known", "customer " + customerId
                    + " is not known to order-service (yet): register it in opportunity-service first");
        }
        return customer;
    }

    /**
     * An order may name an opportunity (optional): one order-service knows from its won, lost and
     * reopened facts, of the order's own customer, and won now. Several orders may name one won
     * opportunity (partial orders, call-offs); their lines are not checked against the won lines.
     */
    private void requireWonOpportunityOf(UUID opportunityId, UUID customerId, String customerName, boolean atSubmit) {
        if (opportunityId == null) {
            return;
        }
        OpportunityFact opportunity = em.find(OpportunityFact.class, opportunityId);
        if (opportunity == null) {
            throw OrderRules.violatedAt("order.opportunity-known", "opportunityId", "opportunity " + opportunityId
                    + " is not known to order-service (yet): it learns an opportunity when it is closed as won in"
                    + " opportunity-service; retry shortly");
        }
        if (!opportunity.customerId().equals(customerId)) {
            throw OrderRules.violatedAt("order.opportunity-customer", "opportunityId", "opportunity " + opportunityId
                    + " is of another customer, not of " + customerName);
        }
        if (opportunity.status() != OpportunityFact.Status.WON) {
            String now = opportunity.status() == OpportunityFact.Status.LOST ? "lost"
                    : "reopened (" + opportunity.stage() + ")";
            throw OrderRules.violatedAt("order.opportunity-won", "opportunityId", "opportunity " + opportunityId
                    + " is " + now + ", not won" + (atSubmit ? "; the order stays as it is: edit it to name"
                            + " another opportunity or none, or submit it once the opportunity is won again" : ""));
        }
    }

    /** A requested ship date is a day still to come, or today (UTC). */
    private static void requireShipDateAhead(OrderInput input, Instant now) {
        if (input.requestedShipDate() != null && input.requestedShipDate().isBefore(now.atZone(ZoneOffset.UTC).toLocalDate())) {
            throw ApiProblem.invalid("requestedShipDate", "must be today (UTC) or later");
        }
    }

    private static Order.Terms terms(OrderInput input) {
        return new Order.Terms(input.opportunityId(), input.channel(), input.currency() == null ? "CNY" : input.currency(),
                input.paymentTerms(), input.requestedShipDate(), input.shippingAddress());
    }

    /** Prices each line against the catalogue: unknown or inactive skus, price off the list, wrong currency are refused. */
    private List<OrderLine> priced(OrderInput input) {
        String currency = input.currency() == null ? BOOKING_CURRENCY : input.currency();
        if (!BOOKING_CURRENCY.equals(currency)) {
            // KPIs, commissions and reports add amounts without exchange rates, so one currency for now.
            throw OrderRules.violated("order.currency", "orders are booked in " + BOOKING_CURRENCY + " until the"
                    + " performance and reporting domains convert currencies; " + currency + " is not accepted");
        }
        List<String> skus = input.lines().stream().map(LineInput::sku).distinct().toList();
        Map<String, Product> catalogue = new java.util.HashMap<>();
        // By id, in one statement; unknown skus come back as null.
        em.unwrap(Session.class).findMultiple(Product.class, skus).stream().filter(Objects::nonNull)
                .forEach(p -> catalogue.put(p.sku(), p));
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < input.lines().size(); i++) {
            LineInput in = input.lines().get(i);
            Product product = catalogue.get(in.sku());
            String field = "lines[" + i + "]";
            if (product == null || !product.active()) {
                throw OrderRules.violatedAt("order.sku-known", field + ".sku", field + ".sku " + in.sku()
                        + " is not an active product");
            }
            if (!product.currency().equals(currency)) {
                throw OrderRules.violatedAt("order.currency", field + ".sku", field + " is priced in "
                        + product.currency() + ", the order in " + currency);
            }
            BigDecimal price = in.unitPrice() == null ? product.listPrice() : in.unitPrice();
            if (price.compareTo(product.listPrice()) != 0) {
                throw OrderRules.violatedAt("order.price-list", field + ".unitPrice", field + ".unitPrice " + price
                        + " differs from the list price " + product.listPrice() + "; give a discountPct instead");
            }
            BigDecimal discount = in.discountPct() == null ? BigDecimal.ZERO : in.discountPct();
            lines.add(new OrderLine(i + 1, product, in.quantity(), price, discount));
        }
        BigDecimal total = lines.stream().map(OrderLine::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(MAX_ORDER_AMOUNT) > 0) {
            throw OrderRules.violated("order.amount-limit", "an order may total at most " + MAX_ORDER_AMOUNT.toPlainString());
        }
        // A deep discount keeps the total small while the cost of the goods is not: both are booked.
        BigDecimal cost = lines.stream().map(OrderLine::costAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (cost.compareTo(MAX_ORDER_AMOUNT) > 0) {
            throw OrderRules.violated("order.amount-limit", "the goods of an order may cost at most "
                    + MAX_ORDER_AMOUNT.toPlainString());
        }
        return lines;
    }

    private static void checkDiscountCap(Order order, ApprovalPolicy policy) {
        for (OrderLine l : order.lines()) {
            if (l.discountPct().compareTo(policy.maxDiscountPct()) > 0) {
                throw OrderRules.violated("order.discount-cap", "line " + l.lineNo() + " discount " + l.discountPct()
                        + "% is above the cap of " + policy.maxDiscountPct() + "% (order.approval v" + policy.version() + ")");
            }
        }
    }

    private static Map<Integer, Integer> byLine(List<LineQuantity> lines) {
        Map<Integer, Integer> quantities = new LinkedHashMap<>();
        for (LineQuantity l : lines) {
            if (quantities.merge(l.lineNo(), l.quantity(), Integer::sum) != l.quantity()) {
                throw ApiProblem.invalid("lines", "line " + l.lineNo() + " is listed twice");
            }
        }
        return quantities;
    }

    private void flush() {
        em.flush();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
