package com.salesaffairs.e2e;

import static com.salesaffairs.e2e.StackClient.expectStatus;
import static com.salesaffairs.e2e.StackClient.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.e2e.StackClient.Service;

/**
 * Order to cash with a review, on Keycloak's tokens: finance sets the customer's credit, a 15%
 * discount on NET30 terms needs the east-1 manager, who approves; nobody else can; the order is
 * shipped, invoiced and paid; a finance consumer reads the approval and the invoice from Kafka.
 */
class ApprovalFlowIT {
    private final StackClient stack = StackClient.local();
    private final SalesSteps steps = new SalesSteps(stack);

    @Test
    void a_discounted_order_is_approved_by_the_team_manager_and_finance_reads_the_decision() throws Exception {
        UUID customerId = steps.registerCustomer("E2E approval " + UUID.randomUUID());
        String sku = "E2E-A-" + UUID.randomUUID().toString().substring(0, 8);
        steps.createProduct(sku, new BigDecimal("100.00"), new BigDecimal("55.00"));
        steps.receiveStock(sku, 20);
        JsonNode draft = steps.createOrder(customerId, sku, 10, 15, "NET30");
        UUID orderId = UUID.fromString(draft.path("id").asText());
        assertEquals(0, new BigDecimal("850.00").compareTo(money(draft, "netAmount")), draft.toString());

        steps.grantCredit(customerId);

        JsonNode submitted = steps.submit(orderId);
        assertEquals("PENDING_APPROVAL", submitted.path("status").asText(), submitted.toString());
        assertEquals(1, submitted.path("approvals").size(), submitted.toString());
        assertEquals("sales-manager", submitted.path("approvals").get(0).path("role").asText());

        String decide = Service.ORDER.url("/api/v1/orders/" + orderId + "/approvals");
        assertEquals(403, stack.as("alice").body(Map.of("decision", "APPROVE")).post(decide).statusCode(),
                "the rep never approves her own order");
        assertEquals(404, stack.as("wendy").body(Map.of("decision", "APPROVE")).post(decide).statusCode(),
                "another team's manager does not even see it");
        assertEquals(403, stack.as("rita").body(Map.of("decision", "APPROVE")).post(decide).statusCode(),
                "no pending step is the order reviewer's");
        JsonNode approved = expectStatus(stack.as("mike").body(Map.of("decision", "APPROVE", "comment", "ok"))
                .post(decide), 200, "mike approves");
        assertEquals("APPROVED", approved.path("status").asText(), approved.toString());
        assertEquals("mike", approved.path("approvals").get(0).path("decidedBy").asText());

        steps.ship(orderId, 10);
        JsonNode invoice = steps.invoice(orderId);
        assertEquals(0, new BigDecimal("850.00").compareTo(money(invoice, "amount")), invoice.toString());
        steps.pay(orderId, new BigDecimal("850.00"));
        assertEquals("SETTLED", steps.order(orderId).path("status").asText());

        List<ConsumerRecord<String, String>> records = TopicReader.recordsWithKey(stack.kafkaBootstrap(),
                "sales.order.events", orderId.toString(),
                r -> "sales.order.settled.v1".equals(TopicReader.header(r, "ce_type")), Duration.ofSeconds(30));
        List<String> types = records.stream().map(r -> TopicReader.header(r, "ce_type")).toList();
        assertEquals(List.of("sales.order.submitted.v1", "sales.order.approved.v1", "sales.order.shipped.v1",
                "sales.order.invoiced.v1", "sales.order.payment-received.v1", "sales.order.settled.v1"), types);
        JsonNode approvedFact = StackClient.JSON.readTree(records.get(1).value());
        assertEquals("mike", approvedFact.path("approvals").get(0).path("decidedBy").asText(), approvedFact.toString());
        assertEquals(1, approvedFact.path("approvalPolicyVersion").asInt());
        assertTrue(approvedFact.hasNonNull("shipBy"), approvedFact.toString());
        JsonNode invoicedFact = StackClient.JSON.readTree(records.get(3).value());
        assertEquals(0, new BigDecimal("850.00").compareTo(invoicedFact.path("amount").decimalValue()));
        assertEquals("NET30", invoicedFact.path("paymentTerms").asText());
        assertTrue(invoicedFact.path("invoiceNumber").asText().startsWith("INV-"), invoicedFact.toString());
        assertEquals(customerId.toString(), invoicedFact.path("customerId").asText());

        JsonNode history = StackClient.json(stack.as("alice").get(Service.ORDER.url("/api/v1/orders/" + orderId + "/history")));
        assertTrue(history.toString().contains("\"actor\":\"mike\""), history.toString());
    }
}
