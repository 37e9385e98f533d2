package com.salesaffairs.reporting.domain;

/** The customer segments of {@code sales.customer.*.v1}; a value the contract does not list goes to the DLQ. */
public enum CustomerSegment {
    ENTERPRISE, MID_MARKET, SMALL_BUSINESS, PUBLIC_SECTOR
}
