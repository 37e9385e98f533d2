package com.salesaffairs.reporting.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One after-sales case event as reporting reads it ({@code sales.case.resolved/closed/escalated/reopened.v1}).
 *
 * @param at when it happened (resolvedAt, closedAt, escalatedAt, reopenedAt): orders the case's state
 * @param occurrence what identifies an escalation (deadline, level, due time) or a reopening (its time)
 *        among the case's others; null for resolved and closed
 * @param outcome the SLA outcome a resolved or closed event states; null for the others
 */
public record CaseChange(UUID caseId, Kind kind, Instant at, Origin origin, String occurrence, Outcome outcome) {

    /** The case events reporting keeps, with the state each leaves the case in. */
    public enum Kind {
        RESOLVED("RESOLVED"), CLOSED("CLOSED"), ESCALATED("OPEN"), REOPENED("OPEN");

        private final String state;

        Kind(String state) {
            this.state = state;
        }

        public String state() {
            return state;
        }
    }

    /** Whose customer's case it is; null where the event type does not carry the field. */
    public record Origin(UUID customerId, String ownerId, String team, String region, String severity) {
    }

    /** Whether the response and resolution deadlines were met; {@code resolutionMinutes} only on resolved. */
    public record Outcome(boolean responseMet, boolean resolutionMet, Long resolutionMinutes) {
    }
}
