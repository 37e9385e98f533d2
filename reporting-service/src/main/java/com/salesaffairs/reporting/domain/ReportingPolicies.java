package com.salesaffairs.reporting.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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

    /** {@code {"weeklyReportDue":"MONDAY 10:00","monthlyReportDueDay":3,"timezone":"Asia/Shanghai"}} */
    public static List<Violation> checkSchedule(JsonNode content) {
        List<Violation> problems = new ArrayList<>();
        String weekly = content.path("weeklyReportDue").asText("");
        String[] parts = weekly.split(" ");
        if (parts.length != 2 || !isDay(parts[0]) || !isTime(parts[1])) {
            problems.add(new Violation("weeklyReportDue", "must be a weekday and a time, e.g. MONDAY 10:00"));
        }
        JsonNode day = content.path("monthlyReportDueDay");
        // Up to 28 so that the due date exists in every month.
        if (!day.isInt() || day.asInt() < 1 || day.asInt() > 28) {
            problems.add(new Violation("monthlyReportDueDay", "must be a day of the month from 1 to 28"));
        }
        if (!isZone(content.path("timezone").asText(""))) {
            problems.add(new Violation("timezone", "must be an IANA time zone, e.g. Asia/Shanghai"));
        }
        return problems;
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

    private static boolean isDay(String value) {
        try {
            DayOfWeek.valueOf(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isTime(String value) {
        try {
            LocalTime.parse(value);
            return value.length() == 5;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isZone(String value) {
        try {
            ZoneId.of(value);
            return value.contains("/") || "UTC".equals(value);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
