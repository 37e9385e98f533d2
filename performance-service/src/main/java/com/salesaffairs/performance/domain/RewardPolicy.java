package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.problem.Violation;

/**
 * One version of {@code performance.rewards}: per appraisal grade, the salary adjustment (percent), the
 * commission-rate increase for the next month (percentage points), training and an improvement plan.
 *
 * <pre>{"grades":{"A":{"salaryAdjustmentPct":5,"commissionRatePoints":0.5,"training":"NONE","improvementPlan":false}, ...}}</pre>
 */
public record RewardPolicy(int version, Map<String, GradeReward> grades) {
    public static final String KEY = "performance.rewards";

    /** Which training a grade recommends. */
    public enum Training {
        NONE,
        /** the KPI with the lowest score on the rep's frozen scorecard */
        WEAKEST_KPI
    }

    public record GradeReward(BigDecimal salaryAdjustmentPct, BigDecimal commissionRatePoints, Training training,
            boolean improvementPlan) {
    }

    /** What the policy recommends for one rep. */
    public record Recommendation(BigDecimal salaryAdjustmentPct, BigDecimal commissionRatePoints, List<String> training,
            boolean improvementPlan) {
        public Recommendation {
            training = List.copyOf(training);
        }
    }

    private static final Set<String> FIELDS = Set.of("grades");
    private static final Set<String> GRADE_FIELDS = Set.of("salaryAdjustmentPct", "commissionRatePoints", "training",
            "improvementPlan");
    private static final BigDecimal MAX_SALARY_PCT = new BigDecimal("30");
    private static final BigDecimal MAX_RATE_POINTS = new BigDecimal("5");

    public RewardPolicy {
        grades = Map.copyOf(grades);
    }

    public static RewardPolicy from(int version, JsonNode content) {
        Map<String, GradeReward> grades = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = content.path("grades").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> grade = it.next();
            JsonNode g = grade.getValue();
            grades.put(grade.getKey(), new GradeReward(g.path("salaryAdjustmentPct").decimalValue(),
                    g.path("commissionRatePoints").decimalValue(), Training.valueOf(g.path("training").asText("NONE")),
                    g.path("improvementPlan").asBoolean(false)));
        }
        return new RewardPolicy(version, grades);
    }

    /**
     * The recommendation for a grade; {@code kpiScores} are the scored KPIs of the frozen scorecard (a KPI
     * that was not scored is absent). A grade the policy does not name gets nothing.
     */
    public Recommendation recommend(String grade, Map<String, BigDecimal> kpiScores) {
        GradeReward reward = grades.get(grade);
        if (reward == null) {
            return new Recommendation(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), List.of(), false);
        }
        List<String> training = reward.training() == Training.WEAKEST_KPI ? weakest(kpiScores) : List.of();
        return new Recommendation(reward.salaryAdjustmentPct().setScale(2), reward.commissionRatePoints().setScale(2),
                training, reward.improvementPlan());
    }

    /** The KPI with the lowest score (ties: the first by name), none when nothing was scored. */
    static List<String> weakest(Map<String, BigDecimal> kpiScores) {
        return kpiScores.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .limit(1).map(Map.Entry::getKey).toList();
    }

    /**
     * The scored KPIs of a frozen scorecard ({@code appraisal_result.kpis}): a list of objects naming the KPI
     * ({@code kpi}, {@code key}, {@code name} or {@code id}) with a numeric {@code score}, or an object of KPI
     * name to such an object (or to the score). KPIs without a numeric score were not scored and are left out.
     */
    public static Map<String, BigDecimal> kpiScores(JsonNode kpis) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        if (kpis == null) {
            return scores;
        }
        if (kpis.isObject() && kpis.has("kpis") && !kpis.path("kpis").isNumber()) {
            return kpiScores(kpis.get("kpis"));
        }
        if (kpis.isArray()) {
            for (JsonNode kpi : kpis) {
                String name = firstText(kpi, "kpi", "key", "name", "id");
                JsonNode score = kpi.path("score");
                if (name != null && score.isNumber()) {
                    scores.put(name, score.decimalValue());
                }
            }
        } else if (kpis.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = kpis.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> kpi = it.next();
                JsonNode score = kpi.getValue().isNumber() ? kpi.getValue() : kpi.getValue().path("score");
                if (score.isNumber()) {
                    scores.put(kpi.getKey(), score.decimalValue());
                }
            }
        }
        return scores;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.path(field).isTextual()) {
                return node.path(field).asText();
            }
        }
        return null;
    }

    /** What keeps a draft from taking effect, each problem naming its field. */
    public static List<Violation> check(JsonNode content) {
        List<Violation> problems = new ArrayList<>();
        if (content == null || !content.isObject()) {
            problems.add(new Violation("content", "must be a JSON object"));
            return problems;
        }
        unknown(content, FIELDS, "", problems);
        JsonNode grades = content.path("grades");
        if (!grades.isObject() || grades.isEmpty()) {
            problems.add(new Violation("grades", "must be an object of grade to reward, e.g. {\"A\": {...}}"));
            return problems;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = grades.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> grade = it.next();
            String at = "grades." + grade.getKey();
            if (!grade.getKey().matches("[A-Z][A-Z+-]?")) {
                problems.add(new Violation(at, "a grade is one or two characters, as in the grade bands of performance.kpi"));
            }
            JsonNode g = grade.getValue();
            if (!g.isObject()) {
                problems.add(new Violation(at, "must be an object {salaryAdjustmentPct, commissionRatePoints, training, improvementPlan}"));
                continue;
            }
            unknown(g, GRADE_FIELDS, at + ".", problems);
            amount(g.path("salaryAdjustmentPct"), at + ".salaryAdjustmentPct", MAX_SALARY_PCT, problems);
            amount(g.path("commissionRatePoints"), at + ".commissionRatePoints", MAX_RATE_POINTS, problems);
            if (!g.path("training").isTextual() || !Set.of("NONE", "WEAKEST_KPI").contains(g.path("training").asText())) {
                problems.add(new Violation(at + ".training", "must be NONE or WEAKEST_KPI"));
            }
            if (!g.path("improvementPlan").isBoolean()) {
                problems.add(new Violation(at + ".improvementPlan", "must be true or false"));
            }
        }
        return problems;
    }

    private static void amount(JsonNode value, String field, BigDecimal max, List<Violation> problems) {
        if (!value.isNumber() || value.decimalValue().signum() < 0 || value.decimalValue().compareTo(max) > 0
                || value.decimalValue().stripTrailingZeros().scale() > 2) {
            problems.add(new Violation(field, "must be a number from 0 to " + max.toPlainString() + " with at most 2 decimals"));
        }
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
