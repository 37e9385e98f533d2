package com.salesaffairs.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The non-revenue KPI facts: their contract checks and the rates published from them. */
class KpiSourceFactsTest {
    private static final Instant AT = Instant.parse("2041-01-31T23:59:59Z");

    @Test
    void rates_are_percentages_to_two_decimals_and_null_without_a_base() {
        KpiSourceFigures figures = new KpiSourceFigures(new BigDecimal("4.3333333"), 3, 3, 2, 1, 2);
        assertEquals(new BigDecimal("4.33"), figures.satisfactionAvg());
        assertEquals(new BigDecimal("66.67"), figures.onTimeRate());
        assertEquals(new BigDecimal("33.33"), figures.winRate());

        assertNull(KpiSourceFigures.NONE.satisfactionAvg());
        assertNull(KpiSourceFigures.NONE.onTimeRate(), "no report due is not a rate of 0");
        assertNull(KpiSourceFigures.NONE.winRate(), "no opportunity closed is not a rate of 0");
        assertEquals(new BigDecimal("0.00"), new KpiSourceFigures(null, 0, 2, 0, 0, 4).onTimeRate());
        assertEquals(new BigDecimal("0.00"), new KpiSourceFigures(null, 0, 2, 0, 0, 4).winRate());
    }

    @Test
    void a_survey_answer_is_checked_against_the_contract() {
        UUID id = UUID.randomUUID();
        assertEquals("2041-01", new SatisfactionFact(id, "rep", null, null, null, null, 1, 0, AT).period().toString());
        assertTrue(assertThrows(InvalidKpiFact.class, () -> new SatisfactionFact(id, "rep", null, null, null, null, 6, 0, AT))
                .getMessage().contains("score"));
        assertTrue(assertThrows(InvalidKpiFact.class, () -> new SatisfactionFact(id, "rep", null, null, null, null, 3, 11, AT))
                .getMessage().contains("likelihoodToRecommend"));
        assertTrue(assertThrows(InvalidKpiFact.class, () -> new SatisfactionFact(id, " ", null, null, null, null, 3, 5, AT))
                .getMessage().contains("repId"));
    }

    @Test
    void a_report_counts_in_the_month_it_was_due() {
        ReportFact late = new ReportFact(UUID.randomUUID(), "rep", "east-1", "2041-01", AT,
                Instant.parse("2041-02-01T09:00:00Z"), false);
        assertEquals("2041-01", late.period().toString());
        assertThrows(InvalidKpiFact.class, () -> new ReportFact(UUID.randomUUID(), "rep", null, null, null, AT, true));
    }

    @Test
    void an_open_opportunity_counts_in_no_month_and_a_closed_one_needs_its_close_time() {
        OpportunityOutcome open = new OpportunityOutcome(UUID.randomUUID(), "rep", "east-1", "east",
                OpportunityOutcome.Outcome.OPEN, null, 3, AT);
        assertNull(open.closedAt());
        assertNull(open.period());
        assertEquals("2041-01", new OpportunityOutcome(UUID.randomUUID(), "rep", null, null,
                OpportunityOutcome.Outcome.WON, null, 2, AT).period().toString());
        assertThrows(InvalidKpiFact.class, () -> new OpportunityOutcome(UUID.randomUUID(), "rep", null, null,
                OpportunityOutcome.Outcome.LOST, null, 2, null));
        assertTrue(assertThrows(InvalidKpiFact.class, () -> new OpportunityOutcome(UUID.randomUUID(), null, null, null,
                OpportunityOutcome.Outcome.LOST, null, 2, AT)).getMessage().contains("assigneeId"));
    }
}
