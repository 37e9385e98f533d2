package com.salesaffairs.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class KpiFiguresTest {

    @Provide
    Arbitrary<BigDecimal> money() {
        return Arbitraries.longs().between(0, 100_000_000_00L).map(cents -> BigDecimal.valueOf(cents, 2));
    }

    private static KpiFigures figures(String sales, String cost) {
        return new KpiFigures(new BigDecimal(sales), new BigDecimal(cost), 1, 0);
    }

    @Property
    void gross_margin_is_sales_less_cost_to_the_cent(@ForAll("money") BigDecimal sales, @ForAll("money") BigDecimal cost) {
        KpiFigures f = new KpiFigures(sales, cost, 1, 0);
        assertEquals(sales.subtract(cost), f.grossMargin());
        assertEquals(2, f.grossMargin().scale());
    }

    @Property
    void margin_percentage_is_within_half_a_hundredth_of_the_exact_ratio(@ForAll("money") BigDecimal sales,
            @ForAll("money") BigDecimal cost) {
        KpiFigures f = new KpiFigures(sales, cost, 1, 0);
        if (sales.signum() == 0) {
            assertNull(f.grossMarginPct());
            return;
        }
        BigDecimal exact = sales.subtract(cost).multiply(BigDecimal.valueOf(100)).divide(sales, MathContext.DECIMAL128);
        assertEquals(2, f.grossMarginPct().scale());
        assertTrue(f.grossMarginPct().subtract(exact).abs().compareTo(new BigDecimal("0.005")) <= 0,
                f.grossMarginPct() + " vs " + exact);
    }

    @Property
    void a_team_total_is_the_sum_of_its_reps_in_any_order(@ForAll @Size(max = 8) List<@LongRange(min = -1_000_000_00L, max = 1_000_000_00L) Long> cents) {
        List<KpiFigures> reps = cents.stream()
                .map(c -> new KpiFigures(BigDecimal.valueOf(c, 2), BigDecimal.valueOf(Math.abs(c) / 2, 2), 1, c < 0 ? 1 : 0))
                .toList();
        KpiFigures forward = reps.stream().reduce(KpiFigures.ZERO, KpiFigures::plus);
        List<KpiFigures> reversed = new java.util.ArrayList<>(reps);
        java.util.Collections.reverse(reversed);
        KpiFigures backward = reversed.stream().reduce(KpiFigures.ZERO, KpiFigures::plus);
        assertEquals(forward, backward);
        assertEquals(BigDecimal.valueOf(cents.stream().mapToLong(Long::longValue).sum(), 2), forward.salesAmount());
        assertEquals(reps.size(), forward.orderCount());
    }

    @Example
    void margin_and_percentage_of_a_typical_order() {
        KpiFigures f = figures("1234.50", "800.00");
        assertEquals(new BigDecimal("434.50"), f.grossMargin());
        assertEquals(new BigDecimal("35.20"), f.grossMarginPct()); // 35.1964...
    }

    @Example
    void percentage_rounds_half_up_not_to_even() {
        // 0.01 / 8.00 = 0.125 %: half-even would give 0.12
        assertEquals(new BigDecimal("0.13"), figures("8.00", "7.99").grossMarginPct());
        // -0.125 % rounds away from zero too
        assertEquals(new BigDecimal("-0.13"), figures("8.00", "8.01").grossMarginPct());
        assertEquals(new BigDecimal("33.33"), figures("3.00", "2.00").grossMarginPct());
        assertEquals(new BigDecimal("66.67"), figures("3.00", "1.00").grossMarginPct());
    }

    @Example
    void no_percentage_without_sales_even_when_refunds_made_them_negative() {
        assertNull(KpiFigures.ZERO.grossMarginPct());
        assertNull(figures("-100.00", "0.00").grossMarginPct());
        assertEquals(new BigDecimal("-100.00"), figures("-100.00", "0.00").grossMargin());
    }

    @Example
    void amounts_are_kept_to_the_cent_half_up() {
        assertEquals(new BigDecimal("0.13"), figures("0.125", "0").salesAmount());
        assertEquals(new BigDecimal("0.00"), KpiFigures.ZERO.costAmount());
    }
}
