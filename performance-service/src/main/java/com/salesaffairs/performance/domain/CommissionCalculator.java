package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.salesaffairs.performance.domain.CommissionStatement.Band;
import com.salesaffairs.performance.domain.CommissionStatement.Clawback;
import com.salesaffairs.performance.domain.CommissionStatement.OrderLine;
import com.salesaffairs.performance.domain.CommissionStatement.Portion;

/**
 * The commission of one rep and month, computed from the revenue entries alone (no database, no clock):
 *
 * <ul>
 * <li>The month's settled orders go through the bands in settlement order ({@code occurredAt}, then event id),
 * each with its net amount: settled less its refunds booked in the same month (or before). A fully refunded
 * order therefore takes no room in the bands and the month is exactly what it would be without it.</li>
 * <li>Bands are marginal: band i covers revenue from {@code target x fromAttainment_i / 100} (rounded to the
 * cent) to the next band's start, at {@code rate_i + bonus points / 100}. Each portion's commission is rounded
 * half-up to the cent; an order's commission is the sum of its portions, the month's the sum of its orders.</li>
 * <li>A refund of amount a, booked in this month, of an order paid on an earlier month M's statement claws back
 * exactly what that amount added to M: {@code ordersCommission(M, R) - ordersCommission(M, R + a)}, where
 * {@code ordersCommission(M, X)} is M's orders commission recomputed as if the refunds X had been booked in M
 * (the same-month path) and R are the later refunds of M's orders (of any of them) clawed back before this one.
 * Under marginal bands an early order pushes the month's later orders into higher bands, so this is more than
 * the order's own commission when the order was not the month's last. The clawbacks telescope: all later refunds
 * together claw back exactly {@code ordersCommission(M)} less M recomputed without them, never more.</li>
 * </ul>
 */
public final class CommissionCalculator {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private CommissionCalculator() {
    }

    /** The figures of a month; the service adds who, when and whether the month is closed. */
    public record Figures(BigDecimal target, BigDecimal revenue, BigDecimal attainmentPct, String withoutTarget,
            List<Band> bands, List<OrderLine> orders, List<Clawback> clawbacks, BigDecimal ordersCommission,
            BigDecimal clawbackTotal, BigDecimal commission) {
    }

    /**
     * An earlier month whose statement paid an order refunded in this month: what it takes to recompute its orders
     * commission, and the refunds of its orders booked after it and before this month (already clawed back on those
     * months' statements), by order.
     */
    public record EarlierMonth(KpiPeriod period, CommissionPlan plan, BigDecimal bonusPoints, BigDecimal target,
            List<CommissionEntry> entries, Map<UUID, BigDecimal> refundedBefore) {
        public EarlierMonth {
            entries = List.copyOf(entries);
            refundedBefore = Map.copyOf(refundedBefore);
        }
    }

    /** The orders of a month through the bands. */
    private record OrdersPart(BigDecimal revenue, List<OrderLine> orders, BigDecimal[] bandRevenue,
            BigDecimal[] bandCommission, BigDecimal ordersCommission) {
    }

    private static final Comparator<CommissionEntry> IN_ORDER = Comparator.comparing(CommissionEntry::occurredAt)
            .thenComparing(CommissionEntry::eventId);

    /**
     * @param bonusPoints commission-rate points added to every band (0.5 = +0.5 percentage points)
     * @param target the rep's target for the month, null when none
     * @param entries the entries booked in {@code month}, plus refunds booked earlier of orders settled in it
     * @param earlier for refunds of orders settled in an earlier month, by order: that month
     */
    public static Figures compute(CommissionPlan plan, BigDecimal bonusPoints, BigDecimal target, KpiPeriod month,
            List<CommissionEntry> entries, Map<UUID, EarlierMonth> earlier) {
        boolean hasTarget = target != null && target.signum() > 0;
        List<Band> bandShapes = bands(plan, bonusPoints, hasTarget ? target : null);
        OrdersPart part = orders(bandShapes, month, entries, Map.of());

        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < bandShapes.size(); i++) {
            Band b = bandShapes.get(i);
            bands.add(new Band(b.fromAttainment(), b.toAttainment(), b.fromAmount(), b.toAmount(), b.rate(),
                    money(part.bandRevenue()[i]), money(part.bandCommission()[i])));
        }

        Set<UUID> settledHere = new HashSet<>();
        part.orders().forEach(l -> settledHere.add(l.orderId()));
        List<CommissionEntry> laterRefunds = entries.stream()
                .filter(e -> e.kind() == CommissionEntry.Kind.REFUND && e.bookedPeriod().equals(month)
                        && !settledHere.contains(e.orderId()))
                .sorted(IN_ORDER).toList();

        List<Clawback> clawbacks = new ArrayList<>();
        Map<KpiPeriod, Map<UUID, BigDecimal>> clawedSoFar = new HashMap<>();
        Map<KpiPeriod, BigDecimal> monthSoFar = new HashMap<>();
        Map<KpiPeriod, List<OrderLine>> paidLines = new HashMap<>();
        for (CommissionEntry refund : laterRefunds) {
            EarlierMonth paid = earlier.get(refund.orderId());
            Optional<OrderLine> line = paid == null || paid.period().compareTo(month) >= 0 ? Optional.empty()
                    : paidLines.computeIfAbsent(paid.period(), k -> ordersOf(paid, Map.of()).orders()).stream()
                            .filter(l -> l.orderId().equals(refund.orderId())).findFirst();
            if (line.isEmpty()) {
                clawbacks.add(new Clawback(refund.refundId(), refund.orderId(), refund.orderNumber(), refund.occurredAt(),
                        money(refund.amount()), null, null, null, null, null, null, money(BigDecimal.ZERO)));
                continue;
            }
            Map<UUID, BigDecimal> clawed = clawedSoFar.computeIfAbsent(paid.period(), k -> new HashMap<>(paid.refundedBefore()));
            BigDecimal before = monthSoFar.computeIfAbsent(paid.period(), k -> ordersOf(paid, clawed).ordersCommission());
            BigDecimal refundedBefore = clawed.getOrDefault(refund.orderId(), BigDecimal.ZERO);
            clawed.merge(refund.orderId(), refund.amount(), BigDecimal::add);
            BigDecimal after = ordersOf(paid, clawed).ordersCommission();
            monthSoFar.put(paid.period(), after);
            clawbacks.add(new Clawback(refund.refundId(), refund.orderId(), refund.orderNumber(), refund.occurredAt(),
                    money(refund.amount()), paid.period().toString(), line.get().netAmount(), line.get().commission(),
                    money(refundedBefore), before, after, before.subtract(after)));
        }

        BigDecimal revenue = part.revenue();
        BigDecimal clawbackTotal = clawbacks.stream().map(Clawback::clawback).reduce(money(BigDecimal.ZERO), BigDecimal::add);
        BigDecimal attainment = hasTarget ? revenue.multiply(HUNDRED).divide(target, 2, RoundingMode.HALF_UP) : null;
        return new Figures(target == null ? null : money(target), money(revenue), attainment,
                hasTarget ? null : plan.withoutTarget().name(), bands, part.orders(), clawbacks, part.ordersCommission(),
                clawbackTotal, part.ordersCommission().subtract(clawbackTotal));
    }

    /**
     * The orders commission of an earlier month, recomputed as if {@code extraRefunds} (by order) had been booked
     * in it: what the clawback of later refunds is measured against.
     */
    public static BigDecimal ordersCommission(EarlierMonth month, Map<UUID, BigDecimal> extraRefunds) {
        return ordersOf(month, extraRefunds).ordersCommission();
    }

    private static OrdersPart ordersOf(EarlierMonth m, Map<UUID, BigDecimal> extraRefunds) {
        boolean hasTarget = m.target() != null && m.target().signum() > 0;
        return orders(bands(m.plan(), m.bonusPoints(), hasTarget ? m.target() : null), m.period(), m.entries(), extraRefunds);
    }

    /** The month's settled orders through the bands, each net of its refunds up to the month and {@code extraRefunds}. */
    private static OrdersPart orders(List<Band> bandShapes, KpiPeriod month, List<CommissionEntry> entries,
            Map<UUID, BigDecimal> extraRefunds) {
        Map<UUID, List<CommissionEntry>> settledByOrder = new LinkedHashMap<>();
        entries.stream().filter(e -> e.kind() == CommissionEntry.Kind.SETTLED && e.bookedPeriod().equals(month))
                .sorted(IN_ORDER)
                .forEach(e -> settledByOrder.computeIfAbsent(e.orderId(), k -> new ArrayList<>()).add(e));
        Map<UUID, BigDecimal> refundedInMonth = new HashMap<>();
        for (CommissionEntry e : entries) {
            if (e.kind() == CommissionEntry.Kind.REFUND && settledByOrder.containsKey(e.orderId())
                    && e.bookedPeriod().compareTo(month) <= 0) {
                refundedInMonth.merge(e.orderId(), e.amount(), BigDecimal::add);
            }
        }
        extraRefunds.forEach((order, amount) -> {
            if (settledByOrder.containsKey(order)) {
                refundedInMonth.merge(order, amount, BigDecimal::add);
            }
        });

        BigDecimal revenue = BigDecimal.ZERO.setScale(2);
        List<OrderLine> orders = new ArrayList<>();
        BigDecimal[] bandRevenue = zeros(bandShapes.size());
        BigDecimal[] bandCommission = zeros(bandShapes.size());
        for (Map.Entry<UUID, List<CommissionEntry>> order : settledByOrder.entrySet()) {
            List<CommissionEntry> settlements = order.getValue();
            BigDecimal settled = settlements.stream().map(CommissionEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal refunded = refundedInMonth.getOrDefault(order.getKey(), BigDecimal.ZERO);
            BigDecimal net = settled.subtract(refunded).max(BigDecimal.ZERO);
            BigDecimal before = revenue;
            BigDecimal after = before.add(net);
            List<Portion> portions = new ArrayList<>();
            BigDecimal commission = BigDecimal.ZERO.setScale(2);
            for (int i = 0; i < bandShapes.size(); i++) {
                Band band = bandShapes.get(i);
                BigDecimal lo = band.fromAmount().max(before);
                BigDecimal hi = band.toAmount() == null ? after : band.toAmount().min(after);
                BigDecimal part = hi.subtract(lo);
                if (part.signum() <= 0) {
                    continue;
                }
                BigDecimal earned = money(part.multiply(band.rate()));
                portions.add(new Portion(band.rate(), money(part), earned));
                commission = commission.add(earned);
                bandRevenue[i] = bandRevenue[i].add(part);
                bandCommission[i] = bandCommission[i].add(earned);
            }
            CommissionEntry first = settlements.get(0);
            orders.add(new OrderLine(order.getKey(), first.orderNumber(), first.occurredAt(), money(settled), money(refunded),
                    money(net), money(before), portions, commission));
            revenue = after;
        }
        BigDecimal ordersCommission = orders.stream().map(OrderLine::commission).reduce(money(BigDecimal.ZERO), BigDecimal::add);
        return new OrdersPart(revenue, orders, bandRevenue, bandCommission, ordersCommission);
    }

    /** The month's bands: amounts from the target, rates with the bonus. */
    static List<Band> bands(CommissionPlan plan, BigDecimal bonusPoints, BigDecimal target) {
        BigDecimal bonus = bonusPoints == null ? BigDecimal.ZERO : bonusPoints.divide(HUNDRED);
        List<Band> bands = new ArrayList<>();
        if (target == null) {
            BigDecimal rate = plan.withoutTarget() == CommissionPlan.WithoutTarget.NONE ? BigDecimal.ZERO
                    : plan.tiers().get(0).rate().add(bonus);
            bands.add(new Band(null, null, money(BigDecimal.ZERO), null, rate, null, null));
            return bands;
        }
        List<CommissionTier> tiers = plan.tiers();
        for (int i = 0; i < tiers.size(); i++) {
            CommissionTier tier = tiers.get(i);
            BigDecimal to = i + 1 < tiers.size() ? tiers.get(i + 1).fromAttainment() : null;
            bands.add(new Band(tier.fromAttainment(), to, amountAt(target, tier.fromAttainment()),
                    to == null ? null : amountAt(target, to), tier.rate().add(bonus), null, null));
        }
        return bands;
    }

    private static BigDecimal amountAt(BigDecimal target, BigDecimal attainmentPct) {
        return target.multiply(attainmentPct).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] values = new BigDecimal[n];
        java.util.Arrays.fill(values, BigDecimal.ZERO);
        return values;
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
