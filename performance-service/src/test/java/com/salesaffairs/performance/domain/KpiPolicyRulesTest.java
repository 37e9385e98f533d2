package com.salesaffairs.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.problem.Violation;

class KpiPolicyRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** performance.kpi version 2 as seeded by V6 (the adopted weights of issue 14). */
    static final String SEEDED = "{\"weights\":{\"revenueAttainment\":0.40,\"growthRate\":0.15,\"customerSatisfaction\":0.20,"
            + "\"reportTimeliness\":0.10,\"winRate\":0.15},\"gradeBands\":[{\"grade\":\"A\",\"min\":90},"
            + "{\"grade\":\"B\",\"min\":75},{\"grade\":\"C\",\"min\":60},{\"grade\":\"D\",\"min\":0}]}";

    private static List<String> fields(String content) throws Exception {
        JsonNode node = JSON.readTree(content);
        return KpiPolicyRules.check(node).stream().map(Violation::field).toList();
    }

    @Test
    void the_seeded_version_is_valid() throws Exception {
        assertEquals(List.of(), fields(SEEDED));
    }

    @Test
    void weights_that_do_not_add_up_to_one_are_refused() throws Exception {
        assertEquals(List.of("weights"), fields(SEEDED.replace("\"winRate\":0.15", "\"winRate\":0.25")));
        assertEquals(List.of("weights"), fields(SEEDED.replace("\"winRate\":0.15", "\"winRate\":0.14")));
        // 0.1 + 0.2 is not 0.30000000000000004 here: the decimal as written is summed
        assertEquals(List.of(), fields(SEEDED.replace("\"revenueAttainment\":0.40,\"growthRate\":0.15",
                "\"revenueAttainment\":0.45,\"growthRate\":0.1")));
    }

    @Test
    void unknown_kpis_and_out_of_range_weights_are_named() throws Exception {
        assertEquals(List.of("weights.charm"), fields(SEEDED.replace("\"winRate\":0.15", "\"winRate\":0.15,\"charm\":0")));
        assertTrue(fields(SEEDED.replace("\"winRate\":0.15", "\"winRate\":\"high\"")).contains("weights.winRate"));
        assertTrue(fields(SEEDED.replace("\"winRate\":0.15", "\"winRate\":-0.1")).contains("weights.winRate"));
        assertEquals(List.of("weights"), fields("{\"weights\":{},\"gradeBands\":[{\"grade\":\"A\",\"min\":0}]}"));
    }

    @Test
    void version_one_names_a_kpi_the_scorecard_no_longer_computes_and_extra_fields_are_named() throws Exception {
        assertEquals(List.of("weights.salesAmount", "weights"),
                fields(SEEDED.replace("revenueAttainment", "salesAmount")));
        assertEquals(List.of("bonus"), fields(SEEDED.replace("{\"weights\"", "{\"bonus\":1,\"weights\"")));
        assertEquals(List.of("content"), fields("[1]"));
    }

    @Test
    void grade_bands_must_descend_and_end_at_zero() throws Exception {
        assertEquals(List.of("gradeBands[2].min"), fields(SEEDED.replace("\"min\":60", "\"min\":80")));
        assertEquals(List.of("gradeBands[1].min"), fields(SEEDED.replace("\"min\":75", "\"min\":90")));
        assertEquals(List.of("gradeBands[3].min"), fields(SEEDED.replace("\"min\":0", "\"min\":10")));
        assertEquals(List.of("gradeBands[1].grade"), fields(SEEDED.replace("\"grade\":\"B\"", "\"grade\":\"A\"")));
        assertEquals(List.of("gradeBands"), fields(SEEDED.replaceAll("\\[\\{\"grade.*\\]", "[]")));
    }
}
