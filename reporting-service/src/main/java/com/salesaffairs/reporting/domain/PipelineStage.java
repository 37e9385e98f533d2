package com.salesaffairs.reporting.domain;

import java.util.List;
import java.util.Optional;

/**
 * opportunity-service's sales stages (policy 3.1) in funnel order, then the two ends. Reporting keeps
 * its own copy because the stage names are a contract of {@code sales.opportunity.*.v1}: a new stage
 * is a contract change.
 */
public enum PipelineStage {
    QUALIFICATION, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION, WON, LOST;

    /** The open stages, in the order an opportunity moves through them. */
    public static final List<PipelineStage> OPEN = List.of(QUALIFICATION, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION);

    public static Optional<PipelineStage> fromName(String name) {
        for (PipelineStage stage : values()) {
            if (stage.name().equals(name)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }

    /** The stage after this one in the funnel: the next open stage, WON after NEGOTIATION; none for WON and LOST. */
    public Optional<PipelineStage> next() {
        return switch (this) {
            case QUALIFICATION -> Optional.of(NEEDS_ANALYSIS);
            case NEEDS_ANALYSIS -> Optional.of(PROPOSAL);
            case PROPOSAL -> Optional.of(NEGOTIATION);
            case NEGOTIATION -> Optional.of(WON);
            case WON, LOST -> Optional.empty();
        };
    }
}
