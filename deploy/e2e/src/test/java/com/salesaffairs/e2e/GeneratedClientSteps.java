package com.salesaffairs.e2e;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import com.salesaffairs.e2e.StackClient.Service;
import com.salesaffairs.e2e.client.aftersales.api.FeedbackApi;
import com.salesaffairs.e2e.client.aftersales.model.CaseView;
import com.salesaffairs.e2e.client.aftersales.model.FeedbackCategory;
import com.salesaffairs.e2e.client.aftersales.model.FeedbackChannel;
import com.salesaffairs.e2e.client.aftersales.model.FeedbackRequest;
import com.salesaffairs.e2e.client.aftersales.model.Severity;
import com.salesaffairs.e2e.client.opportunity.api.CustomersApi;
import com.salesaffairs.e2e.client.opportunity.model.CustomerRequest;
import com.salesaffairs.e2e.client.order.api.CatalogueAndStockApi;
import com.salesaffairs.e2e.client.order.api.CreditApi;
import com.salesaffairs.e2e.client.order.api.OrdersApi;
import com.salesaffairs.e2e.client.order.model.Channel;
import com.salesaffairs.e2e.client.order.model.CreditRequest;
import com.salesaffairs.e2e.client.order.model.InvoiceRequest;
import com.salesaffairs.e2e.client.order.model.InvoiceView;
import com.salesaffairs.e2e.client.order.model.LineQuantityRequest;
import com.salesaffairs.e2e.client.order.model.LineRequest;
import com.salesaffairs.e2e.client.order.model.OrderRequest;
import com.salesaffairs.e2e.client.order.model.OrderView;
import com.salesaffairs.e2e.client.order.model.PaymentMethod;
import com.salesaffairs.e2e.client.order.model.PaymentRequest;
import com.salesaffairs.e2e.client.order.model.PaymentTerms;
import com.salesaffairs.e2e.client.order.model.ProductRequest;
import com.salesaffairs.e2e.client.order.model.ReceiptRequest;
import com.salesaffairs.e2e.client.order.model.RefundRequest;
import com.salesaffairs.e2e.client.order.model.RefundView;
import com.salesaffairs.e2e.client.order.model.ShipmentRequest;
import com.salesaffairs.e2e.client.order.model.ShipmentView;
import com.salesaffairs.e2e.client.performance.api.KpisApi;
import com.salesaffairs.e2e.client.performance.model.RepKpiView;
import com.salesaffairs.e2e.client.reporting.api.ReportsApi;
import com.salesaffairs.e2e.client.reporting.model.SalesTrendView;
import com.salesaffairs.e2e.client.reporting.model.TrendPointView;

/**
 * The walking skeleton's steps through the Java clients that the build generates from each
 * service's OpenAPI document (deploy/e2e/pom.xml), as a client team would call the stack: typed
 * requests and typed answers, no JSON written by hand. A response the document does not describe
 * leaves these types without the fields read here, and this class stops compiling.
 */
final class GeneratedClientSteps {
    private static final Duration REPLICA_WAIT = SalesSteps.REPLICA_WAIT;

    private final StackClient stack;

    GeneratedClientSteps(StackClient stack) {
        this.stack = stack;
    }

    /** Each request carries the user's current access token. */
    private Consumer<HttpRequest.Builder> bearer(String username) {
        return request -> request.header("Authorization", "Bearer " + stack.token(username));
    }

    private CustomersApi customers(String username) {
        var client = new com.salesaffairs.e2e.client.opportunity.ApiClient();
        client.updateBaseUri(Service.OPPORTUNITY.baseUrl());
        return new CustomersApi(client.setRequestInterceptor(bearer(username)));
    }

    private com.salesaffairs.e2e.client.order.ApiClient orderService(String username) {
        var client = new com.salesaffairs.e2e.client.order.ApiClient();
        client.updateBaseUri(Service.ORDER.baseUrl());
        return client.setRequestInterceptor(bearer(username));
    }

    private FeedbackApi feedback(String username) {
        var client = new com.salesaffairs.e2e.client.aftersales.ApiClient();
        client.updateBaseUri(Service.AFTERSALES.baseUrl());
        return new FeedbackApi(client.setRequestInterceptor(bearer(username)));
    }

    private KpisApi kpis(String username) {
        var client = new com.salesaffairs.e2e.client.performance.ApiClient();
        client.updateBaseUri(Service.PERFORMANCE.baseUrl());
        return new KpisApi(client.setRequestInterceptor(bearer(username)));
    }

    private ReportsApi reports(String username) {
        var client = new com.salesaffairs.e2e.client.reporting.ApiClient();
        client.updateBaseUri(Service.REPORTING.baseUrl());
        return new ReportsApi(client.setRequestInterceptor(bearer(username)));
    }

    /** alice registers a customer at opportunity-service; its id. */
    UUID registerCustomer(String name) throws Exception {
        return customers("alice").registerCustomer(new CustomerRequest().name(name).industry("Machinery").country("CN")
                .city("Hangzhou"), UUID.randomUUID().toString()).getId();
    }

    /** diana (sales-director) adds a product in category Pumps; walt (warehouse) receives stock of it into WH-EAST. */
    void stockProduct(String sku, BigDecimal listPrice, BigDecimal unitCost, int quantity) throws Exception {
        new CatalogueAndStockApi(orderService("diana")).createProduct(new ProductRequest().sku(sku).name("Pump")
                .category("Pumps").listPrice(listPrice).unitCost(unitCost).currency("CNY"), null);
        new CatalogueAndStockApi(orderService("walt")).receiveStock(new ReceiptRequest().sku(sku).warehouse("WH-EAST")
                .quantity(quantity).reference("PO-1"), null);
    }

    /**
     * alice enters a DIRECT, NET30 order with one undiscounted line, sending it again with the same
     * Idempotency-Key while order-service has not yet learnt the customer from its events; fiona
     * then gives the customer a credit line, so the order needs no finance review.
     */
    OrderView createOrder(UUID customerId, String sku, int quantity) throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        OrderRequest request = new OrderRequest().customerId(customerId).channel(Channel.DIRECT)
                .paymentTerms(PaymentTerms.NET30).shippingAddress("1 Lake Rd, Hangzhou")
                .lines(List.of(new LineRequest().sku(sku).quantity(quantity).discountPct(BigDecimal.ZERO)));
        OrderView draft = retryWhileRule("order.customer-known",
                () -> new OrdersApi(orderService("alice")).createOrder(request, idempotencyKey));
        new CreditApi(orderService("fiona")).setCustomerCredit(customerId,
                new CreditRequest().limit(new BigDecimal("10000000.00")).blocked(false), null);
        return draft;
    }

    OrderView submit(OrderView order) throws Exception {
        return new OrdersApi(orderService("alice")).submitOrder(order.getId(), etag(order.getVersion()));
    }

    /** walt ships every unit of line 1. */
    ShipmentView ship(UUID orderId, int quantity) throws Exception {
        return new OrdersApi(orderService("walt")).recordShipment(orderId, new ShipmentRequest().carrier("SF Express")
                .trackingNumber("SF" + UUID.randomUUID()).lines(List.of(new LineQuantityRequest().lineNo(1)
                        .quantity(quantity))), UUID.randomUUID().toString(), null);
    }

    /** fiona invoices what was shipped. */
    InvoiceView invoice(UUID orderId) throws Exception {
        return new OrdersApi(orderService("fiona")).issueInvoice(orderId, new InvoiceRequest(), UUID.randomUUID().toString(), null);
    }

    /** fiona records a bank transfer. */
    void pay(UUID orderId, BigDecimal amount) throws Exception {
        new OrdersApi(orderService("fiona")).recordPayment(orderId, new PaymentRequest().amount(amount)
                .method(PaymentMethod.BANK_TRANSFER).reference("BT-" + orderId), UUID.randomUUID().toString(), null);
    }

    OrderView order(UUID orderId) throws Exception {
        return new OrdersApi(orderService("alice")).getOrder(orderId);
    }

    /** One order of alice's from entry to SETTLED: submitted (no approval needed), shipped, invoiced, paid in full. */
    OrderView settle(UUID customerId, String sku, int quantity) throws Exception {
        OrderView draft = createOrder(customerId, sku, quantity);
        submit(draft);
        ship(draft.getId(), quantity);
        invoice(draft.getId());
        pay(draft.getId(), draft.getNetAmount());
        return order(draft.getId());
    }

    /** fiona refunds part of a settled order (spread over its lines pro rata). */
    RefundView refund(UUID orderId, BigDecimal amount) throws Exception {
        return new OrdersApi(orderService("fiona")).recordRefund(orderId,
                new RefundRequest().amount(amount).reason("e2e: one pump returned damaged"), UUID.randomUUID().toString(), null);
    }

    /** alice's KPI figures for a month, read with her own token. */
    RepKpiView aliceKpi(YearMonth period) throws Exception {
        return kpis("alice").getRepKpi(StackClient.ALICE_ID, period.toString());
    }

    /** reporting-service's net sales of today (UTC), as diana sees it; zero while today has no point. */
    BigDecimal salesTrendToday() throws Exception {
        String today = SalesSteps.todayUtc().toString();
        SalesTrendView trend = reports("diana").getSalesTrend(today, today, "CNY", "day", null, null);
        return trend.getPoints().stream().filter(p -> today.equals(p.getPeriod())).map(TrendPointView::getNetAmount)
                .findFirst().orElse(BigDecimal.ZERO);
    }

    /** reporting-service's count of feedback logged today (UTC), as diana sees it. */
    long feedbackCountToday() throws Exception {
        String today = SalesSteps.todayUtc().toString();
        return reports("diana").getAftersalesReport(today, today, null).getFeedbackCount();
    }

    /** alice logs a phone complaint about delivery, retried while aftersales-service does not know the customer yet. */
    CaseView logFeedback(UUID customerId) throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        FeedbackRequest request = new FeedbackRequest().customerId(customerId).channel(FeedbackChannel.PHONE)
                .category(FeedbackCategory.DELIVERY).severity(Severity.MEDIUM).summary("late by a day");
        return retryWhileRule("feedback.customer-known", () -> feedback("alice").logFeedback(request, idempotencyKey));
    }

    private static String etag(Long version) {
        return "\"" + version + "\"";
    }

    /**
     * Retries a call while it fails with a 422 naming {@code rule}: a replica another service builds
     * from events may not have arrived yet. The generated clients put the problem body in the
     * exception's message.
     */
    private static <T> T retryWhileRule(String rule, Callable<T> call) throws Exception {
        Instant deadline = Instant.now().plus(REPLICA_WAIT);
        while (true) {
            try {
                return call.call();
            } catch (Exception e) {
                String message = String.valueOf(e.getMessage());
                if (!message.contains("422") || !message.contains(rule) || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                StackClient.pause(Duration.ofMillis(500));
            }
        }
    }
}
