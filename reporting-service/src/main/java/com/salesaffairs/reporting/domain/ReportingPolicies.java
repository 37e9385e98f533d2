package com.salesaffairs.reporting.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.problem.Violation;
import com.salesaffairs.platform.security.Roles;

/** The shape a draft of reporting's policies must have before anyone may approve it. */
public final class ReportingPolicies {
    public static final String SCHEDULE = "reporting.schedule";
    public static final String EXPORT = "reporting.export";

    /** Roles that may decide on a data export; a rep or a functional role outside data governance may not. */
    private static final Set<String> EXPORT_APPROVERS = Set.of(Roles.DATA_STEWARD, Roles.SALES_DIRECTOR,
            Roles.EXECUTIVE, Roles.ADMIN);

    private ReportingPolicies() {
    }

    /** From version 2: see {@link ReportSchedule#check}. */
    public static List<Violation> checkSchedule(JsonNode content) {
        return ReportSchedule.check(content);
    }

    /** {@code {"sensitiveFields":[...],"approverRole":"data-steward","maxValidityHours":72}} */
    public static List<Violation> checkExport(JsonNode content) {
        List<Violation> problems = new ArrayList<>();
        JsonNode fields = content.path("sensitiveFields");
        Set<String> seen = new HashSet<>();
        boolean fieldsOk = fields.isArray();
        for (JsonNode field : fields) {
            fieldsOk &= field.isTextual() && !field.asText().isBlank() && seen.add(field.asText());
        }
        if (!fieldsOk) {
            problems.add(new Violation("sensitiveFields", "must be a list of distinct field names"));
        }
        if (!EXPORT_APPROVERS.contains(content.path("approverRole").asText(""))) {
            problems.add(new Violation("approverRole", "must be one of " + EXPORT_APPROVERS.stream().sorted().toList()));
        }
        JsonNode hours = content.path("maxValidityHours");
        if (!hours.isInt() || hours.asInt() < 1 || hours.asInt() > 720) {
            problems.add(new Violation("maxValidityHours", "must be a whole number of hours from 1 to 720"));
        }
        return problems;
    }
}
