package com.salesaffairs.reporting.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.salesaffairs.platform.rest.Versioned;
import com.salesaffairs.reporting.domain.AccessAuditEntry;
import com.salesaffairs.reporting.domain.CustomerContact;
import com.salesaffairs.reporting.domain.CustomerDirectoryEntry;
import com.salesaffairs.reporting.domain.DataExport;

/** What the data-export, customer-directory and data-access-audit endpoints take and answer. */
public final class DataExportViews {
    static final int TEXT = 2000;

    private DataExportViews() {
    }

    @Schema(name = "DataExportFilters", description = "Which rows: days from..to (both included; settlement day for"
            + " SALES_ORDERS, registration day for CUSTOMERS), one team, one region; omitted means no limit. Your own"
            + " reach always applies on top (a rep: own records; a manager: own team).")
    public record ExportFiltersRequest(
            @Schema(format = "date", example = "2026-11-01") String from,
            @Schema(format = "date", example = "2026-11-30") String to,
            @Size(max = 100) String team,
            @Size(max = 100) String region) {
    }

    @Schema(name = "DataExportRequest", example = """
            {"dataset": "CUSTOMERS", "fields": ["customerId", "customerName", "segment", "city", "contactName", "contactEmail"],
             "filters": {"from": "2026-01-01", "to": "2026-11-30", "team": "east-1"},
             "purpose": "Joint trade-show invitation list with our distributor",
             "recipient": "Hangzhou Tools Distribution Co., Ltd. (marketing department)"}""")
    public record DataExportRequest(
            @NotBlank @Schema(enumeration = { "CUSTOMERS", "SALES_ORDERS" }) String dataset,
            @NotEmpty @Size(max = 30) @Schema(description = "fields of the dataset, see the README; sensitive ones"
                    + " (reporting.export sensitiveFields) need the sales director's approval too") List<@NotBlank String> fields,
            @Valid ExportFiltersRequest filters,
            @NotBlank @Size(max = TEXT) String purpose,
            @NotBlank @Size(max = 300) String recipient) {
    }

    @Schema(name = "DataExportDecisionRequest", example = """
            {"decision": "APPROVE", "comment": "Purpose and recipient checked against the distributor agreement"}""")
    public record DataExportDecisionRequest(
            @NotBlank @Schema(enumeration = { "APPROVE", "REJECT" }) String decision,
            @NotNull @NotBlank @Size(max = TEXT) String comment) {
    }

    @Schema(name = "DataExportApproval", description = "One approver's decision")
    public record ApprovalView(String deciderId, @Schema(enumeration = { "APPROVE", "REJECT" }) String decision,
            String comment, Instant decidedAt) {
        static ApprovalView of(String by, String decision, String comment, Instant at) {
            return by == null ? null : new ApprovalView(by, decision, comment, at);
        }
    }

    @Schema(name = "DataExportLink", description = "The download link: shown to the requester only")
    public record LinkView(@Schema(description = "GET it with your bearer token; answers text/csv") String url,
            Instant expiresAt, int maxDownloads, int downloads, int downloadsLeft) {
    }

    @Schema(name = "DataExportFiltersView")
    public record FiltersView(String from, String to, String team, String region) {
    }

    @Schema(name = "DataExport", description = "A data export request with its approvals and, once produced, its"
            + " fingerprint and (for the requester) its link")
    public record DataExportView(UUID id, @Schema(enumeration = { "CUSTOMERS", "SALES_ORDERS" }) String dataset,
            List<String> fields, List<String> sensitiveFields, FiltersView filters, String purpose, String recipient,
            String requesterId, @Schema(enumeration = { "PENDING", "APPROVED", "REJECTED" }) String status,
            @Schema(description = "approvals this request needs: data-steward, and sales-director when sensitiveFields is not empty")
            List<String> requiredApprovals,
            ApprovalView steward, ApprovalView director, int policyVersion, Instant createdAt, Instant decidedAt,
            Instant producedAt, Integer rowCount, String contentSha256, LinkView link, long version) implements Versioned {

        static DataExportView of(DataExport e, String callerId) {
            var f = e.filters();
            LinkView link = null;
            if (e.producedAt() != null && e.requesterId().equals(callerId)) {
                link = new LinkView("/api/v1/data-exports/" + e.id() + "/download?token=" + e.linkToken(),
                        e.linkExpiresAt(), e.maxDownloads(), e.downloads(), Math.max(0, e.maxDownloads() - e.downloads()));
            }
            return new DataExportView(e.id(), e.dataset().name(), e.fields(), e.sensitiveFields(),
                    new FiltersView(f.from() == null ? null : f.from().toString(), f.to() == null ? null : f.to().toString(),
                            f.team(), f.region()),
                    e.purpose(), e.recipient(), e.requesterId(), e.status().name(),
                    e.requiredApprovals().stream().map(a -> a == DataExport.Approval.STEWARD ? "data-steward" : "sales-director").toList(),
                    ApprovalView.of(e.stewardId(), e.stewardDecision(), e.stewardComment(), e.stewardAt()),
                    ApprovalView.of(e.directorId(), e.directorDecision(), e.directorComment(), e.directorAt()),
                    e.policyVersion(), e.createdAt(), e.decidedAt(), e.producedAt(), e.rowCount(), e.contentSha256(), link,
                    e.version());
        }
    }

    @Schema(name = "CustomerContact", description = "A person at the customer; name, phone, email masked unless you work with the customer")
    public record ContactView(String name, String title, String phone, String email) {
        static ContactView of(CustomerContact c) {
            return new ContactView(c.name(), c.title(), c.phone(), c.email());
        }
    }

    @Schema(name = "CustomerDirectoryEntry", description = "A customer as reporting knows it from sales.customer.* events."
            + " masked=true: registrationId, email, phone and the contacts' names, phones and emails are masked"
            + " (reporting.export maskedFields) because you do not own the customer or manage its team.")
    public record CustomerView(UUID customerId, String name, String registrationId, String segment, String industry,
            String country, String city, String email, String phone, List<ContactView> contacts, String ownerId, String team,
            String region, Instant registeredAt, Instant updatedAt, boolean masked) {
        static CustomerView of(CustomerDirectoryEntry c) {
            return new CustomerView(c.customerId(), c.name(), c.registrationId(), c.segment(), c.industry(), c.country(),
                    c.city(), c.email(), c.phone(), c.contacts().stream().map(ContactView::of).toList(), c.ownerId(),
                    c.team(), c.region(), c.registeredAt(), c.updatedAt(), c.masked());
        }
    }

    @Schema(name = "DataAccessAuditEntry", description = "One data read or export step, as recorded (never changed)")
    public record AuditView(long id, Instant occurredAt, String userId, String username, String roles, String team,
            @Schema(enumeration = { "READ", "EXPORT_REQUEST", "EXPORT_DECISION", "EXPORT_PRODUCED", "EXPORT_DOWNLOAD" }) String action,
            String method, String path, @Schema(description = "the query string; a link token is replaced by ***") String query,
            @Schema(description = "the id in the path (an export's, a report's), if any") String resourceId,
            int status, @Schema(enumeration = { "GRANTED", "REFUSED" }) String outcome, String reason, Integer rowCount) {
        static AuditView of(AccessAuditEntry e) {
            return new AuditView(e.id(), e.occurredAt(), e.userId(), e.username(), e.roles(), e.team(), e.action(),
                    e.method(), e.path(), e.query(), e.resourceId(), e.status(), e.outcome(), e.reason(), e.rowCount());
        }
    }

    /** Page schemas, for the OpenAPI document (a generic PageResponse has no schema of its own). */
    @Schema(name = "DataExportPage")
    public record DataExportPage(List<DataExportView> items, int page, int size, long total) {
    }

    @Schema(name = "CustomerDirectoryPage")
    public record CustomerPage(List<CustomerView> items, int page, int size, long total) {
    }

    @Schema(name = "DataAccessAuditPage")
    public record AuditPage(List<AuditView> items, int page, int size, long total) {
    }
}
