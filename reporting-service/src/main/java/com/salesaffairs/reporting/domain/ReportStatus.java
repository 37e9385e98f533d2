package com.salesaffairs.reporting.domain;

/** DRAFT (the rep edits it) to SUBMITTED (figures and due time fixed) to REVIEWED (the manager commented). */
public enum ReportStatus {
    DRAFT, SUBMITTED, REVIEWED
}
