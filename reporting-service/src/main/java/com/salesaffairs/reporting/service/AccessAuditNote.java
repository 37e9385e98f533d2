package com.salesaffairs.reporting.service;

import jakarta.enterprise.context.RequestScoped;

/**
 * What a request's handler knows for its audit line that the response does not show: why a download was
 * refused (the caller is answered a plain 404 when the export is not theirs, the audit says so), and how
 * many rows were handed out. The data-access filter writes it with the request's line.
 */
@RequestScoped
public class AccessAuditNote {
    private String reason;
    private Integer rowCount;

    public void refused(String why) {
        this.reason = why;
    }

    public void rows(int count) {
        this.rowCount = count;
    }

    public String reason() {
        return reason;
    }

    public Integer rowCount() {
        return rowCount;
    }
}
