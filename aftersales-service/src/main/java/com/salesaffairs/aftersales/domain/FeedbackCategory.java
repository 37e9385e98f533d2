package com.salesaffairs.aftersales.domain;

/** What the feedback is about; the departments a case involves follow from it. */
public enum FeedbackCategory {
    PRODUCT_QUALITY, DELIVERY, BILLING, SERVICE, OTHER
}
