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

    /**
     * A refund booked in the month of an order paid on an earlier month's statement: it claws back exactly what the
     * refunded amount added to that month, {@code monthCommissionBefore - monthCommissionAfter}.
     */
    public record Clawback(UUID refundId, UUID orderId, String orderNumber, Instant refundedAt, BigDecimal amount,
            @Schema(description = "the month whose statement paid the order; null when no statement paid it (then clawback is 0 and the other order/month fields are null)") String orderPeriod,
            @Schema(description = "the order's net amount on that month's statement") BigDecimal orderNetAmount,
            @Schema(description = "what the order itself earned on that month's statement; the clawback may exceed it, since the order pushed the month's later orders into higher bands") BigDecimal orderCommission,
            @Schema(description = "refunds of this order booked after its month and clawed back before this one") BigDecimal refundedBefore,
            @Schema(description = "the orders commission of orderPeriod recomputed as if the later refunds of its orders clawed back before this one had been booked in it") BigDecimal monthCommissionBefore,
            @Schema(description = "the same with this refund too") BigDecimal monthCommissionAfter,
            @Schema(description = "monthCommissionBefore - monthCommissionAfter: what the refunded amount added to orderPeriod") BigDecimal clawback) {
    }
}
