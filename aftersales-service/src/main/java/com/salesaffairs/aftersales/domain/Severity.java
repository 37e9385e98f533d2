package com.salesaffairs.aftersales.domain;

/** How badly the customer is affected; sets the SLA clock from the {@code aftersales.sla} policy. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
