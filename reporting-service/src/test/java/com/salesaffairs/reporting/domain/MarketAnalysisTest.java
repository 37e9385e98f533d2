package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Market figures: revenue net of refunds, margin %, share of the total, growth against the window before. */
class MarketAnalysisTest {
    private static final MarketQuery MARCH = new MarketQuery(
            new ReportWindow(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31")), MarketDimension.REGION, "CNY");

    private static MarketSales now(String group, String revenue, String cost, long orders) {
        return new MarketSales(group, false, new BigDecimal(revenue), new BigDecimal(cost), orders);
    }

    private static MarketSales before(String group, String revenue) {
        return new MarketSales(group, true, new BigDecimal(revenue), BigDecimal.ZERO, 1);
    }

    private static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected), actual);
    }

    @Test
    void the_previous_window_has_as_many_days_and_ends_the_day_before() {
        assertEquals(new ReportWindow(LocalDate.parse("2026-01-29"), LocalDate.parse("2026-02-28")), MARCH.previousWindow());
        MarketQuery oneDay = new MarketQuery(new ReportWindow(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-01")),
                MarketDimension.CHANNEL, "CNY");
        assertEquals(new ReportWindow(LocalDate.parse("2024-02-29"), LocalDate.parse("2024-02-29")), oneDay.previousWindow());
    }

    @Test
    void a_query_over_five_years_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new MarketQuery(
                new ReportWindow(LocalDate.parse("2020-01-01"), LocalDate.parse("2025-01-01")), MarketDimension.REGION, "CNY"));
        // Five calendar years with two leap days, 1827 days, is the most.
        new MarketQuery(new ReportWindow(LocalDate.parse("2020-01-01"), LocalDate.parse("2024-12-31")), MarketDimension.REGION, "CNY");
    }

    @Test
    void shares_margins_and_growth_are_computed_to_two_decimals() {
        MarketAnalysis market = MarketAnalysis.of(MARCH, TeamReach.ALL, List.of(
                now("east", "1000.00", "600.00", 2), MarketSales.refund("east", false, new BigDecimal("100.00")),
                now("west", "300.00", "100.00", 1),
                before("east", "600.00"), before("west", "400.00")));

        assertMoney("1200.00", market.total().revenue());
        assertMoney("700.00", market.total().cost());
        assertMoney("500.00", market.total().margin());
        assertMoney("41.67", market.total().marginPercent());
        assertEquals(3, market.total().orders());
        assertMoney("1000.00", market.total().previousRevenue());
        assertMoney("20.00", market.total().growthPercent());

        assertEquals(List.of("east", "west"), market.rows().stream().map(MarketAnalysis.Row::group).toList());
        MarketAnalysis.Row east = market.rows().get(0);
        assertMoney("900.00", east.figures().revenue());
        assertMoney("300.00", east.figures().margin());
        assertMoney("33.33", east.figures().marginPercent());
        assertMoney("75.00", east.sharePercent());
        assertMoney("50.00", east.figures().growthPercent());
        MarketAnalysis.Row west = market.rows().get(1);
        assertMoney("25.00", west.sharePercent());
        assertMoney("66.67", west.figures().marginPercent());
        assertMoney("-25.00", west.figures().growthPercent());
    }

    @Test
    void a_group_that_sold_only_before_appears_with_nothing_now_and_lost_all_of_it() {
        MarketAnalysis market = MarketAnalysis.of(MARCH, TeamReach.ALL, List.of(
                now("east", "100.00", "50.00", 1), before("north", "250.00")));
        MarketAnalysis.Row north = market.rows().stream().filter(r -> r.group().equals("north")).findFirst().orElseThrow();
        assertMoney("0.00", north.figures().revenue());
        assertMoney("0.00", north.sharePercent());
        assertNull(north.figures().marginPercent());
        assertMoney("250.00", north.figures().previousRevenue());
        assertMoney("-100.00", north.figures().growthPercent());
        assertEquals("east", market.rows().get(0).group());
    }

    @Test
    void nothing_to_divide_by_gives_null_percentages() {
        MarketAnalysis market = MarketAnalysis.of(MARCH, TeamReach.ALL, List.of(
                MarketSales.refund("east", false, new BigDecimal("80.00"))));
        MarketAnalysis.Row east = market.rows().get(0);
        assertMoney("-80.00", east.figures().revenue());
        assertNull(east.figures().marginPercent(), "no margin % of a negative revenue");
        assertNull(east.sharePercent(), "no share of a non-positive total");
        assertNull(east.figures().growthPercent(), "no growth from nothing");
        assertNull(market.total().growthPercent());

        MarketAnalysis empty = MarketAnalysis.of(MARCH, TeamReach.ALL, List.of());
        assertEquals(List.of(), empty.rows());
        assertMoney("0.00", empty.total().revenue());
        assertNull(empty.total().marginPercent());
    }

    @Test
    void equal_revenues_are_ordered_by_group_name() {
        MarketAnalysis market = MarketAnalysis.of(MARCH, TeamReach.ALL, List.of(
                now("ONLINE", "10.00", "1.00", 1), now("DIRECT", "10.00", "2.00", 1), now("PARTNER", "20.00", "3.00", 1)));
        assertEquals(List.of("PARTNER", "DIRECT", "ONLINE"), market.rows().stream().map(MarketAnalysis.Row::group).toList());
    }
}
