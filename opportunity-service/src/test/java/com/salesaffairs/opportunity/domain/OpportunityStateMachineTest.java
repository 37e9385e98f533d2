package com.salesaffairs.opportunity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.problem.ApiProblem;

/** Policy 3.1's stages: open stages in any order, closing only with an analysis, reopening back where it was. */
class OpportunityStateMachineTest {
    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
    static final FollowUpPolicy POLICY = new FollowUpPolicy(3, 7, Map.of(OpportunityStage.QUALIFICATION, 10,
            OpportunityStage.NEEDS_ANALYSIS, 25, OpportunityStage.PROPOSAL, 50, OpportunityStage.NEGOTIATION, 75));
    private static final String ANALYSIS = "The customer compared three offers and chose on lead time.";

    static Opportunity captured(OpportunitySource source, String detail) {
        return Opportunity.capture(new Opportunity.Details("Pumps", source, detail, List.of("PUMP-200"),
                new BigDecimal("1000.00"), "CNY", null), UUID.randomUUID(), "Acme", "east-1", "east", "alice", "alice",
                T.plus(Duration.ofDays(7)), POLICY, T);
    }

    static Opportunity captured() {
        return captured(OpportunitySource.MARKET_RESEARCH, null);
    }

    private static Opportunity.ClosingReport lost(CloseReason reason, String competitor, String analysis) {
        return new Opportunity.ClosingReport(Outcome.LOST, reason, competitor, analysis, "Price earlier", List.of());
    }

    private static Opportunity.ClosingReport won(List<WonLine> lines) {
        return new Opportunity.ClosingReport(Outcome.WON, null, null, ANALYSIS, "Visit the plant early", lines);
    }

    private static ApiProblem refused(Opportunity o, int status, Consumer<Opportunity> move) {
        ApiProblem p = assertThrows(ApiProblem.class, () -> move.accept(o));
        assertEquals(status, p.status(), p.getMessage());
        return p;
    }

    private static String ruleOf(ApiProblem p) {
        return p.toProblem("/x").rule();
    }

    @Test
    void a_capture_starts_in_qualification_with_the_policy_probability_and_its_version() {
        Opportunity o = captured();
        assertEquals(OpportunityStage.QUALIFICATION, o.stage());
        assertEquals(10, o.probability());
        assertEquals(3, o.probabilityPolicyVersion());
        assertEquals(1, o.stageHistory().size());
        assertNull(o.stageHistory().get(0).from());
    }

    @Test
    void referrals_and_trade_shows_need_their_detail_and_the_follow_up_must_lie_ahead() {
        for (OpportunitySource source : List.of(OpportunitySource.REFERRAL, OpportunitySource.TRADE_SHOW)) {
            ApiProblem p = assertThrows(ApiProblem.class, () -> captured(source, " "));
            assertEquals(400, p.status());
            assertEquals("sourceDetail", p.toProblem("/x").violations().get(0).field());
        }
        assertEquals("Canton Fair", captured(OpportunitySource.TRADE_SHOW, " Canton Fair ").sourceDetail());
        ApiProblem past = assertThrows(ApiProblem.class, () -> Opportunity.capture(new Opportunity.Details("P",
                OpportunitySource.WEBSITE, null, List.of(), BigDecimal.ONE, "CNY", null), UUID.randomUUID(), "A",
                "east-1", null, "alice", "alice", T.minusSeconds(1), POLICY, T));
        assertEquals(400, past.status());
    }

    @Test
    void open_stages_move_forward_and_back_and_each_move_is_kept_with_its_probability() {
        Opportunity o = captured();
        o.moveTo(OpportunityStage.NEGOTIATION, POLICY, "alice", T.plusSeconds(60), null);
        o.moveTo(OpportunityStage.NEEDS_ANALYSIS, POLICY, "mike", T.plusSeconds(120), "back: new stakeholder");
        assertEquals(25, o.probability());
        assertEquals(List.of(OpportunityStage.QUALIFICATION, OpportunityStage.NEGOTIATION, OpportunityStage.NEEDS_ANALYSIS),
                o.stageHistory().stream().map(StageChange::to).toList());
        assertEquals(OpportunityStage.NEGOTIATION, o.stageHistory().get(2).from());
        assertEquals("mike", o.stageHistory().get(2).changedBy());
        assertEquals(75, o.stageHistory().get(1).probability());
    }

    @Test
    void the_stage_endpoint_never_closes_and_a_move_to_the_same_stage_is_a_conflict() {
        Opportunity o = captured();
        refused(o, 400, x -> x.moveTo(OpportunityStage.WON, POLICY, "alice", T, null));
        refused(o, 400, x -> x.moveTo(OpportunityStage.LOST, POLICY, "alice", T, null));
        refused(o, 409, x -> x.moveTo(OpportunityStage.QUALIFICATION, POLICY, "alice", T, null));
        assertEquals(OpportunityStage.QUALIFICATION, o.stage());
    }

    @Test
    void a_loss_needs_a_reason_a_named_competitor_and_an_analysis_of_thirty_characters() {
        Opportunity o = captured();
        assertEquals("reason", refused(o, 400, x -> x.close(lost(null, null, ANALYSIS), "alice", T))
                .toProblem("/x").violations().get(0).field());
        assertEquals("competitor", refused(o, 400, x -> x.close(lost(CloseReason.COMPETITOR, " ", ANALYSIS), "alice", T))
                .toProblem("/x").violations().get(0).field());
        assertEquals("opportunity.closing-analysis",
                ruleOf(refused(o, 422, x -> x.close(lost(CloseReason.PRICE, null, "too expensive"), "alice", T))));
        assertEquals("opportunity.closing-analysis",
                ruleOf(refused(o, 422, x -> x.close(lost(CloseReason.PRICE, null, null), "alice", T))));
        assertTrue(o.isOpen());
        o.close(lost(CloseReason.COMPETITOR, "Globex", ANALYSIS), "alice", T.plus(Duration.ofDays(3)));
        assertEquals(OpportunityStage.LOST, o.stage());
        assertEquals(0, o.probability());
        assertEquals(OpportunityStage.QUALIFICATION, o.closedFromStage());
        assertEquals(3L, o.cycleDays());
        assertNull(o.nextFollowUpAt());
    }

    @Test
    void a_win_names_at_least_one_line_and_carries_certainty() {
        Opportunity o = captured();
        assertEquals("opportunity.won-lines", ruleOf(refused(o, 422, x -> x.close(won(List.of()), "alice", T))));
        o.close(won(List.of(new WonLine("PUMP-200", 2, null))), "alice", T);
        assertEquals(OpportunityStage.WON, o.stage());
        assertEquals(100, o.probability());
        assertNull(o.probabilityPolicyVersion());
        assertEquals("PUMP-200", o.wonLines().get(0).sku());
    }

    @Test
    void a_closed_opportunity_cannot_be_closed_moved_or_assigned_until_it_is_reopened() {
        Opportunity o = captured();
        o.moveTo(OpportunityStage.PROPOSAL, POLICY, "alice", T, null);
        o.close(lost(CloseReason.PRICE, null, ANALYSIS), "alice", T);
        refused(o, 409, x -> x.close(lost(CloseReason.PRICE, null, ANALYSIS), "alice", T));
        refused(o, 409, x -> x.moveTo(OpportunityStage.NEGOTIATION, POLICY, "alice", T, null));
        refused(o, 409, x -> x.assign("bob", T));
        o.reopen("budget approved", POLICY, T.plus(Duration.ofDays(2)), "mike", T.plusSeconds(5));
        assertEquals(OpportunityStage.PROPOSAL, o.stage());
        assertEquals(50, o.probability());
        assertNull(o.closeReason());
        assertNull(o.analysis());
        assertEquals(OpportunityStage.LOST, o.stageHistory().get(o.stageHistory().size() - 1).from());
        refused(o, 409, x -> x.reopen("again", POLICY, T.plus(Duration.ofDays(2)), "mike", T));
    }

    @Test
    void assigning_to_the_current_assignee_is_a_conflict_and_a_new_one_returns_the_previous() {
        Opportunity o = captured();
        refused(o, 409, x -> x.assign("alice", T));
        assertEquals("alice", o.assign("bob", T));
        assertEquals("bob", o.assigneeId());
    }

    @Test
    void the_newest_activity_sets_the_plan_and_a_late_logged_older_one_does_not_undo_it() {
        Opportunity o = captured();
        Instant call = T.plus(Duration.ofDays(1));
        o.logActivity(ActivityType.CALL, call, call.plus(Duration.ofDays(3)), call);
        Instant older = T.plus(Duration.ofHours(2));
        o.logActivity(ActivityType.MEETING, older, older.plus(Duration.ofDays(1)), call);
        assertEquals(call, o.lastContactAt());
        assertEquals(call.plus(Duration.ofDays(3)), o.nextFollowUpAt());
        Instant note = call.plus(Duration.ofHours(1));
        o.logActivity(ActivityType.NOTE, note, note.plus(Duration.ofDays(5)), note);
        assertEquals(call, o.lastContactAt(), "a note is not a contact with the customer");
        assertEquals(note.plus(Duration.ofDays(5)), o.nextFollowUpAt());
    }

    @Test
    void an_open_opportunity_needs_a_next_follow_up_after_the_step_and_a_closed_one_none() {
        Opportunity o = captured();
        refused(o, 400, x -> x.logActivity(ActivityType.CALL, T, null, T));
        refused(o, 400, x -> x.logActivity(ActivityType.CALL, T, T, T));
        o.close(lost(CloseReason.TIMING, null, ANALYSIS), "alice", T);
        refused(o, 400, x -> x.logActivity(ActivityType.NOTE, T, T.plusSeconds(60), T));
        o.logActivity(ActivityType.NOTE, T, null, T);
        assertNull(o.nextFollowUpAt());
    }
}
