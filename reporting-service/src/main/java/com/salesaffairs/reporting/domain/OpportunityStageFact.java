package com.salesaffairs.reporting.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An opportunity seen in a stage ({@code opportunity_stage_fact}): the earliest time any event showed it
 * there. Created, stage-changed, won, lost and reopened events name when the stage was entered; assigned
 * and activity-logged events only show it was in the stage by their {@code recordedAt}, which a later
 * delivery of the stage change moves back. A stage reached, left and reached again keeps its first arrival.
 */
public record OpportunityStageFact(UUID opportunityId, OpportunityStage stage, Instant enteredAt, String team,
        String assigneeId) {
}
