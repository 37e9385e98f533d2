package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rep's commission for one month: every settled order's way through the bands, the clawbacks of
 * refunds of earlier months' orders, and the total. Money in CNY to the cent; rates as fractions.
 */
public record CommissionStatement(String repId, String period, String team, String region, String currency,
        String policyKey, int policyVersion,
        @Schema(description = "the rep's approved target for the month; null when none") BigDecimal target,
        @Schema(description = "settled revenue booked in the month, net of refunds of those orders in the same month") BigDecimal revenue,
        @Schema(description = "revenue / target x 100, 2 decimals; null without a target") BigDecimal attainmentPct,
        @Schema(description = "FIRST_TIER or NONE when the month has no target, else null") String withoutTarget,
        @Schema(description = "commission-rate increase from an approved reward of the previous month; null when none") RateBonus rateBonus,
        List<Band> bands, List<OrderLine> orders, List<Clawback> clawbacks,
        BigDecimal ordersCommission, BigDecimal clawbackTotal,
        @Schema(description = "ordersCommission - clawbackTotal: what payroll pays for the month") BigDecimal commission,
        @Schema(description = "true when the month is closed for appraisal: nothing booked in it changes any more") boolean closed,
        Instant computedAt) {

    /** Rate points added to every band, from the approved reward of {@code fromPeriod}. */
    public record RateBonus(BigDecimal points, UUID rewardId, String fromPeriod) {
    }

    /** A band of the month: its amounts from the target, its rate with the bonus, and what fell into it. */
    public record Band(BigDecimal fromAttainment, @Schema(description = "null for the last band") BigDecimal toAttainment,
            BigDecimal fromAmount, @Schema(description = "null for the last band") BigDecimal toAmount,
            BigDecimal rate, BigDecimal revenue, BigDecimal commission) {
    }

    /** The part of an order that fell into one band, and what it earned (rounded half-up to the cent). */
    public record Portion(BigDecimal rate, BigDecimal amount, BigDecimal commission) {
    }

    /** A settled order of the month, in settlement order. */
    public record OrderLine(UUID orderId, String orderNumber, Instant settledAt, BigDecimal settledAmount,
            @Schema(description = "refunds of the order booked in the same month or before; they lower the month's revenue") BigDecimal refundedAmount,
            BigDecimal netAmount,
            @Schema(description = "month revenue before this order") BigDecimal revenueBefore,
            List<Portion> portions, BigDecimal commission) {
    }

    /** A refund booked in the month of an order settled in an earlier month: refund / net x that order's commission. */
    public record Clawback(UUID refundId, UUID orderId, String orderNumber, Instant refundedAt, BigDecimal amount,
            @Schema(description = "the month whose statement paid the order; null when no statement paid it") String orderPeriod,
            BigDecimal orderNetAmount, BigDecimal orderCommission,
            @Schema(description = "refunds of the order clawed back before this one") BigDecimal refundedBefore,
            BigDecimal clawback) {
    }

    /** What an order earned on its own month's statement, for the clawback of a later refund. */
    public record EarlierOrder(KpiPeriod period, BigDecimal netAmount, BigDecimal commission, BigDecimal refundedBefore) {
    }
}
