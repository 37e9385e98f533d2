package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.salesaffairs.performance.domain.CommissionStatement.Band;
import com.salesaffairs.performance.domain.CommissionStatement.Clawback;
import com.salesaffairs.performance.domain.CommissionStatement.EarlierOrder;
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
 * <li>A refund booked in the month of an order paid on an earlier month's statement claws back
 * {@code round(C x min(R + a, N) / N) - round(C x min(R, N) / N)}, where N and C are the order's net amount
 * and commission there, R the refunds of it already clawed back and a this refund: a part refund claws back
 * its share, all refunds together claw back exactly C, never more.</li>
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
     * @param bonusPoints commission-rate points added to every band (0.5 = +0.5 percentage points)
     * @param target the rep's target for the month, null when none
     * @param entries the entries booked in {@code month}, plus refunds booked earlier of orders settled in it
     * @param earlier for refunds of orders settled in an earlier month: what the order earned there
     */
    public static Figures compute(CommissionPlan plan, BigDecimal bonusPoints, BigDecimal target, KpiPeriod month,
            List<CommissionEntry> entries, Map<UUID, EarlierOrder> earlier) {
        boolean hasTarget = target != null && target.signum() > 0;
        List<Band> bandShapes = bands(plan, bonusPoints, hasTarget ? target : null);

        Comparator<CommissionEntry> inOrder = Comparator.comparing(CommissionEntry::occurredAt)
                .thenComparing(CommissionEntry::eventId);
        Map<UUID, List<CommissionEntry>> settledByOrder = new LinkedHashMap<>();
        entries.stream().filter(e -> e.kind() == CommissionEntry.Kind.SETTLED && e.bookedPeriod().equals(month))
                .sorted(inOrder)
                .forEach(e -> settledByOrder.computeIfAbsent(e.orderId(), k -> new ArrayList<>()).add(e));
        Map<UUID, BigDecimal> refundedInMonth = new HashMap<>();
        List<CommissionEntry> laterRefunds = new ArrayList<>();
        for (CommissionEntry e : entries.stream().filter(e -> e.kind() == CommissionEntry.Kind.REFUND).sorted(inOrder).toList()) {
            if (settledByOrder.containsKey(e.orderId()) && e.bookedPeriod().compareTo(month) <= 0) {
                refundedInMonth.merge(e.orderId(), e.amount(), BigDecimal::add);
            } else if (e.bookedPeriod().equals(month)) {
                laterRefunds.add(e);
            }
        }

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

        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < bandShapes.size(); i++) {
            Band b = bandShapes.get(i);
            bands.add(new Band(b.fromAttainment(), b.toAttainment(), b.fromAmount(), b.toAmount(), b.rate(),
                    money(bandRevenue[i]), money(bandCommission[i])));
        }

        List<Clawback> clawbacks = new ArrayList<>();
        Map<UUID, BigDecimal> clawedSoFar = new HashMap<>();
        for (CommissionEntry refund : laterRefunds) {
            EarlierOrder paid = earlier.get(refund.orderId());
            if (paid == null || paid.period().compareTo(month) >= 0) {
                clawbacks.add(new Clawback(refund.refundId(), refund.orderId(), refund.orderNumber(), refund.occurredAt(),
                        money(refund.amount()), null, null, null, null, money(BigDecimal.ZERO)));
                continue;
            }
            BigDecimal refundedBefore = clawedSoFar.getOrDefault(refund.orderId(), paid.refundedBefore());
            BigDecimal clawback = clawback(paid.netAmount(), paid.commission(), refundedBefore, refund.amount());
            clawedSoFar.put(refund.orderId(), refundedBefore.add(refund.amount()));
            clawbacks.add(new Clawback(refund.refundId(), refund.orderId(), refund.orderNumber(), refund.occurredAt(),
                    money(refund.amount()), paid.period().toString(), money(paid.netAmount()), money(paid.commission()),
                    money(refundedBefore), clawback));
        }

        BigDecimal ordersCommission = orders.stream().map(OrderLine::commission).reduce(money(BigDecimal.ZERO), BigDecimal::add);
        BigDecimal clawbackTotal = clawbacks.stream().map(Clawback::clawback).reduce(money(BigDecimal.ZERO), BigDecimal::add);
        BigDecimal attainment = hasTarget ? revenue.multiply(HUNDRED).divide(target, 2, RoundingMode.HALF_UP) : null;
        return new Figures(target == null ? null : money(target), money(revenue), attainment,
                hasTarget ? null : plan.withoutTarget().name(), bands, orders, clawbacks, ordersCommission, clawbackTotal,
                ordersCommission.subtract(clawbackTotal));
    }

    /**
     * What a refund of {@code amount} claws back from an order that earned {@code commission} on
     * {@code net}, when {@code refundedBefore} of it was already clawed back: the cumulative share,
     * so all refunds together come to exactly the commission.
     */
    public static BigDecimal clawback(BigDecimal net, BigDecimal commission, BigDecimal refundedBefore, BigDecimal amount) {
        if (net == null || net.signum() <= 0 || commission.signum() == 0) {
            return money(BigDecimal.ZERO);
        }
        BigDecimal before = refundedBefore.min(net);
        BigDecimal after = refundedBefore.add(amount).min(net);
        return share(commission, after, net).subtract(share(commission, before, net));
    }

    private static BigDecimal share(BigDecimal commission, BigDecimal part, BigDecimal whole) {
        return commission.multiply(part).divide(whole, 2, RoundingMode.HALF_UP);
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
