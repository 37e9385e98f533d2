package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.problem.Violation;

/**
 * What a {@code performance.kpi} policy must say before it can take effect: weights for the KPIs
 * this service computes that add up to exactly 1.00, and grade bands from the best grade down
 * whose lowest band starts at 0, so every score has exactly one grade.
 */
public final class KpiPolicyRules {
    public static final String KEY = "performance.kpi";
    /**
     * The KPIs the scorecard computes ({@link KpiScoring}); a weight for anything else would dilute the
     * score silently. Version 1 named revenue {@code salesAmount}; from version 2 the weight is on the
     * revenue target's attainment, {@code revenueAttainment}.
     */
    public static final Set<String> KPIS = Set.copyOf(KpiScoring.KPIS);
    private static final Set<String> FIELDS = Set.of("weights", "gradeBands");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private KpiPolicyRules() {
    }

    /** The problems with the content, with fields relative to the content; empty when it is valid. */
    public static List<Violation> check(JsonNode content) {
        List<Violation> violations = new ArrayList<>();
        if (content == null || !content.isObject()) {
            violations.add(new Violation("content", "must be a JSON object with weights and gradeBands"));
            return violations;
        }
        content.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                violations.add(new Violation(name, "is not a field of " + KEY + "; known: gradeBands, weights"));
            }
        });
        checkWeights(content.path("weights"), violations);
        checkGradeBands(content.path("gradeBands"), violations);
        return violations;
    }

    private static void checkWeights(JsonNode weights, List<Violation> violations) {
        if (!weights.isObject() || weights.isEmpty()) {
            violations.add(new Violation("weights", "must be an object of KPI weights, e.g. {\"revenueAttainment\": 0.4}"));
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean summable = true;
        for (Map.Entry<String, JsonNode> weight : weights.properties()) {
            String field = "weights." + weight.getKey();
            if (!KPIS.contains(weight.getKey())) {
                violations.add(new Violation(field, "is not a KPI this service computes; known: " + String.join(", ",
                        KPIS.stream().sorted().toList())));
                continue;
            }
            BigDecimal value = decimal(weight.getValue());
            if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
                violations.add(new Violation(field, "must be a number between 0 and 1"));
                summable = false;
                continue;
            }
            sum = sum.add(value);
        }
        if (summable && sum.compareTo(BigDecimal.ONE) != 0) {
            violations.add(new Violation("weights", "must add up to 1.00, they add up to "
                    + sum.setScale(Math.max(2, sum.scale())).toPlainString()));
        }
    }

    private static void checkGradeBands(JsonNode bands, List<Violation> violations) {
        if (!bands.isArray() || bands.isEmpty()) {
            violations.add(new Violation("gradeBands", "must be a non-empty list of {grade, min}, best grade first"));
            return;
        }
        Set<String> grades = new HashSet<>();
        BigDecimal previous = null;
        for (int i = 0; i < bands.size(); i++) {
            JsonNode band = bands.get(i);
            String field = "gradeBands[" + i + "]";
            String grade = band.path("grade").isTextual() ? band.path("grade").asText().trim() : "";
            if (grade.isEmpty()) {
                violations.add(new Violation(field + ".grade", "is required"));
            } else if (!grades.add(grade)) {
                violations.add(new Violation(field + ".grade", "repeats grade " + grade));
            }
            BigDecimal min = decimal(band.path("min"));
            if (min == null || min.signum() < 0 || min.compareTo(HUNDRED) > 0) {
                violations.add(new Violation(field + ".min", "must be a score between 0 and 100"));
                previous = null;
                continue;
            }
            if (previous != null && min.compareTo(previous) >= 0) {
                violations.add(new Violation(field + ".min", "must be below the previous band's min "
                        + previous.toPlainString() + ": bands run from the best grade down"));
            }
            previous = min;
            if (i == bands.size() - 1 && min.signum() != 0) {
                violations.add(new Violation(field + ".min", "the last band must start at 0 so every score gets a grade"));
            }
        }
    }

    /** The number as written: 0.1 stays 0.1, not the binary double nearest to it. */
    private static BigDecimal decimal(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        if (node.isFloat() || node.isDouble()) {
            double d = node.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return node.decimalValue();
    }
}
