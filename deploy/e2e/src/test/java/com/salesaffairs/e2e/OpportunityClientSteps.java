package com.salesaffairs.e2e;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import com.salesaffairs.e2e.StackClient.Service;
import com.salesaffairs.e2e.client.opportunity.api.OpportunitiesApi;
import com.salesaffairs.e2e.client.opportunity.model.ActivityRequest;
import com.salesaffairs.e2e.client.opportunity.model.ActivityType;
import com.salesaffairs.e2e.client.opportunity.model.ActivityView;
import com.salesaffairs.e2e.client.opportunity.model.AssignmentRequest;
import com.salesaffairs.e2e.client.opportunity.model.CaptureRequest;
import com.salesaffairs.e2e.client.opportunity.model.CloseRequest;
import com.salesaffairs.e2e.client.opportunity.model.OpportunitySource;
import com.salesaffairs.e2e.client.opportunity.model.OpportunityStage;
import com.salesaffairs.e2e.client.opportunity.model.OpportunityView;
import com.salesaffairs.e2e.client.opportunity.model.Outcome;
import com.salesaffairs.e2e.client.opportunity.model.PageResponseOpportunityView;
import com.salesaffairs.e2e.client.opportunity.model.StageRequest;
import com.salesaffairs.e2e.client.opportunity.model.WonLineRequest;
import com.salesaffairs.e2e.client.order.api.CreditApi;
import com.salesaffairs.e2e.client.order.api.OrdersApi;
import com.salesaffairs.e2e.client.order.model.Channel;
import com.salesaffairs.e2e.client.order.model.CreditRequest;
import com.salesaffairs.e2e.client.order.model.LineRequest;
import com.salesaffairs.e2e.client.order.model.OrderRequest;
import com.salesaffairs.e2e.client.order.model.OrderView;
import com.salesaffairs.e2e.client.order.model.PaymentTerms;

/**
 * The opportunity steps, from capture to a won close, and orders naming a won opportunity,
 * through the Java clients generated from the services' OpenAPI documents (as
 * {@link GeneratedClientSteps} does for order to cash).
 */
final class OpportunityClientSteps {
    private final StackClient stack;

    OpportunityClientSteps(StackClient stack) {
        this.stack = stack;
    }

    private Consumer<HttpRequest.Builder> bearer(String username) {
        return request -> request.header("Authorization", "Bearer " + stack.token(username));
    }

    OpportunitiesApi opportunities(String username) {
        var client = new com.salesaffairs.e2e.client.opportunity.ApiClient();
        client.updateBaseUri(Service.OPPORTUNITY.baseUrl());
        return new OpportunitiesApi(client.setRequestInterceptor(bearer(username)));
    }

    private com.salesaffairs.e2e.client.order.ApiClient orderService(String username) {
        var client = new com.salesaffairs.e2e.client.order.ApiClient();
        client.updateBaseUri(Service.ORDER.baseUrl());
        return client.setRequestInterceptor(bearer(username));
    }

    /** The user lists their opportunities: opportunity-service notes a rep as a known rep of their team. */
    PageResponseOpportunityView listOpportunities(String username) throws Exception {
        return opportunities(username).listOpportunities(null, null, null, null, null, null, null, null);
    }

    /** The user (a manager: unassigned in their team) captures a referral for the customer. */
    OpportunityView capture(String username, UUID customerId, String title, BigDecimal estimatedAmount) throws Exception {
        return opportunities(username).captureOpportunity(new CaptureRequest().customerId(customerId).title(title)
                .source(OpportunitySource.REFERRAL).sourceDetail("referred by the Ningbo plant's purchasing lead")
                .productsOfInterest(List.of("Pumps")).estimatedAmount(estimatedAmount).currency("CNY"),
                UUID.randomUUID().toString());
    }

    OpportunityView assign(String username, OpportunityView opportunity, String assigneeId, String reason)
            throws Exception {
        return opportunities(username).assignOpportunity(opportunity.getId(),
                new AssignmentRequest().assigneeId(assigneeId).reason(reason), etag(opportunity.getVersion()));
    }

    /** A visit a minute ago, with the next follow-up in two days. */
    ActivityView logVisit(String username, UUID opportunityId, String summary) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return opportunities(username).logOpportunityActivity(opportunityId, new ActivityRequest().type(ActivityType.VISIT)
                .occurredAt(now.minusMinutes(1)).summary(summary).nextStep("send the proposal")
                .nextFollowUpAt(now.plusDays(2)), UUID.randomUUID().toString());
    }

    OpportunityView opportunity(String username, UUID opportunityId) throws Exception {
        return opportunities(username).getOpportunity(opportunityId);
    }

    OpportunityView moveStage(String username, OpportunityView opportunity, OpportunityStage stage, String note)
            throws Exception {
        return opportunities(username).moveOpportunityStage(opportunity.getId(),
                new StageRequest().stage(stage).note(note), etag(opportunity.getVersion()));
    }

    OpportunityView closeWon(String username, OpportunityView opportunity, List<WonLineRequest> lines, String analysis,
            String lessons) throws Exception {
        return opportunities(username).closeOpportunity(opportunity.getId(), new CloseRequest().outcome(Outcome.WON)
                .reason(com.salesaffairs.e2e.client.opportunity.model.CloseReason.PRODUCT_FIT).analysis(analysis)
                .lessonsLearned(lessons).lines(lines), etag(opportunity.getVersion()));
    }

    /** A DIRECT, NET30 order of one undiscounted line for the customer, naming the opportunity. */
    static OrderRequest orderRequest(UUID customerId, UUID opportunityId, String sku, int quantity) {
        return new OrderRequest().customerId(customerId).opportunityId(opportunityId).channel(Channel.DIRECT)
                .paymentTerms(PaymentTerms.NET30).shippingAddress("1 Lake Rd, Hangzhou")
                .lines(List.of(new LineRequest().sku(sku).quantity(quantity).discountPct(BigDecimal.ZERO)));
    }

    /**
     * alice enters the order with one Idempotency-Key, sent again while order-service has not learnt
     * the customer or the won opportunity from their events yet (422 order.customer-known or
     * order.opportunity-known).
     */
    OrderView createOrder(OrderRequest request, Duration wait) throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        return retryWhileRules(wait, () -> new OrdersApi(orderService("alice")).createOrder(request, idempotencyKey),
                "order.customer-known", "order.opportunity-known");
    }

    /** fiona gives the customer a credit line, so a NET30 order within it needs no finance review. */
    void grantCredit(UUID customerId) throws Exception {
        new CreditApi(orderService("fiona")).setCustomerCredit(customerId,
                new CreditRequest().limit(new BigDecimal("10000000.00")).blocked(false), null);
    }

    OrderView submit(OrderView order) throws Exception {
        return new OrdersApi(orderService("alice")).submitOrder(order.getId(), etag(order.getVersion()));
    }

    OrderView order(UUID orderId) throws Exception {
        return new OrdersApi(orderService("alice")).getOrder(orderId);
    }

    static String etag(Long version) {
        return "\"" + version + "\"";
    }

    /**
     * Retries a call while it fails with a 422 naming one of {@code rules} (a replica built from
     * events has not arrived yet); the generated clients put the problem body in the message.
     */
    static <T> T retryWhileRules(Duration wait, Callable<T> call, String... rules) throws Exception {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            try {
                return call.call();
            } catch (Exception e) {
                String message = String.valueOf(e.getMessage());
                boolean waiting = message.contains("422") && List.of(rules).stream().anyMatch(message::contains);
                if (!waiting || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                StackClient.pause(Duration.ofMillis(500));
            }
        }
    }
}
