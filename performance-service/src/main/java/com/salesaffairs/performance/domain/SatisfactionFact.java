package com.salesaffairs.performance.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's answer to a satisfaction survey ({@code sales.survey.completed.v1}), counted for the
 * rep responsible in the month (UTC) it was answered.
 */
public record SatisfactionFact(UUID surveyId, String repId, String team, UUID customerId, UUID caseId, UUID orderId,
        int score, int likelihood, Instant answeredAt) {

    public SatisfactionFact {
        if (surveyId == null) {
            throw new InvalidKpiFact("survey fact without surveyId");
        }
        if (repId == null || repId.isBlank()) {
            throw new InvalidKpiFact("survey fact without repId");
        }
        if (answeredAt == null) {
            throw new InvalidKpiFact("survey fact without answeredAt");
        }
        if (score < 1 || score > 5) {
            throw new InvalidKpiFact("score must be between 1 and 5, was " + score);
        }
        if (likelihood < 0 || likelihood > 10) {
            throw new InvalidKpiFact("likelihoodToRecommend must be between 0 and 10, was " + likelihood);
        }
    }

    public KpiPeriod period() {
        return KpiPeriod.of(answeredAt);
    }
}
