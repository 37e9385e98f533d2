package com.salesaffairs.opportunity.domain;

/** The taxonomy of why an opportunity closed, for win/loss learning (policy 3.1). */
public enum CloseReason {
    PRICE, COMPETITOR, NO_BUDGET, NO_DECISION, PRODUCT_FIT, TIMING, OTHER
}
