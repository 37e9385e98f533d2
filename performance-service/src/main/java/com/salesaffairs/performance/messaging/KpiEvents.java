package com.salesaffairs.performance.messaging;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.performance.domain.KpiSourceFigures;
import com.salesaffairs.performance.domain.RepKpi;
import com.salesaffairs.performance.repository.KpiSourceFactRepository;
import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;

/** The KPI facts reporting and dashboards keep a copy of. */
@ApplicationScoped
public class KpiEvents {
    public static final String KPI_UPDATED = "sales.kpi.updated.v1";

    /**
     * The rep's month as it now stands (absolute figures, not the delta), so a consumer can simply
     * keep the latest. Keyed by repId: all of a rep's updates share a partition and arrive in order.
     * The fields after updatedAt were added with the survey, report and opportunity facts (additive).
     */
    public record KpiUpdated(String repId, String period, String team, String region, String currency,
            BigDecimal salesAmount, BigDecimal costAmount, BigDecimal grossMargin, int orderCount, int refundCount,
            Instant updatedAt, BigDecimal satisfactionAvg, int surveyCount, int reportsDue, int reportsOnTime,
            BigDecimal onTimeRate, int opportunitiesWon, int opportunitiesLost, BigDecimal winRate) {
    }

    private final Outbox outbox;
    private final KpiSourceFactRepository sources;

    public KpiEvents(Outbox outbox, KpiSourceFactRepository sources) {
        this.outbox = outbox;
        this.sources = sources;
    }

    /** After a settled order or refund: the month's revenue row carries the time of the change. */
    public void updated(RepKpi kpi) {
        updated(kpi, kpi.updatedAt());
    }

    /** After any change to the rep's month, made at {@code at}. */
    public void updated(RepKpi kpi, Instant at) {
        Instant updatedAt = kpi.updatedAt() == null || at.isAfter(kpi.updatedAt()) ? at : kpi.updatedAt();
        KpiSourceFigures more = sources.of(kpi.repId(), kpi.period());
        outbox.record(Topics.PERFORMANCE, "rep-kpi", kpi.repId(), KPI_UPDATED,
                new KpiUpdated(kpi.repId(), kpi.period().toString(), kpi.team(), kpi.region(), kpi.currency(),
                        kpi.figures().salesAmount(), kpi.figures().costAmount(), kpi.figures().grossMargin(),
                        kpi.figures().orderCount(), kpi.figures().refundCount(), updatedAt, more.satisfactionAvg(),
                        more.surveyCount(), more.reportsDue(), more.reportsOnTime(), more.onTimeRate(),
                        more.opportunitiesWon(), more.opportunitiesLost(), more.winRate()));
    }
}
