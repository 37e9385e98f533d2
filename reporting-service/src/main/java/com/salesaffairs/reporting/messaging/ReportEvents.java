package com.salesaffairs.reporting.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;
import com.salesaffairs.reporting.domain.SalesReport;

/**
 * The facts reporting publishes about sales reports, through the outbox in the caller's transaction.
 * The payload is what performance-service's on-time report KPI reads (reportId, repId, team, period,
 * dueAt, submittedAt, onTime), plus kind, region and the schedule version that set dueAt.
 */
@ApplicationScoped
public class ReportEvents {
    static final String SUBMITTED = "sales.report.submitted.v1";

    private final Outbox outbox;

    public ReportEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void submitted(SalesReport r) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reportId", r.id().toString());
        payload.put("repId", r.repId());
        payload.put("team", r.team());
        payload.put("region", r.region());
        payload.put("kind", r.kind().name());
        payload.put("period", r.period().label());
        payload.put("dueAt", r.dueAt().toString());
        payload.put("submittedAt", r.submittedAt().toString());
        payload.put("onTime", r.onTime());
        payload.put("scheduleVersion", r.scheduleVersion());
        outbox.record(Topics.REPORTING, "sales-report", r.id().toString(), SUBMITTED, payload);
    }
}
