package com.salesaffairs.opportunity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The arithmetic of the two analyses of policy 3.1, on sets small enough to check by hand. */
class WinLossAndFairnessTest {

    private static WinLoss.Close close(boolean won, String currency, String amount, int days, String lesson) {
        Instant closed = Instant.parse("2026-11-15T10:00:00Z");
        return new WinLoss.Close("east-1", OpportunitySource.WEBSITE, won ? null : CloseReason.PRICE, null, won,
                closed.minusSeconds(days * 86_400L + 30), closed, new BigDecimal(amount), currency, lesson);
    }

    @Test
    void values_count_only_the_analysis_currency_while_rates_and_cycle_times_count_every_close() {
        WinLoss.Analysis a = WinLoss.of(List.of(close(true, "CNY", "100.00", 3, "Be quick"),
                close(false, "USD", "999.00", 4, " be QUICK. "), close(false, "CNY", "50.00", 5, "")), WinLoss.GroupBy.MONTH,
                "CNY");
        assertEquals(new BigDecimal("0.3333"), a.total().winRate());
        assertEquals(new BigDecimal("4.00"), a.total().averageCycleDays());
        assertEquals(new BigDecimal("100.00"), a.total().valueWon());
        assertEquals(new BigDecimal("50.00"), a.total().valueLost());
        assertEquals("2026-11", a.groups().get(0).key());
        assertEquals(List.of(new WinLoss.Lesson("be quick", 2)), a.topLessons(), "a blank lesson is not a lesson");
    }

    @Test
    void no_closes_give_no_rates_rather_than_zero() {
        WinLoss.Analysis a = WinLoss.of(List.of(), WinLoss.GroupBy.TEAM, "CNY");
        assertNull(a.total().winRate());
        assertNull(a.total().averageCycleDays());
        assertEquals(List.of(), a.groups());
    }

    @Test
    void an_even_split_has_the_lowest_concentration_and_a_ratio_of_one() {
        var given = List.of(new AssignmentFairness.Given("a", new BigDecimal("10.00"), "CNY", true, new BigDecimal("0.5")),
                new AssignmentFairness.Given("b", new BigDecimal("30.00"), "CNY", null, null));
        AssignmentFairness.Report r = AssignmentFairness.of(List.of("a", "b"), given, "CNY");
        assertEquals(new BigDecimal("0.5000"), r.concentration().countHhi());
        assertEquals(new BigDecimal("0.6250"), r.concentration().valueHhi(), "0.25^2 + 0.75^2");
        assertEquals(new BigDecimal("1.0000"), r.concentration().maxMinRatio());
        assertEquals(1, r.judged(), "an assignment made with nobody to suggest is not judged");
        assertEquals(new BigDecimal("1.0000"), r.followedTopRate());
        assertEquals("b", r.reps().get(0).repId(), "equal counts: the larger value first");
    }

    @Test
    void an_assignee_who_left_the_team_is_still_listed() {
        AssignmentFairness.Report r = AssignmentFairness.of(List.of("a"),
                List.of(new AssignmentFairness.Given("gone", new BigDecimal("5.00"), "CNY", false, null)), "CNY");
        assertEquals(2, r.reps().size());
        assertEquals(new BigDecimal("1.0000"), r.concentration().countHhi());
        assertNull(r.concentration().maxMinRatio());
    }
}
