package com.salesaffairs.opportunity.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.problem.Violation;

/**
 * Policy {@code opportunity.assignment} (policy 3.1: assign by results and ability, fairly): the
 * weights of a suggestion's four components, the open opportunities a rep can carry, the window of
 * quarters results are judged over, and the teams whose unassigned captures are assigned at once to
 * the top suggestion.
 */
public record AssignmentPolicy(int version, Weights weights, int capacity, int windowQuarters,
        Set<String> autoAssignTeams) {
    public static final String KEY = "opportunity.assignment";
    public static final List<String> COMPONENTS = List.of("performance", "winRate", "freeCapacity", "match");
    private static final Set<String> FIELDS = Set.of("weights", "capacity", "winRateWindowQuarters", "autoAssignTeams");
    private static final int MAX_CAPACITY = 1000;
    private static final int MAX_QUARTERS = 8;
    private static final double SUM_TOLERANCE = 1e-9;

    /** The weight of each component; each from 0 to 1, together 1. */
    public record Weights(double performance, double winRate, double freeCapacity, double match) {
    }

    public AssignmentPolicy {
        autoAssignTeams = Set.copyOf(autoAssignTeams);
    }

    public static AssignmentPolicy from(int version, JsonNode content) {
        List<Violation> problems = check(content);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("policy " + KEY + " v" + version + " is invalid: " + problems);
        }
        JsonNode w = content.path("weights");
        Set<String> teams = new HashSet<>();
        content.path("autoAssignTeams").forEach(t -> teams.add(t.asText().strip()));
        return new AssignmentPolicy(version, new Weights(w.path("performance").asDouble(), w.path("winRate").asDouble(),
                w.path("freeCapacity").asDouble(), w.path("match").asDouble()), content.path("capacity").asInt(),
                content.path("winRateWindowQuarters").asInt(), teams);
    }

    /** What is wrong with a draft's content; empty when it can take effect. */
    public static List<Violation> check(JsonNode content) {
        List<Violation> problems = new ArrayList<>();
        for (Iterator<String> names = content.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(new Violation(name, "is not a field of " + KEY + " (" + String.join(", ", FIELDS.stream()
                        .sorted().toList()) + ")"));
            }
        }
        JsonNode weights = content.path("weights");
        if (!weights.isObject()) {
            problems.add(new Violation("weights", "must give a weight to each of " + String.join(", ", COMPONENTS)));
        } else {
            double sum = 0;
            boolean complete = true;
            for (String component : COMPONENTS) {
                JsonNode w = weights.path(component);
                if (!w.isNumber() || w.asDouble() < 0 || w.asDouble() > 1) {
                    problems.add(new Violation("weights." + component, "must be a number from 0 to 1"));
                    complete = false;
                } else {
                    sum += w.asDouble();
                }
            }
            for (Iterator<String> names = weights.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!COMPONENTS.contains(name)) {
                    problems.add(new Violation("weights." + name, "is not a component of a suggestion"));
                    complete = false;
                }
            }
            if (complete && Math.abs(sum - 1.0) > SUM_TOLERANCE) {
                problems.add(new Violation("weights", "must add up to 1 (they add up to " + sum + ")"));
            }
        }
        JsonNode capacity = content.path("capacity");
        if (!capacity.isInt() || capacity.asInt() < 1 || capacity.asInt() > MAX_CAPACITY) {
            problems.add(new Violation("capacity", "must be a whole number of open opportunities from 1 to " + MAX_CAPACITY));
        }
        JsonNode quarters = content.path("winRateWindowQuarters");
        if (!quarters.isInt() || quarters.asInt() < 1 || quarters.asInt() > MAX_QUARTERS) {
            problems.add(new Violation("winRateWindowQuarters", "must be a whole number of quarters from 1 to " + MAX_QUARTERS));
        }
        JsonNode teams = content.path("autoAssignTeams");
        if (!teams.isArray()) {
            problems.add(new Violation("autoAssignTeams", "must be a list of team names (empty: no team auto-assigns)"));
        } else {
            for (int i = 0; i < teams.size(); i++) {
                if (!teams.get(i).isTextual() || teams.get(i).asText().isBlank()) {
                    problems.add(new Violation("autoAssignTeams[" + i + "]", "must be a team name"));
                }
            }
        }
        return problems;
    }

    public boolean autoAssigns(String team) {
        return autoAssignTeams.contains(team);
    }

    /** The first month of the window: the current calendar quarter (UTC) and the quarters before it. */
    public YearMonth windowStart(Instant now) {
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        YearMonth quarterStart = month.minusMonths((month.getMonthValue() - 1) % 3);
        return quarterStart.minusMonths(3L * (windowQuarters - 1));
    }
}
