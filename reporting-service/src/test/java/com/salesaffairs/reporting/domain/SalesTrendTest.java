package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SalesTrendTest {
    private static final ReportWindow JAN_5_TO_11 = new ReportWindow(LocalDate.parse("2026-01-05"),
            LocalDate.parse("2026-01-11"));

    private static DailySales sold(String day, String group, String net, String cost, long orders) {
        return new DailySales(LocalDate.parse(day), group, new BigDecimal(net), new BigDecimal(cost), orders);
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    @Test
    void every_day_without_sales_is_present_with_zeros() {
        List<TrendPoint> points = SalesTrend.of(JAN_5_TO_11, Granularity.DAY, false,
                List.of(sold("2026-01-07", null, "100.50", "60.25", 1)));
        assertEquals(7, points.size());
        assertEquals("2026-01-05", points.get(0).period());
        assertEquals("2026-01-11", points.get(6).period());
        TrendPoint empty = points.get(0);
        assertEquals(money("0.00"), empty.netAmount());
        assertEquals(money("0.00"), empty.costAmount());
        assertEquals(money("0.00"), empty.grossMargin());
        assertEquals(0, empty.orders());
        assertNull(empty.group());
        TrendPoint sale = points.get(2);
        assertEquals("2026-01-07", sale.period());
        assertEquals(money("100.50"), sale.netAmount());
        assertEquals(money("40.25"), sale.grossMargin());
        assertEquals(1, sale.orders());
    }

    @Test
    void an_empty_window_still_has_every_period() {
        assertEquals(List.of("2026-W02"), SalesTrend.of(JAN_5_TO_11, Granularity.WEEK, false, List.of()).stream()
                .map(TrendPoint::period).toList());
    }

    @Test
    void days_of_one_week_add_up_and_a_refund_lowers_net_but_not_cost_or_orders() {
        List<TrendPoint> points = SalesTrend.of(JAN_5_TO_11, Granularity.WEEK, false, List.of(
                sold("2026-01-05", "east-1", "1000.10", "700.00", 2),
                sold("2026-01-09", "west-1", "200.20", "100.00", 1),
                DailySales.refund(LocalDate.parse("2026-01-10"), null, money("50.05"))));
        assertEquals(1, points.size());
        TrendPoint week = points.get(0);
        assertEquals("2026-W02", week.period());
        assertEquals(money("1150.25"), week.netAmount());
        assertEquals(money("800.00"), week.costAmount());
        assertEquals(money("350.25"), week.grossMargin());
        assertEquals(3, week.orders());
        assertNull(week.group());
    }

    @Test
    void a_split_trend_zero_fills_every_group_seen_and_sorts_by_period_then_group() {
        List<TrendPoint> points = SalesTrend.of(new ReportWindow(LocalDate.parse("2026-01-05"),
                LocalDate.parse("2026-01-06")), Granularity.DAY, true, List.of(
                        sold("2026-01-06", "west-1", "10.00", "5.00", 1),
                        sold("2026-01-05", "east-1", "20.00", "5.00", 1)));
        assertEquals(List.of("2026-01-05/east-1", "2026-01-05/west-1", "2026-01-06/east-1", "2026-01-06/west-1"),
                points.stream().map(p -> p.period() + "/" + p.group()).toList());
        assertEquals(money("20.00"), points.get(0).netAmount());
        assertEquals(money("0.00"), points.get(1).netAmount());
        assertEquals(money("0.00"), points.get(2).netAmount());
        assertEquals(money("10.00"), points.get(3).netAmount());
    }

    @Test
    void a_refund_shared_over_categories_is_rounded_to_cents_in_the_point() {
        List<TrendPoint> points = SalesTrend.of(JAN_5_TO_11, Granularity.MONTH, true, List.of(
                DailySales.refund(LocalDate.parse("2026-01-08"), "TOOLS", money("33.333333"))));
        assertEquals(money("-33.33"), points.get(0).netAmount());
        assertEquals(money("-33.33"), points.get(0).grossMargin());
    }

    @Test
    void sales_outside_the_window_are_a_programming_error() {
        assertThrows(IllegalArgumentException.class, () -> SalesTrend.of(JAN_5_TO_11, Granularity.DAY, false,
                List.of(sold("2026-01-12", null, "1.00", "0.00", 1))));
    }

    @Provide
    Arbitrary<List<Integer>> cents() {
        return Arbitraries.integers().between(-100_000, 10_000_000).list();
    }

    @Property(tries = 200)
    void bucketing_never_loses_or_invents_money(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 6) Integer> dayOffsets,
            @ForAll("cents") List<Integer> amounts) {
        List<DailySales> days = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < Math.min(dayOffsets.size(), amounts.size()); i++) {
            BigDecimal net = BigDecimal.valueOf(amounts.get(i), 2);
            days.add(new DailySales(JAN_5_TO_11.from().plusDays(dayOffsets.get(i)), i % 2 == 0 ? "a" : "b", net,
                    BigDecimal.ZERO, 1));
            expected = expected.add(net);
        }
        for (Granularity granularity : Granularity.values()) {
            for (boolean split : new boolean[] { false, true }) {
                List<TrendPoint> points = SalesTrend.of(JAN_5_TO_11, granularity, split, days);
                assertEquals(expected, points.stream().map(TrendPoint::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .setScale(2), granularity + " split=" + split);
                assertEquals(days.size(), points.stream().mapToLong(TrendPoint::orders).sum());
            }
        }
    }
}
