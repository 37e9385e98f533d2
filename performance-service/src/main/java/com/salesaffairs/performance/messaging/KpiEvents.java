package com.salesaffairs.performance.messaging;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.performance.domain.RepKpi;
import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;

/** The KPI facts reporting and dashboards keep a copy of. */
@ApplicationScoped
public class KpiEvents {
    public static final String KPI_UPDATED = "sales.kpi.updated.v1";

    /**
     * The rep's month as it now stands (absolute figures, not the delta), so a consumer can simply
     * keep the latest. Keyed by repId: all of a rep's updates share a partition and arrive in order.
     */
    public record KpiUpdated(String repId, String period, String team, String region, String currency,
            BigDecimal salesAmount, BigDecimal costAmount, BigDecimal grossMargin, int orderCount, int refundCount,
            Instant updatedAt) {
    }

    private final Outbox outbox;

    public KpiEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void updated(RepKpi kpi) {
        outbox.record(Topics.PERFORMANCE, "rep-kpi", kpi.repId(), KPI_UPDATED,
                new KpiUpdated(kpi.repId(), kpi.period().toString(), kpi.team(), kpi.region(), kpi.currency(),
                        kpi.figures().salesAmount(), kpi.figures().costAmount(), kpi.figures().grossMargin(),
                        kpi.figures().orderCount(), kpi.figures().refundCount(), kpi.updatedAt()));
    }
}
