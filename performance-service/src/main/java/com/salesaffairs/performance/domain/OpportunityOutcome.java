package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Where an opportunity stands for the win rate, from {@code sales.opportunity.won.v1}, {@code .lost.v1}
 * and {@code .reopened.v1}: WON or LOST in the month (UTC) it was closed, OPEN again after a reopen
 * (it then counts nowhere until closed again). The opportunity's {@code version} orders the facts:
 * an older one arriving late changes nothing.
 */
public record OpportunityOutcome(UUID opportunityId, String repId, String team, String region, Outcome outcome,
        BigDecimal amount, int version, Instant closedAt) {

    public enum Outcome {
        WON, LOST, OPEN
    }

    public OpportunityOutcome {
        if (opportunityId == null) {
            throw new InvalidKpiFact("opportunity fact without opportunityId");
        }
        if (repId == null || repId.isBlank()) {
            throw new InvalidKpiFact("opportunity fact without assigneeId");
        }
        if (outcome == null) {
            throw new InvalidKpiFact("opportunity fact without outcome");
        }
        if (version < 0) {
            throw new InvalidKpiFact("opportunity version must not be negative, was " + version);
        }
        if (outcome != Outcome.OPEN && closedAt == null) {
            throw new InvalidKpiFact("a closed opportunity fact without closedAt");
        }
        if (outcome == Outcome.OPEN) {
            closedAt = null;
        }
    }

    /** The month it was closed in; null while open. */
    public KpiPeriod period() {
        return closedAt == null ? null : KpiPeriod.of(closedAt);
    }
}
