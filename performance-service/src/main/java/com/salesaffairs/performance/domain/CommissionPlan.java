package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.problem.Violation;

/**
 * One version of {@code performance.commission}: marginal bands by attainment of the rep's monthly
 * target, on settled revenue, refunds of earlier months clawed back in the month of the refund.
 *
 * <pre>{"tiers":[{"fromAttainment":0,"rate":0.02},{"fromAttainment":80,"rate":0.04},{"fromAttainment":100,"rate":0.06}],
 *  "basis":"SETTLED","clawback":"REFUND_PERIOD","withoutTarget":"FIRST_TIER"}</pre>
 */
public record CommissionPlan(int version, List<CommissionTier> tiers, WithoutTarget withoutTarget) {
    public static final String KEY = "performance.commission";

    /** What a month without a target (or a target of 0) earns. */
    public enum WithoutTarget {
        /** all revenue at the first band's rate: no accelerator without a target to exceed */
        FIRST_TIER,
        /** nothing: commission is paid only against an approved target */
        NONE
    }

    private static final Set<String> FIELDS = Set.of("tiers", "basis", "clawback", "withoutTarget");
    private static final Set<String> TIER_FIELDS = Set.of("fromAttainment", "rate");
    private static final BigDecimal MAX_ATTAINMENT = new BigDecimal("1000");

    public CommissionPlan {
        tiers = List.copyOf(tiers);
    }

    /** The plan of a version whose content passed {@link #check}. */
    public static CommissionPlan from(int version, JsonNode content) {
        List<CommissionTier> tiers = new ArrayList<>();
        for (JsonNode tier : content.path("tiers")) {
            tiers.add(new CommissionTier(tier.path("fromAttainment").decimalValue(), tier.path("rate").decimalValue()));
        }
        WithoutTarget without = "NONE".equals(content.path("withoutTarget").asText()) ? WithoutTarget.NONE
                : WithoutTarget.FIRST_TIER;
        return new CommissionPlan(version, tiers, without);
    }

    /** What keeps a draft from taking effect, each problem naming its field. */
    public static List<Violation> check(JsonNode content) {
        List<Violation> problems = new ArrayList<>();
        if (content == null || !content.isObject()) {
            problems.add(new Violation("content", "must be a JSON object"));
            return problems;
        }
        unknown(content, FIELDS, "", problems);
        JsonNode tiers = content.path("tiers");
        if (!tiers.isArray() || tiers.isEmpty()) {
            problems.add(new Violation("tiers", "must be a non-empty list of {fromAttainment, rate}"));
        } else {
            BigDecimal previousFrom = null;
            BigDecimal previousRate = null;
            for (int i = 0; i < tiers.size(); i++) {
                JsonNode tier = tiers.get(i);
                String at = "tiers[" + i + "]";
                if (!tier.isObject()) {
                    problems.add(new Violation(at, "must be an object {fromAttainment, rate}"));
                    continue;
                }
                unknown(tier, TIER_FIELDS, at + ".", problems);
                JsonNode from = tier.path("fromAttainment");
                JsonNode rate = tier.path("rate");
                if (!from.isNumber() || from.decimalValue().signum() < 0 || from.decimalValue().compareTo(MAX_ATTAINMENT) > 0) {
                    problems.add(new Violation(at + ".fromAttainment", "must be a percentage of target from 0 to 1000"));
                } else {
                    if (i == 0 && from.decimalValue().signum() != 0) {
                        problems.add(new Violation(at + ".fromAttainment", "the first band must start at 0 so all revenue earns a rate"));
                    } else if (previousFrom != null && from.decimalValue().compareTo(previousFrom) <= 0) {
                        problems.add(new Violation(at + ".fromAttainment", "must be above the previous band's start"));
                    }
                    previousFrom = from.decimalValue();
                }
                if (!rate.isNumber() || rate.decimalValue().signum() < 0 || rate.decimalValue().compareTo(new BigDecimal("0.5")) > 0
                        || rate.decimalValue().stripTrailingZeros().scale() > 4) {
                    problems.add(new Violation(at + ".rate", "must be a fraction from 0 to 0.5 with at most 4 decimals (0.04 = 4%)"));
                } else if (previousRate != null && rate.decimalValue().compareTo(previousRate) < 0) {
                    problems.add(new Violation(at + ".rate", "must not be below the previous band's rate (higher attainment never earns less)"));
                } else {
                    previousRate = rate.decimalValue();
                }
            }
        }
        if (!"SETTLED".equals(content.path("basis").asText(null))) {
            problems.add(new Violation("basis", "must be SETTLED: commission is paid on collected revenue only"));
        }
        if (!"REFUND_PERIOD".equals(content.path("clawback").asText(null))) {
            problems.add(new Violation("clawback", "must be REFUND_PERIOD: a refund is clawed back in the month it is refunded"));
        }
        JsonNode without = content.path("withoutTarget");
        if (!without.isMissingNode() && !Set.of("FIRST_TIER", "NONE").contains(without.asText())) {
            problems.add(new Violation("withoutTarget", "must be FIRST_TIER or NONE"));
        }
        return problems;
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix, List<Violation> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new Violation(prefix + name, "is not a field of " + KEY));
            }
        }
    }
}
