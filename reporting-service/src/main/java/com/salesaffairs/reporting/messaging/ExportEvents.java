package com.salesaffairs.reporting.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;
import com.salesaffairs.reporting.domain.DataExport;
import com.salesaffairs.reporting.domain.ExportPolicy;

/**
 * {@code sales.export.approved.v1} through the outbox in the approving transaction: what left or may
 * leave the company, for whom, why, approved by whom, and the fingerprint of what was produced. Never
 * the data itself, nor the link token.
 */
@ApplicationScoped
public class ExportEvents {
    static final String APPROVED = "sales.export.approved.v1";

    private final Outbox outbox;

    public ExportEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void approved(DataExport e, ExportPolicy policy) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("exportId", e.id().toString());
        payload.put("dataset", e.dataset().name());
        payload.put("fields", e.fields());
        payload.put("sensitiveFields", e.sensitiveFields());
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("from", e.filters().from() == null ? null : e.filters().from().toString());
        filters.put("to", e.filters().to() == null ? null : e.filters().to().toString());
        filters.put("team", e.filters().team());
        filters.put("region", e.filters().region());
        payload.put("filters", filters);
        payload.put("purpose", e.purpose());
        payload.put("recipient", e.recipient());
        payload.put("requesterId", e.requesterId());
        List<Map<String, Object>> approvals = new ArrayList<>();
        approvals.add(approval(policy.approverRole(), e.stewardId(), e.stewardAt().toString()));
        if (e.directorId() != null) {
            approvals.add(approval(policy.sensitiveApproverRole(), e.directorId(), e.directorAt().toString()));
        }
        payload.put("approvals", approvals);
        payload.put("approvedAt", e.decidedAt().toString());
        payload.put("rowCount", e.rowCount());
        payload.put("contentSha256", e.contentSha256());
        payload.put("linkExpiresAt", e.linkExpiresAt().toString());
        payload.put("maxDownloads", e.maxDownloads());
        payload.put("policyVersion", e.policyVersion());
        outbox.record(Topics.REPORTING, "data-export", e.id().toString(), APPROVED, payload);
    }

    private static Map<String, Object> approval(String role, String by, String at) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("role", role);
        a.put("approverId", by);
        a.put("approvedAt", at);
        return a;
    }
}
