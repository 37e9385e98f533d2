package com.salesaffairs.aftersales.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * When a case must first be answered and when it must be resolved, the budgets in business hours the
 * deadlines came from, the warning points, and the policy version that said so.
 */
public record SlaDeadlines(Instant responseDueAt, Instant resolutionDueAt, int policyVersion, BigDecimal responseHours,
        BigDecimal resolutionHours, int warnAtPercent, Instant responseWarnAt, Instant resolutionWarnAt) {

    /** Budgets of whole business hours. */
    public SlaDeadlines(Instant responseDueAt, Instant resolutionDueAt, int policyVersion, int responseHours,
            int resolutionHours, int warnAtPercent, Instant responseWarnAt, Instant resolutionWarnAt) {
        this(responseDueAt, resolutionDueAt, policyVersion, BigDecimal.valueOf(responseHours),
                BigDecimal.valueOf(resolutionHours), warnAtPercent, responseWarnAt, resolutionWarnAt);
    }
}
