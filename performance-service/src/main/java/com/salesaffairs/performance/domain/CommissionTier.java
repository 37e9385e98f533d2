package com.salesaffairs.performance.domain;

import java.math.BigDecimal;

/**
 * One band of {@code performance.commission}: revenue from {@code fromAttainment} percent of the
 * month's target up to the next band's start earns {@code rate} (0.04 = 4%).
 */
public record CommissionTier(BigDecimal fromAttainment, BigDecimal rate) {
}
