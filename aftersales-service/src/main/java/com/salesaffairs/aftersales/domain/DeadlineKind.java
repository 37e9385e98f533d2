package com.salesaffairs.aftersales.domain;

/** The two SLA clocks of a case. */
public enum DeadlineKind {
    RESPONSE, RESOLUTION
}
