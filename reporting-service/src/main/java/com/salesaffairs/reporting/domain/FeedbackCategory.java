package com.salesaffairs.reporting.domain;

/** The categories of {@code sales.feedback.logged.v1}. */
public enum FeedbackCategory {
    PRODUCT_QUALITY, DELIVERY, BILLING, SERVICE, OTHER
}
