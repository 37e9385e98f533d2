package com.salesaffairs.opportunity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.problem.Violation;

/**
 * Policy {@code opportunity.followup} (policy 3.1, "follow up promptly as the system requires"):
 * when an open opportunity is overdue, and the win probability of each open stage.
 *
 * <p>Days are whole 24-hour periods since the last contact (or since capture when there was none);
 * business calendars and holidays are not applied here.
 */
public record FollowUpPolicy(int version, int overdueAfterDays, Map<OpportunityStage, Integer> stageProbabilities) {
    public static final String KEY = "opportunity.followup";
    private static final int MAX_OVERDUE_DAYS = 90;

    public FollowUpPolicy {
        stageProbabilities = Map.copyOf(stageProbabilities);
    }

    public static FollowUpPolicy from(int version, JsonNode content) {
        List<Violation> problems = check(content);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("policy " + KEY + " v" + version + " is invalid: " + problems);
        }
        Map<OpportunityStage, Integer> probabilities = new EnumMap<>(OpportunityStage.class);
        for (OpportunityStage stage : OpportunityStage.OPEN) {
            probabilities.put(stage, content.path("stageProbabilities").path(stage.name()).asInt());
        }
        return new FollowUpPolicy(version, content.path("overdueAfterDays").asInt(), probabilities);
    }

    /** What is wrong with a draft's content; empty when it can take effect. */
    public static List<Violation> check(JsonNode content) {
        List<Violation> problems = new ArrayList<>();
        JsonNode days = content.path("overdueAfterDays");
        if (!days.isInt() || days.asInt() < 1 || days.asInt() > MAX_OVERDUE_DAYS) {
            problems.add(new Violation("overdueAfterDays", "must be a whole number of days from 1 to " + MAX_OVERDUE_DAYS));
        }
        JsonNode probabilities = content.path("stageProbabilities");
        if (!probabilities.isObject()) {
            problems.add(new Violation("stageProbabilities", "must map each open stage to a percentage"));
            return problems;
        }
        // Every open stage is named, so a new version states each probability instead of leaving one to a default.
        for (OpportunityStage stage : OpportunityStage.OPEN) {
            JsonNode p = probabilities.path(stage.name());
            if (!p.isInt() || p.asInt() < 0 || p.asInt() > 100) {
                problems.add(new Violation("stageProbabilities." + stage.name(), "must be a whole percentage from 0 to 100"));
            }
        }
        for (Iterator<String> names = probabilities.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (OpportunityStage.OPEN.stream().noneMatch(s -> s.name().equals(name))) {
                problems.add(new Violation("stageProbabilities." + name,
                        "is not an open stage (WON is always 100 and LOST 0)"));
            }
        }
        return problems;
    }

    /** The win probability in percent an opportunity carries in a stage; closed stages are certain. */
    public int probabilityOf(OpportunityStage stage) {
        return switch (stage) {
            case WON -> 100;
            case LOST -> 0;
            default -> stageProbabilities.get(stage);
        };
    }

    /** The default next follow-up of a new or reopened opportunity: when it would become overdue anyway. */
    public Instant defaultNextFollowUp(Instant from) {
        return from.plus(Duration.ofDays(overdueAfterDays));
    }

    /** Whole days since the last contact; 0 on the day itself, never negative. */
    public static long daysWithoutContact(Instant lastContact, Instant now) {
        return Math.max(0, Duration.between(lastContact, now).toDays());
    }

    /** An open opportunity is overdue when its follow-up date has passed or nobody contacted the customer for more than the allowed days. */
    public boolean overdue(boolean open, Instant nextFollowUpAt, Instant lastContact, Instant now) {
        if (!open) {
            return false;
        }
        return (nextFollowUpAt != null && nextFollowUpAt.isBefore(now))
                || daysWithoutContact(lastContact, now) > overdueAfterDays;
    }

    /** A last contact at or before this instant is overdue by silence: the same rule as {@link #overdue}, for a query. */
    public Instant silentSince(Instant now) {
        return now.minus(Duration.ofDays(overdueAfterDays + 1L));
    }
}
