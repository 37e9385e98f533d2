package com.salesaffairs.opportunity.domain;

/** A follow-up step; a NOTE is written for the team, not a contact with the customer. */
public enum ActivityType {
    CALL, MEETING, VISIT, EMAIL, NOTE;

    public boolean isCustomerContact() {
        return this != NOTE;
    }
}
