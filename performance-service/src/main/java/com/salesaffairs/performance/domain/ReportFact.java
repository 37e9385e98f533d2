package com.salesaffairs.performance.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A sales report handed in ({@code sales.report.submitted.v1}), counted in the month (UTC) it was
 * due, whenever it was submitted: a report due in March and handed in on 2 April is a late March report.
 */
public record ReportFact(UUID reportId, String repId, String team, String reportPeriod, Instant dueAt,
        Instant submittedAt, boolean onTime) {

    public ReportFact {
        if (reportId == null) {
            throw new InvalidKpiFact("report fact without reportId");
        }
        if (repId == null || repId.isBlank()) {
            throw new InvalidKpiFact("report fact without repId");
        }
        if (dueAt == null) {
            throw new InvalidKpiFact("report fact without dueAt");
        }
        if (submittedAt == null) {
            throw new InvalidKpiFact("report fact without submittedAt");
        }
        if (reportPeriod != null && reportPeriod.length() > 20) {
            throw new InvalidKpiFact("report period '" + reportPeriod + "' is longer than 20 characters");
        }
    }

    public KpiPeriod period() {
        return KpiPeriod.of(dueAt);
    }
}
