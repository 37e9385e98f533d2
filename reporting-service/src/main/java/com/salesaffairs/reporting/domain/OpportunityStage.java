package com.salesaffairs.reporting.domain;

/** The stages of {@code sales.opportunity.*.v1}, in pipeline order; a value the contract does not list goes to the DLQ. */
public enum OpportunityStage {
    QUALIFICATION, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION, WON, LOST;

    public boolean closed() {
        return this == WON || this == LOST;
    }
}
