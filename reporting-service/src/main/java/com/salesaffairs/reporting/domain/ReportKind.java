package com.salesaffairs.reporting.domain;

/** The reports a rep owes under {@code reporting.schedule}: one per ISO week and one per month. */
public enum ReportKind {
    /** Covers an ISO-8601 week, written {@code 2026-W48}. */
    WEEKLY,
    /** Covers a calendar month, written {@code 2026-11}. */
    MONTHLY
}
