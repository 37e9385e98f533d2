package com.salesaffairs.opportunity.domain;

import java.util.List;

/** The sales stages of policy 3.1's follow-up, then the two ways an opportunity closes. */
public enum OpportunityStage {
    QUALIFICATION, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION, WON, LOST;

    public static final List<OpportunityStage> OPEN = List.of(QUALIFICATION, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION);

    public boolean isOpen() {
        return this != WON && this != LOST;
    }
}
