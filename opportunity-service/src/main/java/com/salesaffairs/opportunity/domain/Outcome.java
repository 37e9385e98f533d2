package com.salesaffairs.opportunity.domain;

/** How an opportunity closed. */
public enum Outcome {
    WON, LOST;

    public OpportunityStage stage() {
        return this == WON ? OpportunityStage.WON : OpportunityStage.LOST;
    }
}
