package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.util.Comparator;

/** A rep's scorecard with the team and region of the rep's facts that month, as a leaderboard ranks it. */
public record ScorecardOfRep(String repId, String team, String region, Scorecard scorecard) {

    /** Best score first; reps without a grade last; ties by net revenue, then by id so the order is stable. */
    public static final Comparator<ScorecardOfRep> RANKING = Comparator
            .comparing((ScorecardOfRep r) -> r.scorecard().score(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(ScorecardOfRep::revenue, Comparator.reverseOrder())
            .thenComparing(ScorecardOfRep::repId);

    public BigDecimal revenue() {
        ScorecardKpi revenue = scorecard.kpi(KpiScoring.REVENUE);
        return revenue == null || revenue.value() == null ? BigDecimal.ZERO.setScale(2) : revenue.value();
    }
}
