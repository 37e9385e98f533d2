package com.salesaffairs.aftersales.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.problem.Violation;
import com.salesaffairs.platform.security.Roles;

/**
 * The content of an {@code aftersales.sla} policy version: response and resolution limits per
 * severity and who a breach escalates to. Limits are plain calendar hours for now; business
 * calendars (working hours, public holidays) are a later change of this class, not of its callers.
 */
public record SlaPolicy(int version, Map<Severity, Duration> response, Map<Severity, Duration> resolution,
        List<String> escalationChain) {

    /** A year: anything longer is a typing error, not a service level. */
    static final int MAX_HOURS = 8760;

    private static final Set<String> ESCALATION_ROLES = Set.of(Roles.SALES_MANAGER, Roles.SALES_DIRECTOR,
            Roles.EXECUTIVE, Roles.AFTERSALES_AGENT, Roles.ADMIN);

    public SlaPolicy {
        response = Collections.unmodifiableMap(new EnumMap<>(response));
        resolution = Collections.unmodifiableMap(new EnumMap<>(resolution));
        escalationChain = List.copyOf(escalationChain);
    }

    /** Reads a stored version; content that {@link #check} refuses never got approved, so it is a deployment error. */
    public static SlaPolicy from(int version, JsonNode content) {
        List<Violation> problems = check(content);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("aftersales.sla v" + version + " is unusable: " + problems);
        }
        Map<Severity, Duration> response = new EnumMap<>(Severity.class);
        Map<Severity, Duration> resolution = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            response.put(s, Duration.ofHours(content.path("responseHours").path(s.name()).asInt()));
            resolution.put(s, Duration.ofHours(content.path("resolutionHours").path(s.name()).asInt()));
        }
        List<String> chain = new ArrayList<>();
        content.path("escalationChain").forEach(role -> chain.add(role.asText()));
        return new SlaPolicy(version, response, resolution, chain);
    }

    /** The deadlines of a case of this severity logged at the given moment. */
    public SlaDeadlines deadlinesFor(Severity severity, Instant loggedAt) {
        return new SlaDeadlines(loggedAt.plus(response.get(severity)), loggedAt.plus(resolution.get(severity)), version);
    }

    /**
     * What makes a draft unusable: every severity needs a whole, positive number of hours for both
     * limits, resolution no sooner than the first response, and an escalation chain of known roles.
     */
    public static List<Violation> check(JsonNode content) {
        List<Violation> problems = new ArrayList<>();
        if (content == null || !content.isObject()) {
            problems.add(new Violation("content", "must be a JSON object"));
            return problems;
        }
        hours(content, "responseHours", problems);
        hours(content, "resolutionHours", problems);
        for (Severity s : Severity.values()) {
            JsonNode response = content.path("responseHours").path(s.name());
            JsonNode resolution = content.path("resolutionHours").path(s.name());
            if (validHours(response) && validHours(resolution) && resolution.asInt() < response.asInt()) {
                problems.add(new Violation("resolutionHours." + s.name(),
                        "must be at least responseHours." + s.name() + " (" + response.asInt() + ")"));
            }
        }
        JsonNode chain = content.path("escalationChain");
        if (!chain.isArray() || chain.isEmpty()) {
            problems.add(new Violation("escalationChain", "must list at least one role to escalate to"));
        } else {
            for (int i = 0; i < chain.size(); i++) {
                if (!chain.get(i).isTextual() || !ESCALATION_ROLES.contains(chain.get(i).asText())) {
                    problems.add(new Violation("escalationChain[" + i + "]",
                            "must be one of " + ESCALATION_ROLES.stream().sorted().toList()));
                }
            }
        }
        return problems;
    }

    private static void hours(JsonNode content, String field, List<Violation> problems) {
        JsonNode limits = content.path(field);
        if (!limits.isObject()) {
            problems.add(new Violation(field, "must map every severity to hours"));
            return;
        }
        for (Severity s : Severity.values()) {
            JsonNode h = limits.path(s.name());
            if (h.isMissingNode() || h.isNull()) {
                problems.add(new Violation(field + "." + s.name(), "is required"));
            } else if (!validHours(h)) {
                problems.add(new Violation(field + "." + s.name(), "must be a whole number of hours from 1 to " + MAX_HOURS));
            }
        }
        for (Iterator<String> names = limits.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!isSeverity(name)) {
                problems.add(new Violation(field + "." + name, "is not a severity"));
            }
        }
    }

    private static boolean validHours(JsonNode h) {
        return h.isIntegralNumber() && h.canConvertToInt() && h.asInt() >= 1 && h.asInt() <= MAX_HOURS;
    }

    private static boolean isSeverity(String name) {
        for (Severity s : Severity.values()) {
            if (s.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
