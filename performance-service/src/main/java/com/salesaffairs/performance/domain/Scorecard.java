package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The appraisal of a rep (or a team) for one month: each KPI, the weighted score 0-100 and the
 * grade from the {@code performance.kpi} version that computed it. {@code score} and {@code grade}
 * are null when no KPI could be scored. {@code frozen} is true for a closed month, read from the
 * appraisal as it was closed ({@code closedAt}), never recomputed.
 */
public record Scorecard(String period, List<ScorecardKpi> kpis, ScorecardGrowth yearOverYear,
        ScorecardGrowth monthOverMonth, BigDecimal score, String grade, String policyKey, int policyVersion,
        boolean frozen, Instant closedAt) {

    public Scorecard {
        kpis = List.copyOf(kpis);
    }

    public boolean graded() {
        return grade != null;
    }

    public ScorecardKpi kpi(String name) {
        return kpis.stream().filter(k -> k.kpi().equals(name)).findFirst().orElse(null);
    }

    public Scorecard frozenAt(Instant at) {
        return new Scorecard(period, kpis, yearOverYear, monthOverMonth, score, grade, policyKey, policyVersion, true, at);
    }
}
