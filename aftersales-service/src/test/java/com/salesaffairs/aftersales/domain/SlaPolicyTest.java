package com.salesaffairs.aftersales.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.salesaffairs.platform.problem.Violation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SlaPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Version 1 exactly as V2__customer_replica_cases_policies.sql seeds it. */
    static final String SEEDED = "{\"responseHours\":{\"LOW\":48,\"MEDIUM\":24,\"HIGH\":8,\"CRITICAL\":2},"
            + "\"resolutionHours\":{\"LOW\":240,\"MEDIUM\":120,\"HIGH\":48,\"CRITICAL\":24},"
            + "\"escalationChain\":[\"sales-manager\",\"sales-director\"]}";

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Limits per severity as a policy admin could write them: resolution never before response. */
    record Limits(int response, int resolutionExtra) {
    }

    @Provide
    Arbitrary<ObjectNode> validContents() {
        Arbitrary<Limits> limits = Combinators.combine(Arbitraries.integers().between(1, 2000),
                Arbitraries.integers().between(0, SlaPolicy.MAX_HOURS - 2000)).as(Limits::new);
        return limits.list().ofSize(Severity.values().length).map(list -> {
            ObjectNode content = JSON.createObjectNode();
            ObjectNode response = content.putObject("responseHours");
            ObjectNode resolution = content.putObject("resolutionHours");
            for (Severity s : Severity.values()) {
                Limits l = list.get(s.ordinal());
                response.put(s.name(), l.response());
                resolution.put(s.name(), l.response() + l.resolutionExtra());
            }
            content.putArray("escalationChain").add("sales-manager");
            return content;
        });
    }

    @Provide
    Arbitrary<Instant> instants() {
        long from = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond();
        return Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    }

    @Property
    void deadlines_are_the_policy_hours_after_logging_and_resolution_never_precedes_response(
            @ForAll("validContents") ObjectNode content, @ForAll Severity severity, @ForAll("instants") Instant loggedAt,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 50) int version) {
        assertEquals(List.of(), SlaPolicy.check(content));
        SlaDeadlines d = SlaPolicy.from(version, content).deadlinesFor(severity, loggedAt);
        assertEquals(loggedAt.plus(Duration.ofHours(content.at("/responseHours/" + severity).asInt())), d.responseDueAt());
        assertEquals(loggedAt.plus(Duration.ofHours(content.at("/resolutionHours/" + severity).asInt())), d.resolutionDueAt());
        assertTrue(d.responseDueAt().isAfter(loggedAt));
        assertFalse(d.resolutionDueAt().isBefore(d.responseDueAt()), d.toString());
        assertEquals(version, d.policyVersion());
    }

    @Property
    void the_seeded_policy_gives_every_severity_a_resolution_no_sooner_than_its_response(
            @ForAll Severity severity, @ForAll("instants") Instant loggedAt) {
        SlaDeadlines d = SlaPolicy.from(1, json(SEEDED)).deadlinesFor(severity, loggedAt);
        assertFalse(d.resolutionDueAt().isBefore(d.responseDueAt()), severity + ": " + d);
    }

    @Example
    void seeded_version_one_answers_a_critical_case_in_two_hours_and_resolves_it_within_a_day() {
        Instant logged = Instant.parse("2026-03-02T10:15:00Z");
        SlaPolicy policy = SlaPolicy.from(1, json(SEEDED));
        SlaDeadlines critical = policy.deadlinesFor(Severity.CRITICAL, logged);
        assertEquals(Instant.parse("2026-03-02T12:15:00Z"), critical.responseDueAt());
        assertEquals(Instant.parse("2026-03-03T10:15:00Z"), critical.resolutionDueAt());
        assertEquals(1, critical.policyVersion());
        SlaDeadlines low = policy.deadlinesFor(Severity.LOW, logged);
        assertEquals(Instant.parse("2026-03-04T10:15:00Z"), low.responseDueAt());
        assertEquals(Instant.parse("2026-03-12T10:15:00Z"), low.resolutionDueAt());
        assertEquals(List.of("sales-manager", "sales-director"), policy.escalationChain());
    }

    @Example
    void hours_are_calendar_hours_so_a_weekend_counts() {
        // Friday 20:00 UTC + 48h is Sunday 20:00: business calendars come in a later change.
        SlaDeadlines d = SlaPolicy.from(1, json(SEEDED)).deadlinesFor(Severity.LOW, Instant.parse("2026-11-27T20:00:00Z"));
        assertEquals(Instant.parse("2026-11-29T20:00:00Z"), d.responseDueAt());
    }

    @Example
    void the_seeded_content_passes_the_draft_check() {
        assertEquals(List.of(), SlaPolicy.check(json(SEEDED)));
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Example
    void a_draft_missing_a_severity_is_refused_naming_it() {
        ObjectNode content = (ObjectNode) json(SEEDED);
        ((ObjectNode) content.get("responseHours")).remove("HIGH");
        assertEquals(List.of("responseHours.HIGH"), fields(SlaPolicy.check(content)));
    }

    @Example
    void zero_negative_fractional_or_textual_hours_are_refused() {
        for (String bad : new String[] { "0", "-4", "1.5", "\"8\"", "null", "100000" }) {
            String text = SEEDED.replace("\"MEDIUM\":120", "\"MEDIUM\":" + bad);
            List<String> f = fields(SlaPolicy.check(json(text)));
            assertTrue(f.contains("resolutionHours.MEDIUM"), bad + " gave " + f);
        }
    }

    @Example
    void a_resolution_limit_shorter_than_the_response_limit_is_refused() {
        String text = SEEDED.replace("\"CRITICAL\":24", "\"CRITICAL\":1");
        List<Violation> problems = SlaPolicy.check(json(text));
        assertEquals(List.of("resolutionHours.CRITICAL"), fields(problems));
        assertTrue(problems.get(0).message().contains("responseHours.CRITICAL"), problems.toString());
    }

    @Example
    void an_unknown_severity_and_an_unknown_escalation_role_are_refused() {
        String text = SEEDED.replace("\"LOW\":48,", "\"LOW\":48,\"URGENT\":1,").replace("sales-director", "boss");
        assertEquals(List.of("responseHours.URGENT", "escalationChain[1]"), fields(SlaPolicy.check(json(text))));
        assertEquals(List.of("escalationChain"), fields(SlaPolicy.check(json(SEEDED.replace(
                "[\"sales-manager\",\"sales-director\"]", "[]")))));
        assertEquals(List.of("content"), fields(SlaPolicy.check(json("[1]"))));
    }

    @Example
    void unusable_stored_content_is_a_deployment_error_not_a_deadline() {
        JsonNode broken = json(SEEDED.replace("\"HIGH\":48", "\"HIGH\":4"));
        assertThrows(IllegalStateException.class, () -> SlaPolicy.from(3, broken));
    }
}
