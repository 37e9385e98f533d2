package com.salesaffairs.opportunity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.problem.Violation;

/** opportunity.assignment drafts are checked before anyone approves them; the window is whole calendar quarters. */
class AssignmentPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V2 = "{\"weights\":{\"performance\":0.4,\"winRate\":0.3,\"freeCapacity\":0.2,\"match\":0.1},"
            + "\"capacity\":25,\"winRateWindowQuarters\":2,\"autoAssignTeams\":[]}";

    private static List<String> fields(String content) throws Exception {
        return AssignmentPolicy.check(JSON.readTree(content)).stream().map(Violation::field).toList();
    }

    @Test
    void the_seeded_version_two_is_valid_and_reads_back() throws Exception {
        JsonNode content = JSON.readTree(V2);
        assertEquals(List.of(), AssignmentPolicy.check(content));
        AssignmentPolicy p = AssignmentPolicy.from(2, content);
        assertEquals(0.4, p.weights().performance());
        assertEquals(25, p.capacity());
        assertTrue(p.autoAssignTeams().isEmpty());
    }

    @Test
    void weights_that_do_not_add_up_to_one_or_leave_out_a_component_are_named() throws Exception {
        assertEquals(List.of("weights"), fields(V2.replace("\"match\":0.1", "\"match\":0.2")));
        assertEquals(List.of("weights.match"), fields(V2.replace(",\"match\":0.1", "")));
        assertEquals(List.of("weights.winRate"), fields(V2.replace("\"winRate\":0.3", "\"winRate\":-0.3")));
        assertEquals(List.of("weights.load"), fields(V2.replace("\"match\":0.1", "\"match\":0.1,\"load\":0")));
    }

    @Test
    void capacity_window_teams_and_unknown_fields_are_checked() throws Exception {
        assertEquals(List.of("capacity"), fields(V2.replace("\"capacity\":25", "\"capacity\":0")));
        assertEquals(List.of("capacity"), fields(V2.replace("\"capacity\":25", "\"capacity\":2.5")));
        assertEquals(List.of("winRateWindowQuarters"), fields(V2.replace("\"winRateWindowQuarters\":2", "\"winRateWindowQuarters\":9")));
        assertEquals(List.of("autoAssignTeams[0]"), fields(V2.replace("[]", "[\" \"]")));
        assertEquals(List.of("autoAssign"), fields(V2.replace("\"autoAssignTeams\":[]", "\"autoAssignTeams\":[],\"autoAssign\":true")));
    }

    @Test
    void the_window_is_the_current_calendar_quarter_and_the_ones_before_it() throws Exception {
        AssignmentPolicy p = AssignmentPolicy.from(2, JSON.readTree(V2));
        assertEquals(YearMonth.of(2026, 7), p.windowStart(Instant.parse("2026-12-01T23:00:00Z")));
        assertEquals(YearMonth.of(2026, 7), p.windowStart(Instant.parse("2026-10-01T00:00:00Z")));
        assertEquals(YearMonth.of(2025, 10), p.windowStart(Instant.parse("2026-03-31T23:59:59Z")));
    }
}
