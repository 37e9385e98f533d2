package com.salesaffairs.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.problem.Violation;

class RewardPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String V2 = "{\"grades\":{\"A\":{\"salaryAdjustmentPct\":5,\"commissionRatePoints\":0.5,\"training\":\"NONE\",\"improvementPlan\":false},"
            + "\"B\":{\"salaryAdjustmentPct\":3,\"commissionRatePoints\":0,\"training\":\"NONE\",\"improvementPlan\":false},"
            + "\"C\":{\"salaryAdjustmentPct\":0,\"commissionRatePoints\":0,\"training\":\"WEAKEST_KPI\",\"improvementPlan\":false},"
            + "\"D\":{\"salaryAdjustmentPct\":0,\"commissionRatePoints\":0,\"training\":\"WEAKEST_KPI\",\"improvementPlan\":true}}}";
    private static final RewardPolicy POLICY = RewardPolicy.from(2, tree(V2));
    private static final Map<String, BigDecimal> SCORES = Map.of("revenueAttainment", new BigDecimal("95"),
            "customerSatisfaction", new BigDecimal("40"), "winRate", new BigDecimal("70"));

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void each_grade_gets_the_adopted_reward() {
        RewardPolicy.Recommendation a = POLICY.recommend("A", SCORES);
        assertEquals(new BigDecimal("5.00"), a.salaryAdjustmentPct());
        assertEquals(new BigDecimal("0.50"), a.commissionRatePoints());
        assertEquals(List.of(), a.training());
        RewardPolicy.Recommendation b = POLICY.recommend("B", SCORES);
        assertEquals(new BigDecimal("3.00"), b.salaryAdjustmentPct());
        assertEquals(new BigDecimal("0.00"), b.commissionRatePoints());
        RewardPolicy.Recommendation c = POLICY.recommend("C", SCORES);
        assertEquals(List.of("customerSatisfaction"), c.training());
        assertFalse(c.improvementPlan());
        RewardPolicy.Recommendation d = POLICY.recommend("D", SCORES);
        assertEquals(List.of("customerSatisfaction"), d.training());
        assertTrue(d.improvementPlan());
        assertEquals(new BigDecimal("0.00"), POLICY.recommend("E", SCORES).salaryAdjustmentPct());
    }

    @Test
    void kpi_scores_are_read_from_a_list_or_an_object_and_unscored_kpis_are_left_out() {
        assertEquals(Map.of("winRate", new BigDecimal("20"), "growth", new BigDecimal("55.5")), RewardPolicy.kpiScores(tree(
                "[{\"kpi\":\"winRate\",\"score\":20},{\"kpi\":\"growth\",\"score\":55.5},{\"kpi\":\"satisfaction\",\"score\":null}]")));
        assertEquals(Map.of("winRate", new BigDecimal("20")), RewardPolicy.kpiScores(tree(
                "{\"winRate\":{\"score\":20},\"satisfaction\":{\"score\":null,\"reason\":\"no surveys\"}}")));
        assertEquals(List.of(), POLICY.recommend("C", Map.of()).training());
    }

    @Test
    void the_adopted_policy_passes_and_broken_drafts_name_their_field() {
        assertEquals(List.of(), RewardPolicy.check(tree(V2)));
        List<String> fields = RewardPolicy.check(tree("{\"grades\":{\"A\":{\"salaryAdjustmentPct\":-1,\"commissionRatePoints\":9,"
                + "\"training\":\"ALL\",\"improvementPlan\":\"no\",\"bonus\":1}},\"x\":1}")).stream().map(Violation::field).toList();
        assertTrue(fields.containsAll(List.of("x", "grades.A.salaryAdjustmentPct", "grades.A.commissionRatePoints",
                "grades.A.training", "grades.A.improvementPlan", "grades.A.bonus")), fields.toString());
        assertEquals(List.of("grades"), RewardPolicy.check(tree("{\"grades\":{}}")).stream().map(Violation::field).toList());
    }
}
