package com.salesaffairs.aftersales.domain;

/**
 * Where a case stands. A case is opened by logged feedback; the moves between the other states
 * (assign, respond, wait for the customer, resolve, confirm, reopen) come with the case-handling
 * endpoints of docs/architecture.md (API map), so lists can already filter by them.
 */
public enum CaseStatus {
    OPEN, IN_PROGRESS, WAITING_FOR_CUSTOMER, RESOLVED, CLOSED
}
