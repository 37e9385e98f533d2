package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.salesaffairs.platform.problem.ApiProblem;

/**
 * A target's monthly split: the amount of each month of its period, adding up to the target to the
 * cent. Without a split given, the amount is spread evenly and the cents that do not divide go to
 * the last month (100.00 over a quarter: 33.33, 33.33, 33.34).
 */
public final class TargetSplit {
    public static final String COVERS_PERIOD = "target.split-covers-period";
    public static final String ADDS_UP = "target.split-adds-up";

    private TargetSplit() {
    }

    public static Map<KpiPeriod, BigDecimal> even(BigDecimal amount, TargetPeriod period) {
        List<KpiPeriod> months = period.months();
        BigDecimal share = amount.divide(BigDecimal.valueOf(months.size()), 2, RoundingMode.DOWN);
        Map<KpiPeriod, BigDecimal> split = new LinkedHashMap<>();
        BigDecimal given = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < months.size() - 1; i++) {
            split.put(months.get(i), share);
            given = given.add(share);
        }
        split.put(months.get(months.size() - 1), amount.subtract(given).setScale(2, RoundingMode.UNNECESSARY));
        return split;
    }

    /**
     * The split as given, checked: each key a month (400 naming it), each amount a non-negative sum of
     * cents (400), exactly the period's months (422 {@value #COVERS_PERIOD}) adding up to the amount
     * (422 {@value #ADDS_UP}). {@code field} is the request field the split came in.
     */
    public static Map<KpiPeriod, BigDecimal> checked(String field, BigDecimal amount, TargetPeriod period,
            Map<String, BigDecimal> given) {
        Map<KpiPeriod, BigDecimal> split = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> month : given.entrySet()) {
            KpiPeriod m;
            try {
                m = KpiPeriod.parse(month.getKey());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid(field + "." + month.getKey(), "must be a month as YYYY-MM");
            }
            BigDecimal value = month.getValue();
            if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 2) {
                throw ApiProblem.invalid(field + "." + month.getKey(), "must be an amount of 0 or more, to the cent");
            }
            split.put(m, value.setScale(2));
        }
        Set<KpiPeriod> expected = new TreeSet<>(period.months());
        if (!expected.equals(new TreeSet<>(split.keySet()))) {
            throw ApiProblem.ruleViolated(COVERS_PERIOD, field, field + " must name exactly the months of " + period
                    + ": " + expected.stream().map(KpiPeriod::toString).collect(Collectors.joining(", ")));
        }
        BigDecimal sum = split.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(amount) != 0) {
            throw ApiProblem.ruleViolated(ADDS_UP, field, field + " adds up to " + sum.setScale(2).toPlainString()
                    + ", not the amount " + amount.setScale(2).toPlainString());
        }
        Map<KpiPeriod, BigDecimal> ordered = new LinkedHashMap<>();
        period.months().forEach(m -> ordered.put(m, split.get(m)));
        return ordered;
    }
}
