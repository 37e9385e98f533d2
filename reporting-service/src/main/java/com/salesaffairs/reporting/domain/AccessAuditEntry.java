package com.salesaffairs.reporting.domain;

import java.time.Instant;

/**
 * One line of the data-access audit (issue 15: every data read and export lands in an access audit
 * that the audit itself cannot alter): who read or tried to read what, when, and what they got.
 *
 * @param action READ, EXPORT_REQUEST, EXPORT_DECISION, EXPORT_PRODUCED or EXPORT_DOWNLOAD
 * @param outcome GRANTED (2xx) or REFUSED (any 4xx or 5xx)
 * @param rowCount items answered, where the answer is a list or an export
 */
public record AccessAuditEntry(Long id, Instant occurredAt, String userId, String username, String roles, String team,
        String action, String method, String path, String query, String resourceId, int status, String outcome,
        String reason, Integer rowCount) {

    public static final String GRANTED = "GRANTED";
    public static final String REFUSED = "REFUSED";
}
