package com.salesaffairs.reporting.rest;

import java.math.BigDecimal;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.salesaffairs.reporting.domain.AftersalesQuality;

/** The SLA and satisfaction blocks of the after-sales summary. */
public final class AftersalesQualityViews {
    private AftersalesQualityViews() {
    }

    @Schema(name = "AftersalesCaseSla", description = "SLA compliance of the cases whose (last) resolution falls in the window (case_fact). "
            + "A case seen only through closed or escalated events has no verdict and is not in the denominators.")
    public record AftersalesCasesView(
            @Schema(description = "cases resolved in the window", example = "4") long resolved,
            @Schema(description = "resolved cases with a response verdict") long responseJudged,
            long responseMet,
            @Schema(description = "responseMet / responseJudged x 100, two decimals half-up; null when none", nullable = true) BigDecimal responseCompliance,
            @Schema(description = "resolved cases with a resolution verdict") long resolutionJudged,
            long resolutionMet,
            @Schema(description = "resolutionMet / resolutionJudged x 100, two decimals half-up; null when none", nullable = true) BigDecimal resolutionCompliance,
            @Schema(description = "mean business hours the resolution clock ran (waiting for the customer excluded); null when none", nullable = true) BigDecimal averageResolutionHours,
            @Schema(description = "resolved cases escalated at least once") long escalated,
            @Schema(description = "resolved cases reopened at least once") long reopened) {

        static AftersalesCasesView of(AftersalesQuality.CaseSla c) {
            return new AftersalesCasesView(c.resolved(), c.responseJudged(), c.responseMet(), c.responseCompliance(),
                    c.resolutionJudged(), c.resolutionMet(), c.resolutionCompliance(), c.averageResolutionHours(),
                    c.escalated(), c.reopened());
        }
    }

    @Schema(name = "AftersalesSatisfaction", description = "Satisfaction surveys answered in the window (survey_fact)")
    public record AftersalesSatisfactionView(
            long surveys,
            @Schema(description = "mean score 1 (very unsatisfied) to 5, two decimals half-up; null when none", nullable = true) BigDecimal averageScore,
            @Schema(description = "surveys per score, keys \"1\" to \"5\", every score present") Map<String, Long> byScore,
            @Schema(description = "likelihood to recommend 9-10") long promoters,
            @Schema(description = "likelihood 7-8") long passives,
            @Schema(description = "likelihood 0-6") long detractors,
            @Schema(description = "net promoter score: (promoters - detractors) / surveys x 100, two decimals; null when none", nullable = true) BigDecimal nps) {

        static AftersalesSatisfactionView of(AftersalesQuality.Satisfaction s) {
            return new AftersalesSatisfactionView(s.surveys(), s.averageScore(), s.byScore(), s.promoters(), s.passives(),
                    s.detractors(), s.nps());
        }
    }
}
