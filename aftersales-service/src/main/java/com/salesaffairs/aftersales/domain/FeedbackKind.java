package com.salesaffairs.aftersales.domain;

/** What the customer wants from the case; COMPLAINT when the caller does not say. */
public enum FeedbackKind {
    COMPLAINT, INQUIRY, RETURN, REPAIR, SUGGESTION
}
