package com.salesaffairs.performance.domain;

import java.math.BigDecimal;

/**
 * Revenue growth of a month against a base month: {@code growthPct = (revenue - base) / base * 100},
 * rounded half-up to 2 decimals. With a base of zero (or below, after refunds) growth is not defined:
 * {@code growthPct} is null and {@code reason} says so; it is never reported as infinite.
 */
public record ScorecardGrowth(String basePeriod, BigDecimal baseRevenue, BigDecimal growthPct, String reason) {

    public boolean defined() {
        return growthPct != null;
    }
}
