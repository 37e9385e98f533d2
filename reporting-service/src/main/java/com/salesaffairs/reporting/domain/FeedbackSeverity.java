package com.salesaffairs.reporting.domain;

/** The severities of {@code sales.feedback.logged.v1}. */
public enum FeedbackSeverity {
    LOW, MEDIUM, HIGH, CRITICAL
}
