package com.salesaffairs.opportunity.service;

import java.time.Instant;
import java.util.UUID;

import com.salesaffairs.opportunity.domain.ActivityType;
import com.salesaffairs.opportunity.domain.Opportunity;

/** The inputs of the opportunity use cases, as the resources hand them over. */
public final class OpportunityCommands {
    private OpportunityCommands() {
    }

    public record CaptureInput(UUID customerId, Opportunity.Details details, String region, Instant nextFollowUpAt) {
    }

    public record ActivityInput(ActivityType type, Instant occurredAt, String summary, String nextStep,
            Instant nextFollowUpAt) {
    }
}
