package com.salesaffairs.aftersales.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.calendar.WorkingDays;
import com.salesaffairs.platform.problem.Violation;

/**
 * The content of an {@code aftersales.sla} policy version (from version 2): a business calendar,
 * first-response and resolution limits per severity in business hours (decimal, at most two
 * decimals: 0.5 is 30 minutes, 0.02 is 72 seconds), the share of a limit at which a warning is
 * recorded, and the chain a passed deadline escalates along.
 *
 * <pre>
 * {"calendar": {"timeZone": "Asia/Shanghai", "workingDays": ["MON",...,"FRI"],
 *               "hours": {"start": "09:00", "end": "18:00"},
 *               "holidays": ["2026-10-01", ...], "makeUpWorkingDays": ["2026-10-10", ...]},
 *  "firstResponseHours": {"CRITICAL": 1, "HIGH": 4, "MEDIUM": 8, "LOW": 24},
 *  "resolutionHours": {"CRITICAL": 8, "HIGH": 24, "MEDIUM": 27, "LOW": 45},
 *  "warnAtPercent": 80,
 *  "escalationChain": ["aftersales-agent", "team-manager", "sales-director"]}
 * </pre>
 */
public record SlaPolicy(int version, BusinessCalendar calendar, Map<Severity, BigDecimal> firstResponseHours,
        Map<Severity, BigDecimal> resolutionHours, int warnAtPercent, List<EscalationStep> escalationChain) {

    /** A year of working hours is far more than any service level; anything longer is a typing error. */
    static final int MAX_HOURS = 2000;

    /** Hundredths of an hour (36 seconds) are the finest limit a policy may set. */
    static final int MAX_DECIMALS = 2;

    private static final BigDecimal MAX = BigDecimal.valueOf(MAX_HOURS);

    public SlaPolicy {
        firstResponseHours = Collections.unmodifiableMap(new EnumMap<>(firstResponseHours));
        resolutionHours = Collections.unmodifiableMap(new EnumMap<>(resolutionHours));
        escalationChain = List.copyOf(escalationChain);
    }

    public SlaClock clock() {
        return new SlaClock(calendar);
    }

    /** Reads a stored version; content that {@link #check} refuses never got approved, so it is a deployment error. */
    public static SlaPolicy from(int version, JsonNode content) {
        List<Violation> problems = check(content);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("aftersales.sla v" + version + " is unusable: " + problems);
        }
        JsonNode cal = content.path("calendar");
        BusinessCalendar calendar = new BusinessCalendar(WorkingDays.parse(cal),
                LocalTime.parse(cal.path("hours").path("start").asText()),
                LocalTime.parse(cal.path("hours").path("end").asText()));
        Map<Severity, BigDecimal> response = new EnumMap<>(Severity.class);
        Map<Severity, BigDecimal> resolution = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            response.put(s, hoursOf(content.path("firstResponseHours").path(s.name())));
            resolution.put(s, hoursOf(content.path("resolutionHours").path(s.name())));
        }
        List<EscalationStep> chain = new ArrayList<>();
        content.path("escalationChain").forEach(step -> chain.add(EscalationStep.of(step.asText())));
        return new SlaPolicy(version, calendar, response, resolution, content.path("warnAtPercent").asInt(), chain);
    }

    /** The deadlines and warning points of a case of this severity logged at the given moment. */
    public SlaDeadlines deadlinesFor(Severity severity, Instant loggedAt) {
        SlaClock clock = clock();
        BigDecimal response = firstResponseHours.get(severity);
        BigDecimal resolution = resolutionHours.get(severity);
        return new SlaDeadlines(clock.deadline(loggedAt, response), clock.deadline(loggedAt, resolution), version,
                response, resolution, warnAtPercent, clock.warnAt(loggedAt, response, warnAtPercent),
                clock.warnAt(loggedAt, resolution, warnAtPercent));
    }

    /**
     * What makes a draft unusable, each problem naming its field: the calendar needs a known time zone,
     * working days, an opening before the closing and ISO dates; every severity needs a number of
     * business hours above 0 and at most {@value #MAX_HOURS}, with at most {@value #MAX_DECIMALS}
     * decimals, for both limits, resolution no sooner than the first response; warnAtPercent from 1
     * to 99; an escalation chain of known steps, each once.
     */
    public static List<Violation> check(JsonNode content) {
        List<Violation> problems = new ArrayList<>();
        if (content == null || !content.isObject()) {
            problems.add(new Violation("content", "must be a JSON object"));
            return problems;
        }
        for (Iterator<String> names = content.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!Set.of("calendar", "firstResponseHours", "resolutionHours", "warnAtPercent", "escalationChain")
                    .contains(name)) {
                problems.add(new Violation(name, "is not a field of aftersales.sla"));
            }
        }
        calendar(content.path("calendar"), problems);
        hours(content, "firstResponseHours", problems);
        hours(content, "resolutionHours", problems);
        for (Severity s : Severity.values()) {
            JsonNode response = content.path("firstResponseHours").path(s.name());
            JsonNode resolution = content.path("resolutionHours").path(s.name());
            if (validHours(response) && validHours(resolution) && hoursOf(resolution).compareTo(hoursOf(response)) < 0) {
                problems.add(new Violation("resolutionHours." + s.name(),
                        "must be at least firstResponseHours." + s.name() + " (" + hoursOf(response).toPlainString() + ")"));
            }
        }
        JsonNode warn = content.path("warnAtPercent");
        if (!warn.isIntegralNumber() || !warn.canConvertToInt() || warn.asInt() < 1 || warn.asInt() > 99) {
            problems.add(new Violation("warnAtPercent", "must be a whole number from 1 to 99"));
        }
        JsonNode chain = content.path("escalationChain");
        if (!chain.isArray() || chain.isEmpty()) {
            problems.add(new Violation("escalationChain", "must list at least one step to escalate to"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < chain.size(); i++) {
                String step = chain.get(i).isTextual() ? chain.get(i).asText() : null;
                if (step == null || !EscalationStep.NAMES.contains(step)) {
                    problems.add(new Violation("escalationChain[" + i + "]", "must be one of " + EscalationStep.NAMES));
                } else if (!seen.add(step)) {
                    problems.add(new Violation("escalationChain[" + i + "]", "is already in the chain"));
                }
            }
        }
        return problems;
    }

    private static void calendar(JsonNode cal, List<Violation> problems) {
        if (!cal.isObject()) {
            problems.add(new Violation("calendar", "must be an object with timeZone, workingDays, hours, holidays, makeUpWorkingDays"));
            return;
        }
        WorkingDays.checkZoneAndDays(cal, "calendar", problems);
        LocalTime start = time(cal.path("hours").path("start"), "calendar.hours.start", problems);
        LocalTime end = time(cal.path("hours").path("end"), "calendar.hours.end", problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add(new Violation("calendar.hours.end", "must be after calendar.hours.start"));
        }
        WorkingDays.checkDates(cal, "calendar", problems);
    }

    private static LocalTime time(JsonNode node, String field, List<Violation> problems) {
        try {
            if (node.isTextual() && node.asText().matches("\\d{2}:\\d{2}")) {
                return LocalTime.parse(node.asText());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(new Violation(field, "must be a time HH:mm"));
        return null;
    }

    private static void hours(JsonNode content, String field, List<Violation> problems) {
        JsonNode limits = content.path(field);
        if (!limits.isObject()) {
            problems.add(new Violation(field, "must map every severity to business hours"));
            return;
        }
        for (Severity s : Severity.values()) {
            JsonNode h = limits.path(s.name());
            if (h.isMissingNode() || h.isNull()) {
                problems.add(new Violation(field + "." + s.name(), "is required"));
            } else if (!validHours(h)) {
                problems.add(new Violation(field + "." + s.name(), "must be a number of business hours greater than 0 and at most "
                        + MAX_HOURS + ", with at most " + MAX_DECIMALS + " decimals (0.5 = 30 minutes)"));
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
        if (!h.isNumber()) {
            return false;
        }
        BigDecimal hours = h.decimalValue().stripTrailingZeros();
        return hours.signum() > 0 && hours.compareTo(MAX) <= 0 && hours.scale() <= MAX_DECIMALS;
    }

    /**
     * A limit as read from valid content: the number as written, without trailing zeros, never in
     * exponent form (24, not 2.4E+1; 0.5, not 0.50).
     */
    static BigDecimal hoursOf(JsonNode h) {
        return plain(h.decimalValue());
    }

    /** Hours without trailing zeros and with a scale of at least 0 (so 24.00 is 24 and 0.50 is 0.5). */
    public static BigDecimal plain(BigDecimal hours) {
        BigDecimal stripped = hours.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
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
