package com.salesaffairs.aftersales.domain;

/**
 * Where a case stands: OPEN when logged; IN_PROGRESS once assigned or answered; WAITING_FOR_CUSTOMER
 * while the resolution clock is paused; RESOLVED with a solution; CLOSED when the customer confirmed it.
 * The moves are the methods of {@link ServiceCase}.
 */
public enum CaseStatus {
    OPEN, IN_PROGRESS, WAITING_FOR_CUSTOMER, RESOLVED, CLOSED;

    /** The clocks run (or are paused) and the case can still be worked. */
    public boolean active() {
        return this == OPEN || this == IN_PROGRESS || this == WAITING_FOR_CUSTOMER;
    }
}
