package com.salesaffairs.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.salesaffairs.performance.domain.TargetConsistency.MonthTarget;

/** Shortfalls where the level below does not cover the level above, never negative. */
class TargetConsistencyTest {
    private static final TargetPeriod Q1 = TargetPeriod.parse("2026-Q1");

    private static MonthTarget m(TargetLevel level, String subject, String team, String region, String month, String amount) {
        return new MonthTarget(level, subject, team, region, month, new BigDecimal(amount));
    }

    private static final List<MonthTarget> MONTHS = List.of(
            m(TargetLevel.COMPANY, "company", null, null, "2026-01", "500.00"),
            m(TargetLevel.COMPANY, "company", null, null, "2026-02", "500.00"),
            m(TargetLevel.REGION, "east", null, "east", "2026-01", "300.00"),
            m(TargetLevel.TEAM, "east-1", "east-1", "east", "2026-01", "200.00"),
            m(TargetLevel.TEAM, "east-1", "east-1", "east", "2026-02", "200.00"),
            m(TargetLevel.TEAM, "west-1", "west-1", "west", "2026-01", "100.00"),
            m(TargetLevel.REP, "rep-a", "east-1", "east", "2026-01", "150.00"),
            m(TargetLevel.REP, "rep-b", "east-1", "east", "2026-02", "100.00"),
            m(TargetLevel.REP, "rep-c", "west-1", "west", "2026-01", "120.00"));

    @Test
    void a_team_short_of_its_target_shows_the_shortfall_and_one_covered_shows_zero() {
        TargetConsistency view = TargetConsistency.of(Q1, MONTHS, null);
        TargetConsistency.TeamLine east = view.teams().get(0);
        assertEquals("east-1", east.team());
        assertEquals(new BigDecimal("400.00"), east.teamTarget());
        assertEquals(new BigDecimal("250.00"), east.repTargetSum());
        assertEquals(new BigDecimal("150.00"), east.shortfall());
        assertEquals(2, east.repCount());
        TargetConsistency.TeamLine west = view.teams().get(1);
        assertEquals(new BigDecimal("0.00"), west.shortfall(), "reps above the team target are no shortfall");
    }

    @Test
    void regions_and_the_company_are_compared_with_their_teams() {
        TargetConsistency view = TargetConsistency.of(Q1, MONTHS, null);
        assertEquals(2, view.regions().size());
        TargetConsistency.RegionLine east = view.regions().get(0);
        assertEquals(new BigDecimal("300.00"), east.regionTarget());
        assertEquals(new BigDecimal("400.00"), east.teamTargetSum());
        assertEquals(new BigDecimal("0.00"), east.shortfall());
        TargetConsistency.RegionLine west = view.regions().get(1);
        assertNull(west.regionTarget());
        assertNull(west.shortfall(), "no region target, nothing to fall short of");
        assertEquals(new BigDecimal("1000.00"), view.company().companyTarget());
        assertEquals(new BigDecimal("500.00"), view.company().teamTargetSum());
        assertEquals(new BigDecimal("300.00"), view.company().regionTargetSum());
        assertEquals(new BigDecimal("500.00"), view.company().shortfall());
    }

    @Test
    void a_managers_view_is_their_team_only() {
        TargetConsistency view = TargetConsistency.of(Q1, MONTHS, "west-1");
        assertEquals(1, view.teams().size());
        assertEquals("west-1", view.teams().get(0).team());
        assertNull(view.company());
        assertEquals(List.of(), view.regions());
    }
}
