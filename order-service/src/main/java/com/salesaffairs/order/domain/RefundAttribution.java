package com.salesaffairs.order.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.salesaffairs.platform.problem.ApiProblem;

/**
 * Which lines of a settled order a refund gives money back on, so that KPIs and reports take it off
 * the right product categories (sales.order.refunded.v1 {@code lines}). Named by the caller, or
 * else pro rata to what is left to refund on each line; either way the parts add up to the refund
 * exactly and no line gives back more than it was sold for.
 */
public final class RefundAttribution {
    private RefundAttribution() {
    }

    /** Money given back on one line as the caller names it, and the units returned when known. */
    public record NamedLine(int lineNo, BigDecimal amount, Integer quantity) {
    }

    /** What each line sold may still give back: its net amount less the earlier refunds' parts on it, by line number. */
    public static Map<Integer, BigDecimal> refundable(Order order, List<List<Ledger.RefundLine>> earlier) {
        Map<Integer, BigDecimal> left = new LinkedHashMap<>();
        for (OrderLine l : order.lines()) {
            if (l.soldNetAmount().signum() > 0) {
                left.put(l.lineNo(), l.soldNetAmount());
            }
        }
        for (List<Ledger.RefundLine> refund : earlier) {
            for (Ledger.RefundLine part : refund) {
                left.computeIfPresent(part.lineNo(), (n, amount) -> amount.subtract(part.netAmount()));
            }
        }
        return left;
    }

    /** The units the earlier refunds named as returned, by line number. */
    public static Map<Integer, Integer> returned(List<List<Ledger.RefundLine>> earlier) {
        Map<Integer, Integer> units = new HashMap<>();
        earlier.forEach(refund -> refund.stream().filter(p -> p.quantity() != null)
                .forEach(p -> units.merge(p.lineNo(), p.quantity(), Integer::sum)));
        return units;
    }

    /**
     * A refund of {@code amount} spread over the lines pro rata to what is left to refund on each,
     * each part rounded HALF_UP to the cent and the remainder on the last line ({@link Money#proRata}).
     */
    public static List<Ledger.RefundLine> proRata(Order order, BigDecimal amount, Map<Integer, BigDecimal> refundable) {
        List<Integer> lineNos = new ArrayList<>();
        List<BigDecimal> weights = new ArrayList<>();
        refundable.forEach((n, left) -> {
            if (left.signum() > 0) {
                lineNos.add(n);
                weights.add(left);
            }
        });
        if (lineNos.isEmpty()) {
            throw OrderRules.violated("refund.paid-amount", "nothing is left to refund on order " + order.orderNumber());
        }
        List<BigDecimal> parts = Money.proRata(amount, weights);
        List<Ledger.RefundLine> lines = new ArrayList<>();
        for (int i = 0; i < lineNos.size(); i++) {
            if (parts.get(i).signum() > 0) {
                OrderLine l = order.line(lineNos.get(i));
                lines.add(new Ledger.RefundLine(l.lineNo(), l.sku(), l.category(), null, parts.get(i)));
            }
        }
        return lines;
    }

    /**
     * The lines as the caller names them: each at most what is left to refund on it (422
     * refund.line-amount) and at most the units sold and not yet returned (422 refund.line-quantity);
     * together exactly the refund's amount (400 naming {@code lines}).
     */
    public static List<Ledger.RefundLine> named(Order order, BigDecimal amount, List<NamedLine> named,
            Map<Integer, BigDecimal> refundable, Map<Integer, Integer> returned) {
        List<Ledger.RefundLine> lines = new ArrayList<>();
        BigDecimal sum = Money.ZERO;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < named.size(); i++) {
            NamedLine in = named.get(i);
            String field = "lines[" + i + "]";
            if (!seen.add(in.lineNo())) {
                throw ApiProblem.invalid(field + ".lineNo", "line " + in.lineNo() + " is listed twice");
            }
            if (!Money.hasAtMostTwoDecimals(in.amount())) {
                throw ApiProblem.invalid(field + ".amount", "must have at most two decimals");
            }
            OrderLine l = order.line(in.lineNo());
            BigDecimal left = refundable.getOrDefault(in.lineNo(), Money.ZERO);
            BigDecimal part = Money.cents(in.amount());
            if (part.compareTo(left) > 0) {
                throw OrderRules.violatedAt("refund.line-amount", field + ".amount", "line " + l.lineNo() + " has "
                        + left + " left to refund, not " + part);
            }
            if (in.quantity() != null) {
                int unitsLeft = l.soldQuantity() - returned.getOrDefault(l.lineNo(), 0);
                if (in.quantity() > unitsLeft) {
                    throw OrderRules.violatedAt("refund.line-quantity", field + ".quantity", "line " + l.lineNo()
                            + " has " + unitsLeft + " units sold and not yet returned, not " + in.quantity());
                }
            }
            lines.add(new Ledger.RefundLine(l.lineNo(), l.sku(), l.category(), in.quantity(), part));
            sum = sum.add(part);
        }
        if (sum.compareTo(Money.cents(amount)) != 0) {
            throw ApiProblem.invalid("lines", "the lines add up to " + sum + ", not the refund's amount "
                    + Money.cents(amount));
        }
        return lines;
    }
}
