package com.salesaffairs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.e2e.client.opportunity.model.ActivityView;
import com.salesaffairs.e2e.client.opportunity.model.OpportunityStage;
import com.salesaffairs.e2e.client.opportunity.model.OpportunityView;
import com.salesaffairs.e2e.client.opportunity.model.SuggestionView;
import com.salesaffairs.e2e.client.opportunity.model.SuggestionsView;
import com.salesaffairs.e2e.client.opportunity.model.WonLineRequest;
import com.salesaffairs.e2e.client.order.ApiException;
import com.salesaffairs.e2e.client.order.model.OrderView;

/**
 * From a referral to an order (issue 12): mike (sales-manager, east-1) captures an opportunity for
 * alice's customer and assigns it to alice; she follows it up, moves it through PROPOSAL and
 * NEGOTIATION and closes it WON with the lines to order; order-service learns the won opportunity
 * from sales.opportunity.won.v1 and accepts alice's order naming it, and refuses an order of
 * another customer naming it. Every call goes through the clients generated from the services'
 * OpenAPI documents.
 */
class OpportunityToOrderIT {
    private static final Duration REPLICA_WAIT = SalesSteps.REPLICA_WAIT;
    private static final BigDecimal LIST_PRICE = new BigDecimal("1250.00");
    private static final int QUANTITY = 4;

    private final StackClient stack = StackClient.local();
    private final GeneratedClientSteps steps = new GeneratedClientSteps(stack);
    private final OpportunityClientSteps opportunities = new OpportunityClientSteps(stack);

    @Test
    void a_won_opportunity_becomes_an_order_of_its_customer_and_no_other() throws Exception {
        // alice and bob have each called opportunity-service: known sales reps of east-1, who may be assigned.
        opportunities.listOpportunities("alice");
        opportunities.listOpportunities("bob");

        UUID customerId = steps.registerCustomer("E2E Opportunity " + UUID.randomUUID());
        UUID otherCustomerId = steps.registerCustomer("E2E Other " + UUID.randomUUID());
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        steps.stockProduct(sku, LIST_PRICE, new BigDecimal("700.00"), 100);

        // mike captures a referral: a manager's opportunity waits unassigned in his team.
        OpportunityView captured = opportunities.capture("mike", customerId, "Pump upgrade for the Ningbo plant",
                new BigDecimal("5000.00"));
        assertEquals(OpportunityStage.QUALIFICATION, captured.getStage(), captured.toString());
        assertEquals("east-1", captured.getTeam());

        // the manager asks whom to give it to: reps of east-1 ranked by the active opportunity.assignment policy
        SuggestionsView advice = opportunities.opportunities("mike").getAssignmentSuggestions(captured.getId());
        assertEquals("opportunity.assignment", advice.getPolicyKey());
        assertTrue(advice.getPolicyVersion() >= 2, "the adopted version with its weights: " + advice.getPolicyVersion());
        List<String> ranked = advice.getSuggestions().stream().map(SuggestionView::getUsername).toList();
        assertTrue(ranked.contains("alice") || advice.getAtCapacity().stream().anyMatch(s -> "alice".equals(s.getUsername())),
                "alice is a known rep of east-1: " + advice);
        for (int i = 1; i < advice.getSuggestions().size(); i++) {
            assertTrue(advice.getSuggestions().get(i - 1).getScore().compareTo(advice.getSuggestions().get(i).getScore()) >= 0,
                    "ranked best first: " + ranked);
        }

        OpportunityView assigned = opportunities.assign("mike", captured, StackClient.ALICE_ID,
                "alice knows the customer's plant and has capacity this month");
        assertEquals(StackClient.ALICE_ID, assigned.getAssigneeId(), assigned.toString());

        ActivityView visit = opportunities.logVisit("alice", assigned.getId(),
                "Walked the plant with the maintenance lead; four pumps due for replacement");
        assertNotNull(visit.getId());
        OpportunityView current = opportunities.opportunity("alice", assigned.getId());
        assertNotNull(current.getNextFollowUpAt(), "the activity set the next follow-up");

        OpportunityView proposal = opportunities.moveStage("alice", current, OpportunityStage.PROPOSAL,
                "proposal sent for four pumps");
        assertEquals(OpportunityStage.PROPOSAL, proposal.getStage());
        OpportunityView negotiation = opportunities.moveStage("alice", proposal, OpportunityStage.NEGOTIATION,
                "price agreed, terms under review");
        assertEquals(OpportunityStage.NEGOTIATION, negotiation.getStage());

        OpportunityView won = opportunities.closeWon("alice", negotiation,
                List.of(new WonLineRequest().sku(sku).quantity(QUANTITY).unitPrice(LIST_PRICE)),
                "The plant's maintenance lead needed a fast replacement and our pumps fit the existing mounts.",
                "Bring the mounting drawings to the first visit.");
        assertEquals(OpportunityStage.WON, won.getStage(), won.toString());
        UUID opportunityId = won.getId();

        // alice's order for the customer names the opportunity, once order-service has learnt both.
        OrderView draft = opportunities.createOrder(
                OpportunityClientSteps.orderRequest(customerId, opportunityId, sku, QUANTITY), REPLICA_WAIT);
        assertEquals("DRAFT", draft.getStatus(), draft.toString());
        assertEquals(opportunityId, draft.getOpportunityId(), draft.toString());
        assertEquals(opportunityId, opportunities.order(draft.getId()).getOpportunityId());
        opportunities.grantCredit(customerId);
        OrderView submitted = opportunities.submit(opportunities.order(draft.getId()));
        assertEquals("APPROVED", submitted.getStatus(), submitted.toString());
        assertEquals(opportunityId, submitted.getOpportunityId());

        // An order for another customer naming the same opportunity is refused.
        ApiException refused = assertThrows(ApiException.class, () -> opportunities.createOrder(
                OpportunityClientSteps.orderRequest(otherCustomerId, opportunityId, sku, 1), REPLICA_WAIT));
        assertEquals(422, refused.getCode(), refused.getMessage());
        JsonNode problem = StackClient.JSON.readTree(refused.getResponseBody());
        assertEquals("order.opportunity-customer", problem.path("rule").asText(), problem.toString());
    }
}
