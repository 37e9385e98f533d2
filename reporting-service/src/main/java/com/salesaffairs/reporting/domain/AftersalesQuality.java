package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well after-sales served in a window, next to the feedback counts: SLA compliance of the cases
 * resolved in it ({@code case_fact}) and the satisfaction surveys answered in it ({@code survey_fact}).
 *
 * @param cases the SLA block
 * @param satisfaction the survey block
 */
public record AftersalesQuality(CaseSla cases, Satisfaction satisfaction) {

    /**
     * Cases whose (last) resolution falls in the window. A case without an SLA verdict (only closed or
     * escalated events seen) is not in the compliance denominators.
     *
     * @param responseCompliance responseMet / cases judged on response x 100; null when none
     * @param resolutionCompliance resolutionMet / cases judged on resolution x 100; null when none
     * @param averageResolutionHours mean business hours the resolution clock ran; null when none
     * @param escalated resolved cases that were escalated at least once
     * @param reopened resolved cases that were reopened at least once
     */
    public record CaseSla(long resolved, long responseJudged, long responseMet, BigDecimal responseCompliance,
            long resolutionJudged, long resolutionMet, BigDecimal resolutionCompliance,
            BigDecimal averageResolutionHours, long escalated, long reopened) {

        public static CaseSla of(long resolved, long responseJudged, long responseMet, long resolutionJudged,
                long resolutionMet, BigDecimal averageResolutionHours, long escalated, long reopened) {
            return new CaseSla(resolved, responseJudged, responseMet, Percent.of(responseMet, responseJudged),
                    resolutionJudged, resolutionMet, Percent.of(resolutionMet, resolutionJudged), averageResolutionHours,
                    escalated, reopened);
        }
    }

    /**
     * Surveys answered in the window.
     *
     * @param averageScore mean score 1-5, two decimals half-up; null when none
     * @param byScore count per score "1".."5", every score present
     * @param promoters likelihood to recommend 9-10
     * @param detractors likelihood 0-6
     * @param nps (promoters - detractors) / surveys with a likelihood x 100, two decimals; null when none
     */
    public record Satisfaction(long surveys, BigDecimal averageScore, Map<String, Long> byScore, long promoters,
            long passives, long detractors, BigDecimal nps) {

        public static Satisfaction of(Map<Integer, Long> scores, BigDecimal averageScore, long promoters, long passives,
                long detractors) {
            Map<String, Long> byScore = new LinkedHashMap<>();
            for (int s = 1; s <= 5; s++) {
                byScore.put(Integer.toString(s), scores.getOrDefault(s, 0L));
            }
            long surveys = byScore.values().stream().mapToLong(Long::longValue).sum();
            long rated = promoters + passives + detractors;
            return new Satisfaction(surveys, averageScore, byScore, promoters, passives, detractors,
                    Percent.of(promoters - detractors, rated));
        }
    }

    /** Nothing in reach: zero counts, null rates. */
    public static AftersalesQuality none() {
        return new AftersalesQuality(CaseSla.of(0, 0, 0, 0, 0, null, 0, 0), Satisfaction.of(Map.of(), null, 0, 0, 0));
    }
}
