package com.salesaffairs.reporting.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.platform.idempotency.Created;
import com.salesaffairs.platform.idempotency.IdempotentCreates;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.problem.Violation;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.rest.QueryParameters;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;
import com.salesaffairs.reporting.domain.DataExport;
import com.salesaffairs.reporting.domain.ExportDataset;
import com.salesaffairs.reporting.domain.ExportFilters;
import com.salesaffairs.reporting.domain.ExportStatus;
import com.salesaffairs.reporting.rest.DataExportViews.DataExportDecisionRequest;
import com.salesaffairs.reporting.rest.DataExportViews.DataExportPage;
import com.salesaffairs.reporting.rest.DataExportViews.DataExportRequest;
import com.salesaffairs.reporting.rest.DataExportViews.DataExportView;
import com.salesaffairs.reporting.rest.DataExportViews.ExportFiltersRequest;
import com.salesaffairs.reporting.service.DataExportService;

/**
 * External sharing only through an approved data export (policy 5; issue 15, capability 5): request,
 * decision by the data steward (and for sensitive fields the sales director), a download link for the
 * requester that expires and works a limited number of times. Every call here is in the data-access audit.
 */
@Path("/api/v1/data-exports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "data-exports")
public class DataExportResource {
    static final String CSV = "text/csv";
    private static final String REQUESTERS = "sales-rep (own records), sales-manager (their team's), sales-director,"
            + " executive, admin (all)";

    private final DataExportService exports;
    private final IdempotentCreates idempotent;
    private final CallerScope caller;

    public DataExportResource(DataExportService exports, IdempotentCreates idempotent, CallerScope caller) {
        this.exports = exports;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "requestDataExport", summary = "Request a data export for an outside party (" + REQUESTERS + ")",
            description = "Names dataset (CUSTOMERS or SALES_ORDERS), fields, filters, purpose and recipient. Status"
                    + " PENDING; the data-steward decides, and when a field is sensitive under reporting.export"
                    + " (customerName, registrationId, email, phone, contactName, contactPhone, contactEmail in v2) the"
                    + " sales-director too. The rows are those you may read yourself. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "requested; Location /api/v1/data-exports/{id}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataExportView.class)))
    @APIResponse(responseCode = "400", description = "dataset unknown, a field not of the dataset (fields[i]), a filter date"
            + " malformed or reversed, purpose or recipient missing")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not request exports (data-steward, functional roles), or"
            + " filters.team is not your team (rep, manager)")
    @APIResponse(responseCode = "422", description = "idempotency-key.reused with another body")
    public Response request(@HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Valid @NotNull DataExportRequest request) {
        ExportDataset dataset = QueryParameters.enumValue(ExportDataset.class, "dataset", request.dataset());
        ExportFilters filters = filters(request.filters());
        Scope requester = caller.get();
        return idempotent.create(idempotencyKey, requester.userId(), "data-export.request", request, () -> {
            DataExport e = exports.request(dataset, request.fields(), filters, request.purpose().trim(),
                    request.recipient().trim(), requester);
            return new Created<>(URI.create("/api/v1/data-exports/" + e.id()), DataExportView.of(e, requester.userId()));
        });
    }

    @GET
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.DATA_STEWARD })
    @Operation(operationId = "listDataExports", summary = "Data export requests, newest first",
            description = "data-steward, sales-director, admin: every request (they decide or oversee); sales-rep,"
                    + " sales-manager, executive: their own requests. Filter status. The link is shown to the requester only.")
    @APIResponse(responseCode = "200", description = "a page of requests",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataExportPage.class)))
    @APIResponse(responseCode = "400", description = "status not PENDING, APPROVED or REJECTED; page or size out of range")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "functional roles other than data-steward")
    public PageResponse<DataExportView> list(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "PENDING", "APPROVED", "REJECTED" }))
            @QueryParam("status") String status,
            @Valid @BeanParam PageParams page) {
        ExportStatus s = QueryParameters.enumValue(ExportStatus.class, "status", status);
        Scope scope = caller.get();
        return PageResponse.of(exports.list(scope, s, page).stream().map(e -> DataExportView.of(e, scope.userId())).toList(),
                page, exports.count(scope, s));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.DATA_STEWARD })
    @Operation(operationId = "getDataExport", summary = "One data export request; ETag is its version",
            description = "The requester, data-steward, sales-director, admin; anyone else 404. The download link"
                    + " (with its token) is in 'link' for the requester once it is produced.")
    @APIResponse(responseCode = "200", description = "the request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataExportView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "functional roles other than data-steward")
    @APIResponse(responseCode = "404", description = "unknown, or not yours to see")
    public Response get(@PathParam("id") String id) {
        Scope scope = caller.get();
        DataExport e = exports.visible(QueryParameters.uuid("id", id), scope);
        return Response.ok(DataExportView.of(e, scope.userId())).tag(new EntityTag(Long.toString(e.version()))).build();
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.DATA_STEWARD, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "decideDataExport", summary = "Approve or reject a data export (data-steward; sales-director"
            + " for requests with sensitive fields)",
            description = "The roles come from the reporting.export version stamped on the request (v2: approverRole"
                    + " data-steward, sensitiveApproverRole sales-director). A rejection ends the request. The last"
                    + " required approval produces the export once: CSV from the read models the requester may read,"
                    + " watermarked with the request id, a link valid for link.expiresAfterHours and"
                    + " link.maxDownloads downloads, sales.export.approved.v1.")
    @APIResponse(responseCode = "200", description = "the request after the decision",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataExportView.class)))
    @APIResponse(responseCode = "400", description = "decision not APPROVE or REJECT, comment missing")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "not an approver role of the request's policy version")
    @APIResponse(responseCode = "404", description = "unknown request")
    @APIResponse(responseCode = "409", description = "already APPROVED or REJECTED, or your role's decision is already in")
    @APIResponse(responseCode = "422", description = "rule data-export.four-eyes (your own request, or you already"
            + " decided it), data-export.approver-role (a director on a request without sensitive fields)")
    public Response decide(@PathParam("id") String id, @Valid @NotNull DataExportDecisionRequest request) {
        UUID exportId = QueryParameters.uuid("id", id);
        String decision = request.decision().trim();
        if (!decision.equals("APPROVE") && !decision.equals("REJECT")) {
            throw ApiProblem.invalid("decision", "'" + request.decision() + "' is not one of [APPROVE, REJECT]");
        }
        Scope decider = caller.get();
        DataExport e = exports.decide(exportId, decision.equals("APPROVE"), request.comment().trim(), decider);
        return Response.ok(DataExportView.of(e, decider.userId())).tag(new EntityTag(Long.toString(e.version()))).build();
    }

    @GET
    @Path("/{id}/download")
    @Produces(CSV)
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.DATA_STEWARD })
    @Operation(operationId = "downloadDataExport", summary = "Download a produced export as CSV (the requester only,"
            + " with the link's token)",
            description = "text/csv (UTF-8, CRLF): a first comment line naming the export id as watermark, a header"
                    + " line, and every row starting with the watermark column (the export id). Works until the"
                    + " link expires and for link.maxDownloads downloads; every attempt, refused ones included, is in"
                    + " the data-access audit.")
    @APIResponse(responseCode = "200", description = "the CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "rule data-export.link-token: the token is missing or wrong")
    @APIResponse(responseCode = "404", description = "unknown, or not your request (refused and audited)")
    @APIResponse(responseCode = "409", description = "the request is PENDING or REJECTED: nothing to download")
    @APIResponse(responseCode = "410", description = "rule data-export.link-expired (after 72 h in v2) or"
            + " data-export.link-used-up (after 3 downloads in v2)")
    public Response download(@PathParam("id") String id,
            @Parameter(description = "the token of the link in the request's view") @QueryParam("token") String token) {
        DataExportService.Download d = exports.download(QueryParameters.uuid("id", id), token, caller.get());
        return Response.ok(d.csv(), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"data-export-" + d.export().id() + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * HEAD would run the GET method and use up one of the link's downloads without delivering anything:
     * a download is a GET only.
     */
    @HEAD
    @Path("/{id}/download")
    @Operation(hidden = true)
    public Response headDownload(@PathParam("id") String id) {
        return Response.status(Response.Status.METHOD_NOT_ALLOWED).header("Allow", "GET").build();
    }

    private static ExportFilters filters(ExportFiltersRequest f) {
        if (f == null) {
            return new ExportFilters(null, null, null, null);
        }
        List<Violation> violations = new ArrayList<>();
        LocalDate from = date("filters.from", f.from(), violations);
        LocalDate to = date("filters.to", f.to(), violations);
        if (from != null && to != null && to.isBefore(from)) {
            violations.add(new Violation("filters.to", "must be on or after filters.from (" + from + ")"));
        } else if (from != null && to != null && !to.isBefore(from.plusYears(5))) {
            violations.add(new Violation("filters.to", "an export covers at most five years: last day "
                    + from.plusYears(5).minusDays(1)));
        }
        if (!violations.isEmpty()) {
            throw new ApiProblem(400, "invalid-request", "Invalid request", "filters: " + violations.get(0).field() + " "
                    + violations.get(0).message(), null, violations);
        }
        return new ExportFilters(from, to, blankToNull(f.team()), blankToNull(f.region()));
    }

    private static LocalDate date(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "'" + value + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
