package com.salesaffairs.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.problem.ApiProblem;

class OrderStateMachineTest {
    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

    private static Order draft() {
        return draft(PaymentTerms.NET30);
    }

    private static Order draft(PaymentTerms terms) {
        CustomerAccount c = CustomerAccount.fromFact(UUID.randomUUID(), "Acme", "alice", "east-1", "east", 0, T);
        Product p = Product.create("P-1", "Pump", "Pumps", new BigDecimal("100.00"), new BigDecimal("60.00"), "CNY", T);
        return Order.draft("SO-1", c, "alice",
                new Order.Terms(null, Channel.DIRECT, "CNY", terms, null, "addr"),
                List.of(new OrderLine(1, p, 3, new BigDecimal("100.00"), new BigDecimal("10"))), T);
    }

    private static Order approved() {
        Order o = draft();
        o.submit(List.of(), 1, "alice", T);
        o.approve(LocalDate.of(2026, 12, 2), 1, T);
        return o;
    }

    private static Order shipped() {
        Order o = approved();
        o.ship(Map.of(1, 3), T);
        return o;
    }

    private static void refused(Order o, int status, Consumer<Order> move) {
        ApiProblem p = assertThrows(ApiProblem.class, () -> move.accept(o));
        assertEquals(status, p.status(), p.getMessage());
    }

    @Test
    void amounts_are_priced_to_the_cent() {
        Order o = draft();
        assertEquals(new BigDecimal("270.00"), o.netAmount());
        assertEquals(new BigDecimal("180.00"), o.costAmount());
    }

    @Test
    void a_draft_cannot_be_shipped_invoiced_paid_refunded_or_approved() {
        refused(draft(), 409, o -> o.ship(Map.of(1, 1), T));
        refused(draft(), 409, o -> o.invoice(Map.of(1, 1), T));
        refused(draft(), 409, o -> o.pay(BigDecimal.ONE, T));
        refused(draft(), 409, o -> o.refund(BigDecimal.ONE, T));
        refused(draft(), 409, o -> o.approve(LocalDate.now(), 1, T));
    }

    @Test
    void an_order_pending_approval_cannot_be_edited_resubmitted_or_shipped() {
        Order o = draft();
        CustomerAccount c = CustomerAccount.fromFact(UUID.randomUUID(), "Acme", "alice", "east-1", "east", 0, T);
        o.submit(List.of(new ApprovalChain.Required("sales-manager", "discount")), 1, "alice", T);
        refused(o, 409, x -> x.edit(new Order.Terms(null, Channel.DIRECT, "CNY", PaymentTerms.PREPAID, null, "a"), List.of(), T));
        refused(o, 409, x -> x.submit(List.of(), 1, "alice", T));
        refused(o, 409, x -> x.ship(Map.of(1, 1), T));
        refused(o, 409, x -> x.approve(LocalDate.now(), 1, T));
        assertEquals(c.team(), "east-1");
    }

    @Test
    void an_approved_order_cannot_be_edited_or_submitted_again() {
        refused(approved(), 409, o -> o.edit(new Order.Terms(null, Channel.DIRECT, "CNY", PaymentTerms.PREPAID, null, "a"),
                List.of(), T));
        refused(approved(), 409, o -> o.submit(List.of(), 1, "alice", T));
        refused(approved(), 409, o -> o.invoice(Map.of(1, 1), T));
    }

    @Test
    void a_rejection_returns_the_order_for_edit_and_a_new_round() {
        Order o = draft();
        o.submit(List.of(new ApprovalChain.Required("sales-manager", "a"), new ApprovalChain.Required("finance", "b")), 1,
                "alice", T);
        ApprovalStep manager = o.pendingSteps().get(0);
        o.rejectStep(manager, "mike", null, "too generous", T);
        assertEquals(OrderStatus.REJECTED, o.status());
        assertTrue(o.pendingSteps().isEmpty());
        assertEquals(ApprovalStep.Status.WITHDRAWN, o.approvals().get(1).status());
        o.submit(List.of(new ApprovalChain.Required("finance", "b")), 1, "alice", T);
        assertEquals(2, o.currentRound());
        assertEquals(1, o.pendingSteps().size());
        refused(o, 409, x -> x.approveStep(manager, "mike", null, null, T));
    }

    @Test
    void the_last_parallel_approval_completes_the_chain() {
        Order o = draft();
        o.submit(List.of(new ApprovalChain.Required("finance", "a"), new ApprovalChain.Required("order-reviewer", "b")), 1,
                "alice", T);
        assertFalse(o.approveStep(o.pendingSteps().get(1), "rita", null, null, T));
        assertTrue(o.approveStep(o.pendingSteps().get(0), "fiona", null, null, T));
    }

    @Test
    void partial_shipment_then_full_then_settled_only_when_paid_in_full() {
        Order o = approved();
        o.ship(Map.of(1, 1), T);
        assertEquals(OrderStatus.PARTIALLY_SHIPPED, o.status());
        refused(o, 422, x -> x.ship(Map.of(1, 3), T));
        o.ship(Map.of(1, 2), T);
        assertEquals(OrderStatus.SHIPPED, o.status());
        refused(o, 409, x -> x.ship(Map.of(1, 1), T));
        assertEquals(new BigDecimal("270.00"), o.invoice(Map.of(1, 3), T));
        o.pay(new BigDecimal("100.00"), T);
        assertFalse(o.settleIfComplete(T));
        refused(o, 422, x -> x.pay(new BigDecimal("170.01"), T));
        o.pay(new BigDecimal("170.00"), T);
        assertTrue(o.settleIfComplete(T));
        assertEquals(OrderStatus.SETTLED, o.status());
        refused(o, 409, x -> x.pay(BigDecimal.ONE, T));
        refused(o, 409, x -> x.cancel("late", T));
    }

    @Test
    void a_prepaid_order_does_not_ship_unpaid_and_nothing_settles_uninvoiced() {
        Order o = draft(PaymentTerms.PREPAID);
        o.submit(List.of(), 1, "alice", T);
        o.approve(LocalDate.of(2026, 12, 2), 1, T);
        refused(o, 422, x -> x.ship(Map.of(1, 3), T));
        o.pay(new BigDecimal("270.00"), T);
        o.ship(Map.of(1, 3), T);
        assertFalse(o.settleIfComplete(T));
        o.invoice(Map.of(1, 3), T);
        assertTrue(o.settleIfComplete(T));
    }

    @Test
    void invoices_cover_only_shipped_quantities_and_split_to_the_cent() {
        Order o = approved();
        o.ship(Map.of(1, 1), T);
        refused(o, 422, x -> x.invoice(Map.of(1, 2), T));
        assertEquals(new BigDecimal("90.00"), o.invoice(Map.of(1, 1), T));
        refused(o, 422, x -> x.invoice(Map.of(1, 1), T));
    }

    @Test
    void cancelling_is_possible_until_something_ships() {
        Order a = approved();
        a.cancel("changed mind", T);
        assertEquals(OrderStatus.CANCELLED, a.status());
        refused(a, 409, x -> x.submit(List.of(), 1, "alice", T));
        refused(shipped(), 409, x -> x.cancel("too late", T));
        Order partial = approved();
        partial.ship(Map.of(1, 1), T);
        refused(partial, 409, x -> x.cancel("too late", T));
    }

    @Test
    void a_paid_order_cancelled_before_shipping_owes_the_payment_back() {
        Order o = approved();
        assertEquals(BigDecimal.ZERO.setScale(2), o.refundDue());
        o.pay(new BigDecimal("100.00"), T);
        o.cancel("customer withdrew", T);
        assertEquals(OrderStatus.CANCELLED, o.status());
        assertEquals(new BigDecimal("100.00"), o.refundDue());
        refused(o, 409, x -> x.pay(new BigDecimal("1.00"), T));
    }

    @Test
    void refunds_never_exceed_what_was_paid() {
        Order o = shipped();
        o.invoice(Map.of(1, 3), T);
        o.pay(new BigDecimal("270.00"), T);
        o.settleIfComplete(T);
        o.refund(new BigDecimal("100.00"), T);
        refused(o, 422, x -> x.refund(new BigDecimal("170.01"), T));
        o.refund(new BigDecimal("170.00"), T);
        assertEquals(new BigDecimal("270.00"), o.refundedAmount());
    }

    @Test
    void overdue_means_approved_and_unshipped_past_ship_by() {
        Order o = approved();
        assertFalse(o.isOverdue(LocalDate.of(2026, 12, 2)));
        assertTrue(o.isOverdue(LocalDate.of(2026, 12, 3)));
        o.ship(Map.of(1, 3), T);
        assertFalse(o.isOverdue(LocalDate.of(2026, 12, 3)));
    }

    @Test
    void a_further_step_joins_the_current_round_and_holds_the_approval_until_it_is_decided() {
        Order o = draft();
        o.submit(List.of(new ApprovalChain.Required("sales-manager", "discount")), 1, "alice", T);
        assertTrue(o.approveStep(o.pendingSteps().get(0), "mike", null, null, T));
        assertFalse(o.approvedThisRoundBy("finance"));

        o.requireFurtherStep(new ApprovalChain.Required("finance", "credit exposure 1110 would exceed the limit 1000"), T);

        assertEquals(1, o.pendingSteps().size());
        ApprovalStep finance = o.pendingSteps().get(0);
        assertEquals(List.of(1, 2), o.approvals().stream().map(ApprovalStep::stepNo).toList());
        assertEquals(1, finance.round());
        refused(o, 409, x -> x.approve(LocalDate.now(), 1, T));
        assertTrue(o.approveStep(finance, "fiona", null, null, T));
        assertTrue(o.approvedThisRoundBy("finance"));
    }

    @Test
    void only_an_order_pending_approval_takes_a_further_step() {
        ApprovalChain.Required finance = new ApprovalChain.Required("finance", "credit");
        refused(draft(), 409, o -> o.requireFurtherStep(finance, T));
        refused(approved(), 409, o -> o.requireFurtherStep(finance, T));
    }
}
