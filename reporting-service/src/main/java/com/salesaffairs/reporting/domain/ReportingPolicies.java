package com.salesaffairs.reporting.domain;

import java.util.ArrayList;
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

    /**
     * The rules of {@code reporting.export} (from version 2) that its JSON Schema cannot say: the two
     * approvals are two different roles (a sensitive export needs two departments). The schema
     * ({@code policy-schemas/reporting.export.json}) is checked first, see {@code ExportPolicySchema}.
     */
    public static List<Violation> checkExport(JsonNode content) {
        List<Violation> problems = new ArrayList<>();
        String approver = content.path("approverRole").asText("");
        if (approver.equals(content.path("sensitiveApproverRole").asText(""))) {
            problems.add(new Violation("sensitiveApproverRole", "must differ from approverRole: a sensitive export needs two departments"));
        }
        if (!EXPORT_APPROVERS.contains(approver)) {
            problems.add(new Violation("approverRole", "must be one of " + EXPORT_APPROVERS.stream().sorted().toList()));
        }
        return problems;
    }
}
