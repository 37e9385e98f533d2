package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rep's reward for a closed month: what {@code performance.rewards} recommended from the frozen grade, and,
 * once the director approved it (as recommended or amended), what was awarded.
 */
public record RewardRecommendation(UUID id, String period, String repId, String team, String region, BigDecimal score,
        String grade, int kpiPolicyVersion, int rewardsPolicyVersion, Reward recommended,
        @Schema(enumeration = { "RECOMMENDED", "APPROVED" }) String status,
        @Schema(description = "what was approved; null until then") Reward awarded,
        @Schema(description = "true when the director changed anything of the recommendation") boolean amended,
        String comment, String decidedBy, Instant decidedAt, Instant createdAt,
        @Schema(description = "the month whose commission the rate points raise (the month after period)") String ratePeriod) {

    /**
     * @param salaryAdjustmentPct salary increase in percent (5.00 = +5%)
     * @param commissionRatePoints percentage points added to every commission band next month (0.50 = +0.5 point)
     * @param training KPIs (or topics) to train in
     * @param improvementPlan whether a performance improvement plan is set up
     */
    public record Reward(BigDecimal salaryAdjustmentPct, BigDecimal commissionRatePoints, List<String> training,
            boolean improvementPlan) {
        public Reward {
            training = training == null ? List.of() : List.copyOf(training);
        }

        public static Reward of(RewardPolicy.Recommendation r) {
            return new Reward(r.salaryAdjustmentPct(), r.commissionRatePoints(), r.training(), r.improvementPlan());
        }
    }
}
