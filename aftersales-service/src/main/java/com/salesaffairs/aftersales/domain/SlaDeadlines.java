package com.salesaffairs.aftersales.domain;

import java.time.Instant;

/** When a case must first be answered and when it must be resolved, and the policy version that said so. */
public record SlaDeadlines(Instant responseDueAt, Instant resolutionDueAt, int policyVersion) {
}
