package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ratios as the reports show them: part / whole x 100 with two decimals, half-up (as performance-service
 * rounds its KPI rates), and null when the whole is zero, because "no data" is not "0 %".
 */
public final class Percent {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {
    }

    public static BigDecimal of(long part, long whole) {
        return whole == 0 ? null : of(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    public static BigDecimal of(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
