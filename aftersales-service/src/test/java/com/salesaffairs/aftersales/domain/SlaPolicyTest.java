package com.salesaffairs.aftersales.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.salesaffairs.platform.problem.Violation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** aftersales.sla v2: the seeded content, the draft check and the deadlines it gives. */
class SlaPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Version 2 exactly as V3__sla_v2_case_handling_order_facts.sql seeds it. */
    static final String SEEDED = seeded();

    private static String seeded() {
        try {
            String sql = Files.readString(Path.of("src/main/resources/db/migration/V3__sla_v2_case_handling_order_facts.sql"));
            String insert = sql.substring(sql.indexOf("VALUES ('aftersales.sla', 2,") + 28, sql.indexOf("'ACTIVE'"));
            StringBuilder content = new StringBuilder();
            Matcher literal = Pattern.compile("'([^']*)'").matcher(insert);
            while (literal.find()) {
                content.append(literal.group(1));
            }
            return content.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Example
    void the_seeded_version_two_passes_the_draft_check_and_holds_the_adopted_values() {
        ObjectNode content = json(SEEDED);
        assertEquals(List.of(), SlaPolicy.check(content));
        SlaPolicy policy = SlaPolicy.from(2, content);
        assertEquals(SHANGHAI, policy.calendar().zone());
        assertEquals(hours("1"), policy.firstResponseHours().get(Severity.CRITICAL));
        assertEquals(hours("4"), policy.firstResponseHours().get(Severity.HIGH));
        assertEquals(hours("8"), policy.firstResponseHours().get(Severity.MEDIUM));
        assertEquals(hours("24"), policy.firstResponseHours().get(Severity.LOW));
        assertEquals(hours("8"), policy.resolutionHours().get(Severity.CRITICAL));
        assertEquals(hours("24"), policy.resolutionHours().get(Severity.HIGH));
        assertEquals(hours("27"), policy.resolutionHours().get(Severity.MEDIUM));
        assertEquals(hours("45"), policy.resolutionHours().get(Severity.LOW));
        assertEquals(80, policy.warnAtPercent());
        assertEquals(List.of(EscalationStep.AFTERSALES_AGENT, EscalationStep.TEAM_MANAGER, EscalationStep.SALES_DIRECTOR),
                policy.escalationChain());
        // Spring Festival 2026 is off, the Saturday before it is worked (调休).
        assertFalse(policy.calendar().isWorkingDay(LocalDate.parse("2026-02-17")));
        assertTrue(policy.calendar().isWorkingDay(LocalDate.parse("2026-02-14")));
        assertFalse(policy.calendar().isWorkingDay(LocalDate.parse("2027-02-08")));
    }

    @Example
    void a_high_case_logged_on_friday_afternoon_is_due_for_an_answer_on_monday() {
        SlaDeadlines d = SlaPolicy.from(2, json(SEEDED)).deadlinesFor(Severity.HIGH, at("2026-11-27T17:00"));
        assertEquals(at("2026-11-30T12:00"), d.responseDueAt());
        // 24 business hours: 1h Friday, then 9h Monday, 9h Tuesday, 5h Wednesday.
        assertEquals(at("2026-12-02T14:00"), d.resolutionDueAt());
        assertEquals(at("2026-11-30T11:12"), d.responseWarnAt());
        assertEquals(2, d.policyVersion());
        assertEquals(hours("4"), d.responseHours());
        assertEquals(hours("24"), d.resolutionHours());
    }

    @Example
    void a_case_logged_before_the_spring_festival_counts_the_make_up_saturday_and_skips_the_holidays() {
        // Friday 13 February 2026 17:00: 1h Friday, the make-up Saturday 14th counts; 15-23 February are off.
        SlaDeadlines d = SlaPolicy.from(2, json(SEEDED)).deadlinesFor(Severity.MEDIUM, at("2026-02-13T17:00"));
        assertEquals(at("2026-02-14T16:00"), d.responseDueAt());
        // 27h: 1h Friday, 9h Saturday, 9h Tuesday 24th, 8h Wednesday 25th.
        assertEquals(at("2026-02-25T17:00"), d.resolutionDueAt());
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 700L * 24 * 60).map(m -> at("2026-01-01T00:00").plusSeconds(m * 60));
    }

    @Property
    void with_the_seeded_policy_resolution_never_precedes_response_and_warnings_precede_deadlines(
            @ForAll Severity severity, @ForAll("instants") Instant loggedAt) {
        SlaDeadlines d = SlaPolicy.from(2, json(SEEDED)).deadlinesFor(severity, loggedAt);
        assertTrue(d.responseDueAt().isAfter(loggedAt));
        assertFalse(d.resolutionDueAt().isBefore(d.responseDueAt()), d.toString());
        assertFalse(d.responseWarnAt().isAfter(d.responseDueAt()), d.toString());
        assertFalse(d.resolutionWarnAt().isAfter(d.resolutionDueAt()), d.toString());
    }

    @Example
    void a_draft_missing_a_severity_is_refused_naming_it() {
        ObjectNode content = json(SEEDED);
        ((ObjectNode) content.get("firstResponseHours")).remove("HIGH");
        assertEquals(List.of("firstResponseHours.HIGH"), fields(SlaPolicy.check(content)));
    }

    @Example
    void zero_negative_fractional_or_textual_hours_are_refused() {
        for (String bad : new String[] { "0", "0.00", "-4", "-0.5", "1.555", "0.001", "\"8\"", "\"0.5\"", "null", "100000",
                "2000.01", "true" }) {
            String text = SEEDED.replace("\"MEDIUM\":27", "\"MEDIUM\":" + bad);
            List<String> f = fields(SlaPolicy.check(json(text)));
            assertTrue(f.contains("resolutionHours.MEDIUM"), bad + " gave " + f);
        }
    }

    @Example
    void decimal_hours_with_at_most_two_decimals_are_accepted() {
        for (String good : new String[] { "0.5", "0.02", "0.01", "27.25", "27.50", "2000", "2000.00" }) {
            String text = SEEDED.replace("\"MEDIUM\":8,", "\"MEDIUM\":" + good + ",")
                    .replace("\"MEDIUM\":27,", "\"MEDIUM\":" + good + ",");
            assertEquals(List.of(), SlaPolicy.check(json(text)), good);
            assertEquals(0, new BigDecimal(good).compareTo(
                    SlaPolicy.from(3, json(text)).firstResponseHours().get(Severity.MEDIUM)), good);
        }
        String text = SEEDED.replace("\"firstResponseHours\":{\"CRITICAL\":1", "\"firstResponseHours\":{\"CRITICAL\":0.5");
        SlaPolicy policy = SlaPolicy.from(3, json(text));
        assertEquals(hours("0.5"), policy.firstResponseHours().get(Severity.CRITICAL));
        // 0.5 h from Friday 17:45: 15 minutes on Friday, 15 on Monday morning.
        SlaDeadlines d = policy.deadlinesFor(Severity.CRITICAL, at("2026-11-27T17:45"));
        assertEquals(at("2026-11-30T09:15"), d.responseDueAt());
        assertEquals(hours("0.5"), d.responseHours());
        // 80% of 30 minutes = 24 minutes: 15 Friday, 9 Monday.
        assertEquals(at("2026-11-30T09:09"), d.responseWarnAt());
    }

    @Example
    void a_decimal_resolution_limit_shorter_than_the_response_limit_is_refused() {
        List<Violation> problems = SlaPolicy.check(json(SEEDED.replace(
                "\"firstResponseHours\":{\"CRITICAL\":1", "\"firstResponseHours\":{\"CRITICAL\":8.5")));
        assertEquals(List.of("resolutionHours.CRITICAL"), fields(problems));
        assertTrue(problems.get(0).message().contains("(8.5)"), problems.toString());
    }

    @Example
    void a_resolution_limit_shorter_than_the_response_limit_is_refused() {
        List<Violation> problems = SlaPolicy.check(json(SEEDED.replace("\"CRITICAL\":8", "\"CRITICAL\":0").replace(
                "\"resolutionHours\":{\"CRITICAL\":0", "\"resolutionHours\":{\"CRITICAL\":1").replace(
                "\"firstResponseHours\":{\"CRITICAL\":1", "\"firstResponseHours\":{\"CRITICAL\":2")));
        assertEquals(List.of("resolutionHours.CRITICAL"), fields(problems));
        assertTrue(problems.get(0).message().contains("firstResponseHours.CRITICAL"), problems.toString());
    }

    @Example
    void calendar_mistakes_are_refused_naming_the_field() {
        ObjectNode content = json(SEEDED);
        ObjectNode cal = (ObjectNode) content.get("calendar");
        cal.put("timeZone", "Mars/Olympus");
        ((ArrayNode) cal.get("workingDays")).add("FUNDAY");
        ((ObjectNode) cal.get("hours")).put("end", "08:00");
        ((ArrayNode) cal.get("holidays")).add("2026-13-01");
        ((ArrayNode) cal.get("makeUpWorkingDays")).add("2026-10-01");
        assertEquals(List.of("calendar.timeZone", "calendar.workingDays[5]", "calendar.hours.end", "calendar.holidays[46]",
                "calendar.makeUpWorkingDays"), fields(SlaPolicy.check(content)));
    }

    @Example
    void warn_percent_and_chain_are_checked() {
        ObjectNode content = json(SEEDED);
        content.put("warnAtPercent", 100);
        content.putArray("escalationChain").add("team-manager").add("boss").add("team-manager");
        assertEquals(List.of("warnAtPercent", "escalationChain[1]", "escalationChain[2]"), fields(SlaPolicy.check(content)));
        content.put("warnAtPercent", 80);
        content.putArray("escalationChain");
        assertEquals(List.of("escalationChain"), fields(SlaPolicy.check(content)));
        assertEquals(List.of("content"), fields(SlaPolicy.check(JSON.createArrayNode())));
    }

    @Example
    void version_one_content_is_not_a_valid_version_two() {
        String v1 = "{\"responseHours\":{\"LOW\":48,\"MEDIUM\":24,\"HIGH\":8,\"CRITICAL\":2},"
                + "\"resolutionHours\":{\"LOW\":240,\"MEDIUM\":120,\"HIGH\":48,\"CRITICAL\":24},"
                + "\"escalationChain\":[\"sales-manager\",\"sales-director\"]}";
        List<String> f = fields(SlaPolicy.check(json(v1)));
        assertTrue(f.containsAll(List.of("responseHours", "calendar", "firstResponseHours", "warnAtPercent",
                "escalationChain[0]")), f.toString());
    }

    @Example
    void unusable_stored_content_is_a_deployment_error_not_a_deadline() {
        JsonNode broken = json(SEEDED.replace("\"HIGH\":24", "\"HIGH\":2"));
        assertThrows(IllegalStateException.class, () -> SlaPolicy.from(3, broken));
    }

    private static BigDecimal hours(String value) {
        return new BigDecimal(value);
    }
}
