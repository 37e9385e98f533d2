package com.salesaffairs.opportunity.domain;

/** The market segment a customer belongs to; a new value is a contract change of the customer events. */
public enum CustomerSegment {
    ENTERPRISE, MID_MARKET, SMALL_BUSINESS, PUBLIC_SECTOR
}
