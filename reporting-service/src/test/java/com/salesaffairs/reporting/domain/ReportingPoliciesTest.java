package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.problem.Violation;

class ReportingPoliciesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void the_seeded_schedule_and_export_policies_are_valid() throws Exception {
        assertTrue(ReportingPolicies.checkSchedule(json(ReportScheduleTest.ADOPTED)).isEmpty());
        assertTrue(ReportingPolicies.checkExport(json(
                "{\"sensitiveFields\":[\"customerName\",\"netAmount\",\"costAmount\",\"ownerId\"],\"approverRole\":\"data-steward\",\"maxValidityHours\":72}"))
                .isEmpty());
    }

    @Test
    void a_schedule_with_a_bad_weekday_a_day_31_and_an_unknown_zone_names_all_three() throws Exception {
        assertEquals(List.of("weekly.dueDay", "monthly.dueBusinessDay", "calendar.timeZone"), fields(ReportingPolicies.checkSchedule(
                json(ReportScheduleTest.ADOPTED.replace("\"MON\",\"dueTime\"", "\"MONTAG\",\"dueTime\"")
                        .replace("\"dueBusinessDay\":3", "\"dueBusinessDay\":31").replace("Asia/Shanghai", "Mars/Olympus")))));
        assertEquals(List.of("weekly.dueTime"), fields(ReportingPolicies.checkSchedule(
                json(ReportScheduleTest.ADOPTED.replace("10:00", "25:00")))));
    }

    @Test
    void an_export_policy_cannot_let_a_rep_approve_or_grant_unbounded_links() throws Exception {
        assertEquals(List.of("sensitiveFields", "approverRole", "maxValidityHours"), fields(ReportingPolicies.checkExport(
                json("{\"sensitiveFields\":[\"ownerId\",\"ownerId\"],\"approverRole\":\"sales-rep\",\"maxValidityHours\":0}"))));
    }
}
