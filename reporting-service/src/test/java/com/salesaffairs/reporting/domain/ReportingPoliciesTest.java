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
        assertTrue(ReportingPolicies.checkExport(json(ADOPTED_EXPORT)).isEmpty());
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
    void an_export_policy_needs_two_different_departments_for_sensitive_fields() throws Exception {
        assertEquals(List.of("sensitiveApproverRole"), fields(ReportingPolicies.checkExport(json(ADOPTED_EXPORT
                .replace("\"sensitiveApproverRole\":\"sales-director\"", "\"sensitiveApproverRole\":\"data-steward\"")))));
        assertEquals(List.of("approverRole"), fields(ReportingPolicies.checkExport(json(ADOPTED_EXPORT
                .replace("\"approverRole\":\"data-steward\"", "\"approverRole\":\"sales-rep\"")))));
    }

    @Test
    void the_adopted_export_policy_reads_as_its_rules() throws Exception {
        ExportPolicy policy = ExportPolicy.from(2, json(ADOPTED_EXPORT));
        assertEquals(72, policy.expiresAfterHours());
        assertEquals(3, policy.maxDownloads());
        assertEquals(List.of("contactName", "registrationId"),
                policy.sensitiveAmong(List.of("customerId", "contactName", "segment", "registrationId")));
        assertTrue(policy.sensitiveAmong(List.of("customerId", "segment", "netAmount")).isEmpty());
    }

    static final String ADOPTED_EXPORT = "{\"sensitiveFields\":[\"customerName\",\"registrationId\",\"email\",\"phone\","
            + "\"contactName\",\"contactPhone\",\"contactEmail\"],\"maskedFields\":[\"registrationId\",\"email\",\"phone\","
            + "\"contactName\",\"contactPhone\",\"contactEmail\"],\"unmaskedRoles\":[\"sales-rep\",\"sales-manager\"],"
            + "\"approverRole\":\"data-steward\",\"sensitiveApproverRole\":\"sales-director\","
            + "\"link\":{\"expiresAfterHours\":72,\"maxDownloads\":3}}";
}
