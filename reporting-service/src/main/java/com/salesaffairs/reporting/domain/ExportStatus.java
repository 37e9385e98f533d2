package com.salesaffairs.reporting.domain;

/** PENDING until every required approver said yes (then APPROVED and produced) or one said no (REJECTED). */
public enum ExportStatus {
    PENDING, APPROVED, REJECTED
}
