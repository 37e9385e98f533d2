package com.salesaffairs.order.rest;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.order.domain.Ledger;
import com.salesaffairs.order.domain.Order;
import com.salesaffairs.order.domain.OrderStatus;
import com.salesaffairs.order.rest.OrderRequests.CancelRequest;
import com.salesaffairs.order.rest.OrderRequests.DecisionRequest;
import com.salesaffairs.order.rest.OrderRequests.InvoiceRequest;
import com.salesaffairs.order.rest.OrderRequests.LineQuantityRequest;
import com.salesaffairs.order.rest.OrderRequests.OrderRequest;
import com.salesaffairs.order.rest.OrderRequests.PaymentRequest;
import com.salesaffairs.order.rest.OrderRequests.RefundRequest;
import com.salesaffairs.order.rest.OrderRequests.ShipmentRequest;
import com.salesaffairs.order.rest.OrderRequests.ShortCloseRequest;
import com.salesaffairs.order.rest.OrderViews.HistoryView;
import com.salesaffairs.order.rest.OrderViews.InvoiceView;
import com.salesaffairs.order.rest.OrderViews.OrderView;
import com.salesaffairs.order.rest.OrderViews.PaymentView;
import com.salesaffairs.order.rest.OrderViews.RefundView;
import com.salesaffairs.order.rest.OrderViews.ShipmentView;
import com.salesaffairs.order.service.OrderCommands;
import com.salesaffairs.order.service.OrderService;
import com.salesaffairs.platform.idempotency.Created;
import com.salesaffairs.platform.idempotency.IdempotentCreates;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.IfMatch;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

import io.quarkus.security.Authenticated;

/** Order to cash. Actions accept If-Match with the order's version (its ETag); creating POSTs accept Idempotency-Key. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
public class OrderResource {

    private static final String OPPORTUNITY_RULES = " order.opportunity-known (opportunityId names an opportunity"
            + " order-service has not learnt yet: it learns it from opportunity-service's sales.opportunity.won.v1,"
            + " moments after the close; retry, as for order.customer-known), order.opportunity-customer (the opportunity"
            + " is of another customer) or order.opportunity-won (the opportunity is lost or was reopened; only a won"
            + " one may be named; several orders may name the same won opportunity)";

    private final OrderService orders;
    private final IdempotentCreates idempotent;
    private final CallerScope caller;

    public OrderResource(OrderService orders, IdempotentCreates idempotent, CallerScope caller) {
        this.orders = orders;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER })
    @Operation(operationId = "createOrder", summary = "Enter an order as a draft (sales-rep, sales-manager); the caller owns it")
    @APIResponse(responseCode = "201", description = "draft created; its version is the ETag",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "invalid field, named in violations")
    @APIResponse(responseCode = "422", description = "rule order.customer-known (customer unknown or not the caller's;"
            + " a customer registered moments ago may not have reached order-service yet: retry),"
            + " order.sku-known (inactive or unknown product), order.price-list (a unit price other than the list price),"
            + " order.currency (not CNY) or order.amount-limit (net or cost above what can be booked);" + OPPORTUNITY_RULES
            + "; or an Idempotency-Key reused with another body")
    public Response create(@HeaderParam(IdempotentCreates.HEADER) String key, @Valid @NotNull OrderRequest request) {
        return idempotent.create(key, caller.get().userId(), "order.create", request, () -> {
            Order o = orders.create(request.input(), caller.get());
            return new Created<>(URI.create("/api/v1/orders/" + o.id()), OrderView.of(o));
        });
    }

    @GET
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE, Roles.WAREHOUSE, Roles.ORDER_REVIEWER })
    @Operation(operationId = "listOrders", summary = "Orders in the caller's scope; overdue=true lists approved orders past their ship-by date;"
            + " awaitingMyDecision=true lists, oldest submission first, the orders with a pending step the caller may"
            + " decide now (by role or delegation)")
    public PageResponse<OrderView> list(@QueryParam("status") String statusParam,
            @QueryParam("customerId") String customerParam, @QueryParam("overdue") boolean overdue,
            @QueryParam("awaitingMyDecision") boolean awaitingMyDecision, @Valid @BeanParam PageParams page) {
        OrderStatus status = parse("status", statusParam, OrderStatus::valueOf);
        UUID customerId = parse("customerId", customerParam, UUID::fromString);
        if (awaitingMyDecision) {
            if (status != null || overdue) {
                throw ApiProblem.invalid("awaitingMyDecision", "lists orders pending approval; combine it with"
                        + " customerId only");
            }
            return PageResponse.of(orders.awaitingDecisionBy(caller.get(), customerId, page).stream().map(OrderView::of)
                    .toList(), page, orders.countAwaitingDecisionBy(caller.get(), customerId));
        }
        return PageResponse.of(orders.list(caller.get(), status, customerId, overdue, page).stream().map(OrderView::of)
                .toList(), page, orders.count(caller.get(), status, customerId, overdue));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE, Roles.WAREHOUSE, Roles.ORDER_REVIEWER })
    @Operation(operationId = "getOrder", summary = "One order; 404 when unknown or outside the caller's scope")
    @APIResponse(responseCode = "200", description = "the order; its version is the ETag",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    public Response get(@PathParam("id") UUID id) {
        return withTag(orders.visible(id, caller.get()));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER })
    @Operation(operationId = "editOrder", summary = "Edit a draft or rejected order (its owner)")
    @APIResponse(responseCode = "200", description = "the edited order; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "the order is no longer editable (only DRAFT and REJECTED are)")
    @APIResponse(responseCode = "422", description = "rule order.sku-known, order.price-list, order.currency or"
            + " order.amount-limit, as on entry; when opportunityId is given," + OPPORTUNITY_RULES
            + " (opportunityId null removes the link)")
    @APIResponse(responseCode = "412", description = "If-Match does not match")
    public Response edit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull OrderRequest request) {
        return withTag(orders.edit(id, version(ifMatch), request.input(), caller.get()));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER })
    @Operation(operationId = "submitOrder", summary = "Submit for review (owner): validates prices, discounts, credit and stock, computes the approval chain from order.approval; approves at once when no one needs to")
    @APIResponse(responseCode = "200", description = "PENDING_APPROVAL with its approval chain, or APPROVED (stock reserved) when"
            + " no one needs to approve", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "not a draft or rejected order (already in review, approved, ...)")
    @APIResponse(responseCode = "422", description = "rule order.discount-cap, order.customer-blocked, order.sku-known"
            + " (a product deactivated meanwhile), order.stock-available, or order.opportunity-won (the opportunity the"
            + " order names was reopened or lost since it was entered; the order stays as it was: edit it to name"
            + " another opportunity or none)")
    public Response submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withTag(orders.submit(id, version(ifMatch), caller.get()));
    }

    @POST
    @Path("/{id}/approvals")
    // Any signed-in user: a delegation lends authority to anyone named, whatever their role; it is checked on the step.
    @Authenticated
    @Operation(operationId = "decideOrderApproval", summary = "Approve or reject the pending step of the caller's role (manager of the team, director, finance,"
            + " order-reviewer) or of an authority delegated to the caller now; never the submitter, one step per person")
    @APIResponse(responseCode = "200", description = "the order: still PENDING_APPROVAL (other steps, or a finance step added"
            + " because credit no longer covers it), APPROVED (the last step; stock reserved) or REJECTED",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "403", description = "no authority over a pending step, the order's own submitter, or"
            + " already approved another step of this review")
    @APIResponse(responseCode = "404", description = "unknown, or not visible to the caller")
    @APIResponse(responseCode = "409", description = "not pending approval, or a concurrent decision won")
    @APIResponse(responseCode = "422", description = "rule order.stock-available when the last approval cannot reserve stock,"
            + " order.customer-blocked when finance blocked the customer meanwhile")
    public Response decide(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull DecisionRequest request) {
        if (request.decision() == OrderCommands.Decision.REJECT
                && (request.comment() == null || request.comment().isBlank())) {
            throw ApiProblem.invalid("comment", "is required to reject: the rep needs the reason");
        }
        return withTag(orders.decide(id, version(ifMatch), request.decision(), request.comment(), caller.get()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN, Roles.FINANCE })
    @Operation(operationId = "cancelOrder", summary = "Cancel before shipment (owner, their manager, director; an order with payments only finance"
            + " or a director); releases reserved stock, what was paid becomes refundDue")
    @APIResponse(responseCode = "200", description = "CANCELLED; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "something has shipped already, or the order is cancelled or settled")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CancelRequest request) {
        return withTag(orders.cancel(id, version(ifMatch), request.reason().trim(), caller.get()));
    }

    @POST
    @Path("/{id}/short-close")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "shortCloseOrder", summary = "Close a partially shipped order on what has shipped (the team's"
            + " manager, director, admin): the unshipped rest of every line is cancelled and its stock released; the order"
            + " is SHIPPED, its netAmount what shipped, to be invoiced and paid on that; publishes"
            + " sales.order.short-closed.v1")
    @APIResponse(responseCode = "200", description = "SHIPPED (or SETTLED when what shipped is already invoiced and paid);"
            + " its new version is the ETag", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "409", description = "the order is not PARTIALLY_SHIPPED (nothing shipped yet: cancel it;"
            + " everything shipped: nothing to close)")
    @APIResponse(responseCode = "422", description = "rule short-close.paid-amount (more was paid than what shipped is"
            + " worth)")
    public Response shortClose(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ShortCloseRequest request) {
        return withTag(orders.shortClose(id, version(ifMatch), request.reason().trim(), caller.get()));
    }

    @POST
    @Path("/{id}/shipments")
    @RolesAllowed({ Roles.WAREHOUSE })
    @Operation(operationId = "recordShipment", summary = "Ship all or part of the lines from reserved stock (warehouse)")
    @APIResponse(responseCode = "201", description = "shipped; the order is SHIPPED or PARTIALLY_SHIPPED",
            content = @Content(schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(responseCode = "409", description = "the order is not APPROVED or PARTIALLY_SHIPPED")
    @APIResponse(responseCode = "422", description = "rule shipment.quantity-left (more than is left to ship on a line) or"
            + " shipment.prepaid-unpaid (a PREPAID order not yet paid in full)")
    public Response ship(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(IdempotentCreates.HEADER) String key, @Valid @NotNull ShipmentRequest request) {
        return idempotent.create(key, caller.get().userId(), "order.ship:" + id, request, () -> {
            OrderService.Shipped shipped = orders.ship(id, version(ifMatch), new OrderCommands.ShipmentInput(
                    request.carrier().trim(), request.trackingNumber().trim(),
                    request.lines().stream().map(LineQuantityRequest::input).toList()), caller.get());
            Ledger.Shipment s = shipped.shipment();
            return new Created<>(URI.create("/api/v1/orders/" + id + "/shipments/" + s.id),
                    ShipmentView.of(s, shipped.orderStatus().name(), shipped.lines()));
        });
    }

    @POST
    @Path("/{id}/invoices")
    @RolesAllowed({ Roles.FINANCE })
    @Operation(operationId = "issueInvoice", summary = "Invoice shipped quantities (finance); no lines means everything shipped and not yet invoiced")
    @APIResponse(responseCode = "201", description = "invoice issued",
            content = @Content(schema = @Schema(implementation = InvoiceView.class)))
    @APIResponse(responseCode = "409", description = "the order is not PARTIALLY_SHIPPED or SHIPPED")
    @APIResponse(responseCode = "422", description = "rule invoice.shipped-quantity (more than shipped and not yet invoiced,"
            + " or nothing left to invoice)")
    public Response invoice(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(IdempotentCreates.HEADER) String key, @Valid InvoiceRequest request) {
        List<OrderCommands.LineQuantity> lines = request == null || request.lines() == null ? List.of()
                : request.lines().stream().map(LineQuantityRequest::input).toList();
        return idempotent.create(key, caller.get().userId(), "order.invoice:" + id, lines, () -> {
            Ledger.Invoice inv = orders.invoice(id, version(ifMatch), lines, caller.get());
            return new Created<>(URI.create("/api/v1/orders/" + id + "/invoices/" + inv.id),
                    InvoiceView.of(inv, orders.invoiceLines(inv)));
        });
    }

    @POST
    @Path("/{id}/payments")
    @RolesAllowed({ Roles.FINANCE })
    @Operation(operationId = "recordPayment", summary = "Record a payment (finance); partial payments allowed, overpayment refused; settles the order when fully shipped and paid")
    @APIResponse(responseCode = "201", description = "payment recorded",
            content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @APIResponse(responseCode = "409", description = "rule payment.duplicate-reference (reference already on the order), or no payments now")
    @APIResponse(responseCode = "422", description = "rule payment.overpayment")
    public Response pay(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(IdempotentCreates.HEADER) String key, @Valid @NotNull PaymentRequest request) {
        return idempotent.create(key, caller.get().userId(), "order.pay:" + id, request, () -> {
            OrderService.Paid paid = orders.pay(id, version(ifMatch), new OrderCommands.PaymentInput(request.amount(),
                    request.method().name(), request.reference(), request.receivedAt()), caller.get());
            Ledger.Payment p = paid.payment();
            return new Created<>(URI.create("/api/v1/orders/" + id + "/payments/" + p.id), new PaymentView(p.id, id,
                    p.amount, p.method, p.reference, p.recordedBy, p.receivedAt, paid.orderStatus().name(),
                    paid.outstanding()));
        });
    }

    @POST
    @Path("/{id}/refunds")
    @RolesAllowed({ Roles.FINANCE })
    @Operation(operationId = "recordRefund", summary = "Refund part or all of a settled order after a return (finance); publishes sales.order.refunded.v1")
    @APIResponse(responseCode = "201", description = "refund recorded",
            content = @Content(schema = @Schema(implementation = RefundView.class)))
    @APIResponse(responseCode = "409", description = "the order is not SETTLED")
    @APIResponse(responseCode = "422", description = "rule refund.paid-amount (refunds would exceed what was paid),"
            + " refund.line-amount (more than is left to refund on a line) or refund.line-quantity (more units than the"
            + " line sold and has not had returned)")
    public Response refund(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(IdempotentCreates.HEADER) String key, @Valid @NotNull RefundRequest request) {
        return idempotent.create(key, caller.get().userId(), "order.refund:" + id, request, () -> {
            OrderService.Refunded r = orders.refund(id, version(ifMatch), request.amount(), request.reason().trim(),
                    request.lineInputs(), caller.get());
            return new Created<>(URI.create("/api/v1/orders/" + id + "/refunds/" + r.refund().id),
                    RefundView.of(r.refund(), r.lines()));
        });
    }

    @GET
    @Path("/{id}/shipments")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE, Roles.WAREHOUSE, Roles.ORDER_REVIEWER })
    @Operation(operationId = "listShipments", summary = "The order's shipments, oldest first, paged")
    public PageResponse<ShipmentView> shipments(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        Order o = orders.visible(id, caller.get());
        List<Ledger.Shipment> shipments = orders.ledger(id, Ledger.Shipment.class, "shippedAt", caller.get(), page);
        var lines = orders.shipmentLines(o, shipments);
        return PageResponse.of(shipments.stream().map(s -> ShipmentView.of(s, o.status().name(), lines.get(s.id))).toList(),
                page, orders.countLedger(id, Ledger.Shipment.class));
    }

    @GET
    @Path("/{id}/shipments/{shipmentId}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE, Roles.WAREHOUSE, Roles.ORDER_REVIEWER })
    @Operation(operationId = "getShipment", summary = "One shipment of the order")
    public ShipmentView shipment(@PathParam("id") UUID id, @PathParam("shipmentId") UUID shipmentId) {
        Ledger.Shipment s = orders.ledgerEntry(id, Ledger.Shipment.class, shipmentId, x -> x.orderId, caller.get());
        Order o = orders.visible(id, caller.get());
        return ShipmentView.of(s, o.status().name(), orders.shipmentLines(o, List.of(s)).get(s.id));
    }

    @GET
    @Path("/{id}/invoices")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE, Roles.ORDER_REVIEWER })
    @Operation(operationId = "listInvoices", summary = "The order's invoices, oldest first, paged")
    public PageResponse<InvoiceView> invoices(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        return PageResponse.of(orders.ledger(id, Ledger.Invoice.class, "issuedAt", caller.get(), page).stream()
                .map(i -> InvoiceView.of(i, orders.invoiceLines(i))).toList(), page,
                orders.countLedger(id, Ledger.Invoice.class));
    }

    @GET
    @Path("/{id}/invoices/{invoiceId}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE, Roles.ORDER_REVIEWER })
    @Operation(operationId = "getInvoice", summary = "One invoice of the order")
    public InvoiceView invoice(@PathParam("id") UUID id, @PathParam("invoiceId") UUID invoiceId) {
        Ledger.Invoice i = orders.ledgerEntry(id, Ledger.Invoice.class, invoiceId, x -> x.orderId, caller.get());
        return InvoiceView.of(i, orders.invoiceLines(i));
    }

    @GET
    @Path("/{id}/payments")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE })
    @Operation(operationId = "listPayments", summary = "The order's payments, oldest first, paged")
    public PageResponse<PaymentView> payments(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        Order o = orders.visible(id, caller.get());
        return PageResponse.of(orders.ledger(id, Ledger.Payment.class, "receivedAt", caller.get(), page).stream()
                .map(p -> paymentView(p, o)).toList(), page, orders.countLedger(id, Ledger.Payment.class));
    }

    @GET
    @Path("/{id}/payments/{paymentId}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE })
    @Operation(operationId = "getPayment", summary = "One payment of the order")
    public PaymentView payment(@PathParam("id") UUID id, @PathParam("paymentId") UUID paymentId) {
        Ledger.Payment p = orders.ledgerEntry(id, Ledger.Payment.class, paymentId, x -> x.orderId, caller.get());
        return paymentView(p, orders.visible(id, caller.get()));
    }

    @GET
    @Path("/{id}/refunds")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE })
    @Operation(operationId = "listRefunds", summary = "The order's refunds, oldest first, paged")
    public PageResponse<RefundView> refunds(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        Order o = orders.visible(id, caller.get());
        var lines = orders.refundLines(o);
        return PageResponse.of(orders.ledger(id, Ledger.Refund.class, "refundedAt", caller.get(), page).stream()
                .map(r -> RefundView.of(r, lines.get(r.id))).toList(), page, orders.countLedger(id, Ledger.Refund.class));
    }

    @GET
    @Path("/{id}/refunds/{refundId}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE })
    @Operation(operationId = "getRefund", summary = "One refund of the order")
    public RefundView refund(@PathParam("id") UUID id, @PathParam("refundId") UUID refundId) {
        Ledger.Refund r = orders.ledgerEntry(id, Ledger.Refund.class, refundId, x -> x.orderId, caller.get());
        return RefundView.of(r, orders.refundLines(orders.visible(id, caller.get())).get(r.id));
    }

    private static PaymentView paymentView(Ledger.Payment p, Order o) {
        return new PaymentView(p.id, p.orderId, p.amount, p.method, p.reference, p.recordedBy, p.receivedAt,
                o.status().name(), o.netAmount().subtract(o.paidAmount()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE, Roles.WAREHOUSE, Roles.ORDER_REVIEWER })
    @Operation(operationId = "listOrderHistory", summary = "Every transition, decision and policy version on the order, oldest first, paged")
    public PageResponse<HistoryView> history(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        return PageResponse.of(orders.history(id, caller.get(), page).stream().map(HistoryView::of).toList(), page,
                orders.countHistory(id));
    }

    /** A filter that does not parse is a 400 naming it, not the 404 JAX-RS would answer. */
    private static <T> T parse(String name, String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, "'" + value + "' is not a valid value");
        }
    }

    private static Optional<Long> version(String ifMatch) {
        var v = IfMatch.version(ifMatch);
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }

    private static Response withTag(Order o) {
        return Response.ok(OrderView.of(o)).tag(new EntityTag(Long.toString(o.version()))).build();
    }
}
