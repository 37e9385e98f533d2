package com.salesaffairs.performance.domain;

/**
 * A month was closed for appraisal: its scores and grades are frozen in {@code appraisal_result}.
 * Fired as a CDI event inside the closing transaction, so what observers write (reward
 * recommendations) commits or rolls back with the close.
 */
public record PeriodClosed(KpiPeriod period, String closedBy, int kpiPolicyVersion) {
}
