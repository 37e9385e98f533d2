package com.salesaffairs.performance.domain;

import java.time.Instant;

/** A rep's KPI figures for a month; a month without order facts reads as zeros. */
public record RepKpi(String repId, KpiPeriod period, String team, String region, String currency,
        KpiFigures figures, Instant updatedAt) {

    public static RepKpi of(KpiFact fact) {
        return new RepKpi(fact.repId(), fact.period(), fact.team(), fact.region(), fact.currency(), fact.figures(),
                fact.updatedAt());
    }

    /** No facts this month: zeros, with the team and region the rep was last seen in (null if never). */
    public static RepKpi none(String repId, KpiPeriod period, String team, String region) {
        return new RepKpi(repId, period, team, region, KpiFigures.CURRENCY, KpiFigures.ZERO, null);
    }
}
