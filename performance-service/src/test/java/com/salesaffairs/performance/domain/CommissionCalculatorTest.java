package com.salesaffairs.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.performance.domain.CommissionCalculator.Figures;
import com.salesaffairs.performance.domain.CommissionCalculator.EarlierMonth;
import com.salesaffairs.platform.problem.Violation;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The commission calculator: bands, refunds in the same month, clawbacks in a later one, to the cent. */
class CommissionCalculatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V2 = "{\"tiers\":[{\"fromAttainment\":0,\"rate\":0.02},{\"fromAttainment\":80,\"rate\":0.04},"
            + "{\"fromAttainment\":100,\"rate\":0.06}],\"basis\":\"SETTLED\",\"clawback\":\"REFUND_PERIOD\",\"withoutTarget\":\"FIRST_TIER\"}";
    private static final CommissionPlan PLAN = CommissionPlan.from(2, tree(V2));
    private static final KpiPeriod MONTH = KpiPeriod.parse("2026-11");
    private static final KpiPeriod NEXT = KpiPeriod.parse("2026-12");
    private static final Instant START = MONTH.start();

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private static BigDecimal cents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static CommissionEntry settled(UUID order, BigDecimal amount, int minute, KpiPeriod booked) {
        return new CommissionEntry(UUID.randomUUID(), CommissionEntry.Kind.SETTLED, order, "SO-" + minute, null, amount,
                booked.start().plusSeconds(60L * minute), booked);
    }

    private static CommissionEntry refund(UUID order, BigDecimal amount, int minute, KpiPeriod booked) {
        return new CommissionEntry(UUID.randomUUID(), CommissionEntry.Kind.REFUND, order, null, UUID.randomUUID(),
                amount.negate(), booked.start().plusSeconds(60L * minute), booked);
    }

    private static List<CommissionEntry> orders(List<Long> amountsInCents) {
        List<CommissionEntry> entries = new ArrayList<>();
        for (int i = 0; i < amountsInCents.size(); i++) {
            entries.add(settled(UUID.randomUUID(), cents(amountsInCents.get(i)), 10 + i, MONTH));
        }
        return entries;
    }

    private static Figures month(BigDecimal target, List<CommissionEntry> entries) {
        return CommissionCalculator.compute(PLAN, BigDecimal.ZERO, target, MONTH, entries, Map.of());
    }

    @Example
    void orders_go_through_the_bands_in_settlement_order_to_the_cent() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        // listed out of order: settlement time decides
        Figures f = month(money("100000.00"), List.of(settled(c, money("30000.00"), 30, MONTH),
                settled(a, money("50000.00"), 10, MONTH), settled(b, money("40000.00"), 20, MONTH)));
        assertEquals(List.of(a, b, c), f.orders().stream().map(CommissionStatement.OrderLine::orderId).toList());
        assertEquals(money("1000.00"), f.orders().get(0).commission());            // 50,000 x 2%
        assertEquals(money("1000.00"), f.orders().get(1).commission());            // 30,000 x 2% + 10,000 x 4%
        assertEquals(2, f.orders().get(1).portions().size());
        assertEquals(money("1600.00"), f.orders().get(2).commission());            // 10,000 x 4% + 20,000 x 6%
        assertEquals(money("120000.00"), f.revenue());
        assertEquals(money("120.00"), f.attainmentPct());
        assertEquals(money("3600.00"), f.commission());
        assertEquals(money("80000.00"), f.bands().get(0).revenue());
        assertEquals(money("1600.00"), f.bands().get(0).commission());
        assertEquals(money("20000.00"), f.bands().get(1).revenue());
        assertEquals(money("800.00"), f.bands().get(1).commission());
        assertEquals(money("20000.00"), f.bands().get(2).revenue());
        assertEquals(money("1200.00"), f.bands().get(2).commission());
        assertNull(f.bands().get(2).toAmount());
        assertEquals(money("100000.00"), f.bands().get(2).fromAmount());
    }

    @Example
    void without_a_target_all_revenue_earns_the_first_rate_and_attainment_is_null() {
        Figures f = month(null, orders(List.of(1_000_000_00L)));
        assertEquals(money("20000.00"), f.commission());
        assertNull(f.attainmentPct());
        assertEquals("FIRST_TIER", f.withoutTarget());
        Figures zeroTarget = month(BigDecimal.ZERO, orders(List.of(1_000_000_00L)));
        assertEquals(money("20000.00"), zeroTarget.commission());
    }

    @Example
    void a_rate_bonus_raises_every_band_by_its_points() {
        Figures f = CommissionCalculator.compute(PLAN, new BigDecimal("0.5"), money("100000.00"), MONTH,
                orders(List.of(12_000_000L)), Map.of());
        // 80,000 x 2.5% + 20,000 x 4.5% + 20,000 x 6.5%
        assertEquals(money("4200.00"), f.commission());
        assertEquals(0, new BigDecimal("0.065").compareTo(f.bands().get(2).rate()));
    }

    @Example
    void a_part_refund_in_the_same_month_lowers_the_orders_net_and_the_month_recomputes() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Figures f = month(money("10000.00"), List.of(settled(a, money("9000.00"), 1, MONTH),
                settled(b, money("2000.00"), 2, MONTH), refund(a, money("1000.00"), 3, MONTH)));
        // a nets 8,000 (all at 2%: 160.00); b then 2,000 from 80% to 100% at 4%: 80.00
        assertEquals(money("8000.00"), f.orders().get(0).netAmount());
        assertEquals(money("160.00"), f.orders().get(0).commission());
        assertEquals(money("80.00"), f.orders().get(1).commission());
        assertEquals(money("240.00"), f.commission());
        assertTrue(f.clawbacks().isEmpty());
    }

    private static EarlierMonth november(BigDecimal target, List<CommissionEntry> entries, Map<UUID, BigDecimal> refundedBefore) {
        return new EarlierMonth(MONTH, PLAN, BigDecimal.ZERO, target, entries, refundedBefore);
    }

    private static Map<UUID, EarlierMonth> paidIn(EarlierMonth month) {
        Map<UUID, EarlierMonth> byOrder = new java.util.HashMap<>();
        month.entries().stream().filter(e -> e.kind() == CommissionEntry.Kind.SETTLED).forEach(e -> byOrder.put(e.orderId(), month));
        return byOrder;
    }

    @Example
    void a_later_full_refund_of_an_early_order_claws_back_what_it_added_to_its_month_not_just_its_own_commission() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        BigDecimal target = money("100000.00");
        List<CommissionEntry> nov = List.of(settled(a, money("80000.00"), 1, MONTH), settled(b, money("20000.00"), 2, MONTH));
        Figures november = month(target, nov);
        assertEquals(money("1600.00"), november.orders().get(0).commission()); // 80,000 x 2%
        assertEquals(money("800.00"), november.orders().get(1).commission());  // 20,000 x 4%
        assertEquals(money("2400.00"), november.commission());

        Figures december = CommissionCalculator.compute(PLAN, BigDecimal.ZERO, null, NEXT,
                List.of(refund(a, money("80000.00"), 5, NEXT)), paidIn(november(target, nov, Map.of())));
        // without a, b alone is 20,000 x 2% = 400.00: the rep keeps 400.00, so 2,000.00 comes back, not 1,600.00
        CommissionStatement.Clawback line = december.clawbacks().get(0);
        assertEquals(money("2000.00"), line.clawback());
        assertEquals(money("2400.00"), line.monthCommissionBefore());
        assertEquals(money("400.00"), line.monthCommissionAfter());
        assertEquals(money("1600.00"), line.orderCommission());
        assertEquals(money("80000.00"), line.orderNetAmount());
        assertEquals(money("0.00"), line.refundedBefore());
        assertEquals("2026-11", line.orderPeriod());
        assertEquals(money("2000.00"), december.clawbackTotal());
        assertEquals(money("-2000.00"), december.commission());
        assertEquals(money("0.00"), december.revenue());
        assertEquals(month(target, List.of(settled(b, money("20000.00"), 2, MONTH))).commission(),
                november.commission().subtract(december.clawbackTotal()));
    }

    @Example
    void later_part_refunds_claw_back_what_each_part_added_and_together_the_whole_order_to_the_cent() {
        UUID a = UUID.randomUUID();
        BigDecimal target = money("10000.00");
        List<CommissionEntry> nov = List.of(settled(a, money("9000.00"), 1, MONTH));
        assertEquals(money("200.00"), month(target, nov).commission()); // 8,000 x 2% + 1,000 x 4%

        Figures december = CommissionCalculator.compute(PLAN, BigDecimal.ZERO, target, NEXT,
                List.of(refund(a, money("2250.00"), 5, NEXT)), paidIn(november(target, nov, Map.of())));
        assertEquals(money("65.00"), december.clawbackTotal()); // 200.00 - 6,750 x 2%
        assertEquals(money("-65.00"), december.commission());

        // the rest of it, in January: the 2,250 already clawed back counts as refunded in November
        KpiPeriod january = KpiPeriod.parse("2027-01");
        Figures rest = CommissionCalculator.compute(PLAN, BigDecimal.ZERO, null, january,
                List.of(refund(a, money("6750.00"), 6, january)), paidIn(november(target, nov, Map.of(a, money("2250.00")))));
        assertEquals(money("135.00"), rest.clawbackTotal());
        assertEquals(money("2250.00"), rest.clawbacks().get(0).refundedBefore());
        // a refund beyond what is left claws back nothing more
        Figures beyond = CommissionCalculator.compute(PLAN, BigDecimal.ZERO, null, january,
                List.of(refund(a, money("10.00"), 6, january)), paidIn(november(target, nov, Map.of(a, money("9000.00")))));
        assertEquals(money("0.00"), beyond.clawbackTotal());
    }

    @Example
    void a_refund_of_an_order_no_statement_paid_claws_back_nothing_and_says_so() {
        Figures f = CommissionCalculator.compute(PLAN, BigDecimal.ZERO, null, NEXT,
                List.of(refund(UUID.randomUUID(), money("100.00"), 1, NEXT)), Map.of());
        assertEquals(money("0.00"), f.clawbackTotal());
        assertNull(f.clawbacks().get(0).orderPeriod());
    }

    @Property
    void commission_is_monotone_in_revenue_inside_a_tier(@ForAll @IntRange(min = 0, max = 2) int tier,
            @ForAll @LongRange(min = 1_000_00L, max = 10_000_000_00L) long targetCents,
            @ForAll @IntRange(min = 0, max = 10_000) int lowPermyriad, @ForAll @IntRange(min = 0, max = 10_000) int highPermyriad) {
        BigDecimal target = cents(targetCents);
        // revenue inside band [from, to): from + share x width (the last band: up to twice the target above it)
        long from = new long[] { 0, targetCents * 80 / 100, targetCents }[tier];
        long to = new long[] { targetCents * 80 / 100, targetCents, targetCents * 3 }[tier];
        long a = from + (to - from) * Math.min(lowPermyriad, highPermyriad) / 10_000;
        long b = from + (to - from) * Math.max(lowPermyriad, highPermyriad) / 10_000;
        BigDecimal lower = month(target, orders(List.of(a))).commission();
        BigDecimal higher = month(target, orders(List.of(b))).commission();
        assertTrue(higher.compareTo(lower) >= 0, a + " earns " + lower + " but " + b + " earns " + higher);
    }

    @Property
    void a_further_order_never_lowers_the_month(@ForAll @Size(max = 6) List<@LongRange(min = 0, max = 5_000_000_00L) Long> amounts,
            @ForAll @LongRange(min = 0, max = 5_000_000_00L) long extra, @ForAll @LongRange(min = 0, max = 10_000_000_00L) long targetCents) {
        List<CommissionEntry> before = orders(amounts);
        List<CommissionEntry> after = new ArrayList<>(before);
        after.add(settled(UUID.randomUUID(), cents(extra), 59, MONTH));
        BigDecimal target = targetCents == 0 ? null : cents(targetCents);
        assertTrue(month(target, after).commission().compareTo(month(target, before).commission()) >= 0);
    }

    @Property
    void a_full_refund_in_the_same_month_restores_the_pre_order_commission_exactly(
            @ForAll @Size(max = 6) List<@LongRange(min = 1, max = 5_000_000_00L) Long> amounts,
            @ForAll @LongRange(min = 1, max = 5_000_000_00L) long orderCents, @ForAll @IntRange(min = 0, max = 6) int position,
            @ForAll @LongRange(min = 0, max = 10_000_000_00L) long targetCents, @ForAll @IntRange(min = 1, max = 3) int refundParts) {
        BigDecimal target = targetCents == 0 ? null : cents(targetCents);
        List<CommissionEntry> without = orders(amounts);
        Figures before = month(target, without);

        List<CommissionEntry> with = new ArrayList<>(without);
        UUID order = UUID.randomUUID();
        int at = Math.min(position, amounts.size());
        // settled between the others (minute 10 + at - 0.5), refunded later in the month in one to three parts
        with.add(new CommissionEntry(UUID.randomUUID(), CommissionEntry.Kind.SETTLED, order, "SO-X", null, cents(orderCents),
                MONTH.start().plusSeconds(60L * (10 + at) - 30), MONTH));
        long left = orderCents;
        for (int part = 1; part <= refundParts; part++) {
            long amount = part == refundParts ? left : left / 2;
            left -= amount;
            if (amount > 0) {
                with.add(refund(order, cents(amount), 100 + part, MONTH));
            }
        }
        Figures after = month(target, with);
        assertEquals(before.commission(), after.commission());
        assertEquals(before.revenue(), after.revenue());
        assertEquals(before.orders().stream().map(CommissionStatement.OrderLine::commission).toList(),
                after.orders().stream().filter(l -> !l.orderId().equals(order)).map(CommissionStatement.OrderLine::commission).toList());
    }

    /** One to three parts of {@code total} cents, the last part what is left. */
    private static List<Long> parts(long total, int count) {
        List<Long> parts = new ArrayList<>();
        long left = total;
        for (int part = 1; part <= count; part++) {
            long amount = part == count ? left : left / 2;
            left -= amount;
            if (amount > 0) {
                parts.add(amount);
            }
        }
        return parts;
    }

    @Property
    void later_refunds_of_an_order_together_claw_back_exactly_the_pre_order_figure(
            @ForAll @Size(max = 6) List<@LongRange(min = 1, max = 5_000_000_00L) Long> amounts,
            @ForAll @LongRange(min = 1, max = 5_000_000_00L) long orderCents, @ForAll @IntRange(min = 0, max = 6) int position,
            @ForAll @LongRange(min = 0, max = 10_000_000_00L) long targetCents, @ForAll @IntRange(min = 1, max = 3) int refundParts,
            @ForAll boolean splitOverTwoMonths) {
        BigDecimal target = targetCents == 0 ? null : cents(targetCents);
        List<CommissionEntry> without = orders(amounts);
        BigDecimal preOrder = month(target, without).commission();

        List<CommissionEntry> with = new ArrayList<>(without);
        UUID order = UUID.randomUUID();
        int at = Math.min(position, amounts.size());
        with.add(new CommissionEntry(UUID.randomUUID(), CommissionEntry.Kind.SETTLED, order, "SO-X", null, cents(orderCents),
                MONTH.start().plusSeconds(60L * (10 + at) - 30), MONTH));
        BigDecimal paid = month(target, with).commission();

        // refunded in December (all parts) or the first part in December and the rest in January
        List<Long> parts = parts(orderCents, refundParts);
        List<CommissionEntry> december = new ArrayList<>();
        List<CommissionEntry> january = new ArrayList<>();
        KpiPeriod jan = KpiPeriod.parse("2027-01");
        BigDecimal inDecember = BigDecimal.ZERO;
        for (int i = 0; i < parts.size(); i++) {
            if (splitOverTwoMonths && i > 0) {
                january.add(refund(order, cents(parts.get(i)), 10 + i, jan));
            } else {
                december.add(refund(order, cents(parts.get(i)), 10 + i, NEXT));
                inDecember = inDecember.add(cents(parts.get(i)));
            }
        }
        BigDecimal clawed = CommissionCalculator.compute(PLAN, BigDecimal.ZERO, null, NEXT, december,
                paidIn(november(target, with, Map.of()))).clawbackTotal();
        if (!january.isEmpty()) {
            clawed = clawed.add(CommissionCalculator.compute(PLAN, BigDecimal.ZERO, null, jan, january,
                    paidIn(november(target, with, Map.of(order, inDecember)))).clawbackTotal());
        }
        assertEquals(preOrder, paid.subtract(clawed));
    }

    @Property
    void later_refunds_of_every_order_of_a_month_claw_back_exactly_its_commission(
            @ForAll @Size(min = 1, max = 6) List<@LongRange(min = 1, max = 5_000_000_00L) Long> amounts,
            @ForAll @LongRange(min = 0, max = 10_000_000_00L) long targetCents, @ForAll boolean reversed) {
        BigDecimal target = targetCents == 0 ? null : cents(targetCents);
        List<CommissionEntry> nov = orders(amounts);
        List<CommissionEntry> refunds = new ArrayList<>();
        for (int i = 0; i < nov.size(); i++) {
            CommissionEntry order = nov.get(reversed ? nov.size() - 1 - i : i);
            refunds.add(refund(order.orderId(), order.amount(), 10 + i, NEXT));
        }
        Figures december = CommissionCalculator.compute(PLAN, BigDecimal.ZERO, null, NEXT, refunds,
                paidIn(november(target, nov, Map.of())));
        assertEquals(month(target, nov).commission(), december.clawbackTotal());
        assertEquals(refunds.size(), december.clawbacks().size());
    }

    @Example
    void the_adopted_plan_passes_its_check_and_broken_drafts_name_their_field() {
        assertEquals(List.of(), CommissionPlan.check(tree(V2)));
        List<String> fields = CommissionPlan.check(tree("{\"tiers\":[{\"fromAttainment\":10,\"rate\":0.02},"
                + "{\"fromAttainment\":5,\"rate\":0.01},{\"fromAttainment\":120,\"rate\":0.9}],\"basis\":\"BOOKED\","
                + "\"clawback\":\"NEVER\",\"bonus\":1}")).stream().map(Violation::field).toList();
        assertTrue(fields.containsAll(List.of("tiers[0].fromAttainment", "tiers[1].fromAttainment", "tiers[1].rate",
                "tiers[2].rate", "basis", "clawback", "bonus")), fields.toString());
        assertEquals(List.of("tiers"), CommissionPlan.check(tree("{\"tiers\":[],\"basis\":\"SETTLED\",\"clawback\":\"REFUND_PERIOD\"}"))
                .stream().map(Violation::field).toList());
    }
}
