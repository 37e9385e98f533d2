package com.salesaffairs.opportunity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.problem.Violation;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Overdue (policy 3.1, follow up promptly): past the follow-up date, or silent for more than the policy's days. */
class FollowUpPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    private static FollowUpPolicy days(int n) {
        return new FollowUpPolicy(1, n, OpportunityStateMachineTest.POLICY.stageProbabilities());
    }

    @Test
    void with_seven_days_eight_silent_days_are_overdue_and_seven_are_not() {
        FollowUpPolicy policy = days(7);
        Instant ahead = NOW.plus(Duration.ofDays(1));
        assertFalse(policy.overdue(true, ahead, NOW.minus(Duration.ofDays(7)).minusSeconds(3600), NOW));
        assertTrue(policy.overdue(true, ahead, NOW.minus(Duration.ofDays(8)), NOW));
        assertEquals(8, FollowUpPolicy.daysWithoutContact(NOW.minus(Duration.ofDays(8)), NOW));
    }

    @Test
    void a_passed_follow_up_date_is_overdue_at_once_and_a_closed_opportunity_never() {
        FollowUpPolicy policy = days(7);
        assertTrue(policy.overdue(true, NOW.minusSeconds(1), NOW, NOW));
        assertFalse(policy.overdue(false, NOW.minusSeconds(1), NOW.minus(Duration.ofDays(30)), NOW));
    }

    @Property
    void silence_is_overdue_exactly_when_the_last_contact_is_at_or_before_the_query_cutoff(
            @ForAll @IntRange(min = 1, max = 90) int n, @ForAll @LongRange(min = 0, max = 200L * 86400) long silentSeconds) {
        FollowUpPolicy policy = days(n);
        Instant last = NOW.minusSeconds(silentSeconds);
        boolean bySilence = policy.overdue(true, null, last, NOW);
        assertEquals(!last.isAfter(policy.silentSince(NOW)), bySilence, "the list query and the view must agree");
        assertEquals(FollowUpPolicy.daysWithoutContact(last, NOW) > n, bySilence);
    }

    @Property
    void days_without_contact_never_decrease_as_time_passes_and_count_whole_days(
            @ForAll @LongRange(min = 0, max = 400L * 86400) long silentSeconds, @ForAll @LongRange(min = 0, max = 86400) long later) {
        Instant last = NOW.minusSeconds(silentSeconds);
        long days = FollowUpPolicy.daysWithoutContact(last, NOW);
        assertEquals(silentSeconds / 86400, days);
        assertTrue(FollowUpPolicy.daysWithoutContact(last, NOW.plusSeconds(later)) >= days);
    }

    @Test
    void a_draft_must_name_every_open_stage_with_a_percentage_and_sensible_days() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals(java.util.List.of(), FollowUpPolicy.check(json.readTree("""
                {"overdueAfterDays": 7, "stageProbabilities": {"QUALIFICATION": 10, "NEEDS_ANALYSIS": 25, "PROPOSAL": 50, "NEGOTIATION": 75}}""")));
        var problems = FollowUpPolicy.check(json.readTree("""
                {"overdueAfterDays": 0, "stageProbabilities": {"QUALIFICATION": 10, "NEEDS_ANALYSIS": 125, "PROPOSAL": 50.5, "WON": 100}}"""))
                .stream().map(Violation::field).toList();
        assertEquals(java.util.List.of("overdueAfterDays", "stageProbabilities.NEEDS_ANALYSIS", "stageProbabilities.PROPOSAL",
                "stageProbabilities.NEGOTIATION", "stageProbabilities.WON"), problems);
        FollowUpPolicy read = FollowUpPolicy.from(4, json.readTree("""
                {"overdueAfterDays": 3, "stageProbabilities": {"QUALIFICATION": 5, "NEEDS_ANALYSIS": 20, "PROPOSAL": 60, "NEGOTIATION": 90}}"""));
        assertEquals(Map.of(OpportunityStage.QUALIFICATION, 5, OpportunityStage.NEEDS_ANALYSIS, 20,
                OpportunityStage.PROPOSAL, 60, OpportunityStage.NEGOTIATION, 90), read.stageProbabilities());
        assertEquals(100, read.probabilityOf(OpportunityStage.WON));
        assertEquals(0, read.probabilityOf(OpportunityStage.LOST));
    }
}
