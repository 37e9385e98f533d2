package com.salesaffairs.aftersales.domain;

/** What a history entry records. */
public enum CaseAction {
    LOGGED, ASSIGNED, TRANSFERRED, COMMENTED, RESPONDED, WAITING_FOR_CUSTOMER, RESUMED, RESOLVED, CONFIRMED,
    REOPENED, WARNING, ESCALATED
}
