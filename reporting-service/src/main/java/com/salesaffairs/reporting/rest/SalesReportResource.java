package com.salesaffairs.reporting.rest;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import com.salesaffairs.platform.rest.IfMatch;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.rest.QueryParameters;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;
import com.salesaffairs.reporting.domain.ReportKind;
import com.salesaffairs.reporting.domain.ReportPeriod;
import com.salesaffairs.reporting.domain.ReportStatus;
import com.salesaffairs.reporting.domain.SalesReport;
import com.salesaffairs.reporting.repository.SalesReportRepository;
import com.salesaffairs.reporting.rest.SalesReportViews.DraftSalesReportRequest;
import com.salesaffairs.reporting.rest.SalesReportViews.ReviewSalesReportRequest;
import com.salesaffairs.reporting.rest.SalesReportViews.ReviseSalesReportRequest;
import com.salesaffairs.reporting.rest.SalesReportViews.ReportRollCallView;
import com.salesaffairs.reporting.rest.SalesReportViews.SalesReportView;
import com.salesaffairs.reporting.service.ReportRollCallService;
import com.salesaffairs.reporting.service.SalesReportService;

/** Reps' weekly and monthly sales reports (policy 5), their review, and who is missing or late. */
@Path("/api/v1/sales-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "sales-reports")
public class SalesReportResource {
    private static final String READERS = "sales-rep (own), sales-manager (their team's), sales-director, executive, admin (all)";

    private final SalesReportService reports;
    private final ReportRollCallService rollCall;
    private final IdempotentCreates idempotent;
    private final CallerScope caller;

    public SalesReportResource(SalesReportService reports, ReportRollCallService rollCall, IdempotentCreates idempotent,
            CallerScope caller) {
        this.reports = reports;
        this.rollCall = rollCall;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES_REP)
    @Operation(operationId = "draftSalesReport", summary = "Draft your own sales report (sales-rep): kind WEEKLY or MONTHLY,"
            + " period (2026-W48 or 2026-11, already begun), summary, highlights, risks, nextSteps. Status DRAFT; one"
            + " report per rep, kind and period. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "drafted; Location /api/v1/sales-reports/{id}",
            content = @Content(schema = @Schema(implementation = SalesReportView.class)))
    @APIResponse(responseCode = "400", description = "kind not WEEKLY or MONTHLY, period not of that kind or not yet begun,"
            + " summary missing, a text over 4000 characters; violations name the fields")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "only sales reps write sales reports")
    @APIResponse(responseCode = "409", description = "rule sales-report.one-per-period: you already have a report for that period")
    @APIResponse(responseCode = "422", description = "idempotency-key.reused with another body")
    public Response draft(@HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, @Valid @NotNull DraftSalesReportRequest request) {
        ReportKind kind = QueryParameters.enumValue(ReportKind.class, "kind", request.kind());
        ReportPeriod period = period(kind, request.period());
        Scope rep = caller.get();
        return idempotent.create(idempotencyKey, rep.userId(), "sales-report.draft", request, () -> {
            SalesReport r = reports.draft(period, request.content(), rep);
            return new Created<>(URI.create("/api/v1/sales-reports/" + r.id()), SalesReportView.of(r));
        });
    }

    @GET
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "listSalesReports", summary = "Sales reports, newest first (" + READERS + "); filters kind,"
            + " period, status")
    @APIResponse(responseCode = "200", description = "a page of sales reports")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read sales reports")
    public PageResponse<SalesReportView> list(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "WEEKLY", "MONTHLY" })) @QueryParam("kind") String kind,
            @Parameter(description = "2026-W48 or 2026-11 (of kind, when given)") @QueryParam("period") String period,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "DRAFT", "SUBMITTED", "REVIEWED" })) @QueryParam("status") String status,
            @Valid @BeanParam PageParams page) {
        ReportKind k = QueryParameters.enumValue(ReportKind.class, "kind", kind);
        String p = null;
        if (period != null && !period.isBlank()) {
            ReportKind periodKind = k != null ? k : period.contains("W") ? ReportKind.WEEKLY : ReportKind.MONTHLY;
            p = period(periodKind, period).label();
        }
        ReportStatus s = QueryParameters.enumValue(ReportStatus.class, "status", status);
        Scope scope = caller.get();
        String rep = scope.ownerFilter();
        // A rep sees all their own reports, also those written in an earlier team.
        var filter = new SalesReportRepository.Filter(rep, rep != null ? null : scope.teamFilter(), k, p, s);
        return PageResponse.of(reports.list(filter, page).stream().map(SalesReportView::of).toList(), page,
                reports.count(filter));
    }

    @GET
    @Path("/missing")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "listMissingSalesReports", summary = "Missing and late reports of a period, per team"
            + " (sales-manager: their team; sales-director, executive, admin: every team)",
            description = "The reps expected to report are those reporting knows from its read models: the owners of"
                    + " settled orders, refunds and customer feedback dated in the 365 days up to the period's last day,"
                    + " in the team of their latest fact, and every rep who wrote a report for the period (in the"
                    + " report's team). missing: no submitted report (NONE, or still a DRAFT); late: submitted after its due time.")
    @APIResponse(responseCode = "200", description = "the roll call",
            content = @Content(schema = @Schema(implementation = ReportRollCallView.class)))
    @APIResponse(responseCode = "400", description = "kind missing or not WEEKLY/MONTHLY, period missing or not of that kind")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not see other reps' reports (sales-rep, functional roles)")
    public ReportRollCallView missing(
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, enumeration = { "WEEKLY", "MONTHLY" })) @QueryParam("kind") String kind,
            @Parameter(required = true, description = "2026-W48 (WEEKLY) or 2026-11 (MONTHLY)") @QueryParam("period") String period) {
        if (kind == null || kind.isBlank()) {
            throw ApiProblem.invalid("kind", "is required (WEEKLY or MONTHLY)");
        }
        ReportKind k = QueryParameters.enumValue(ReportKind.class, "kind", kind);
        return ReportRollCallView.of(rollCall.rollCall(period(k, period), caller.get()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getSalesReport", summary = "One sales report with its figures and review (" + READERS
            + "); ETag is its version")
    @APIResponse(responseCode = "200", description = "the report",
            content = @Content(schema = @Schema(implementation = SalesReportView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read sales reports")
    public Response get(@PathParam("id") String id) {
        return withTag(reports.visible(uuid(id), caller.get()));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES_REP)
    @Operation(operationId = "reviseSalesReport", summary = "Rewrite your own draft (sales-rep, the author): summary,"
            + " highlights, risks, nextSteps; kind and period stay. If-Match with the ETag read is required.")
    @APIResponse(responseCode = "200", description = "the draft; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = SalesReportView.class)))
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "only sales reps write sales reports")
    @APIResponse(responseCode = "409", description = "the report is no longer a DRAFT")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response revise(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReviseSalesReportRequest request) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag read", null, null);
        }
        return withTag(reports.revise(uuid(id), version(ifMatch), request.content(), caller.get()));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.SALES_REP)
    @Operation(operationId = "submitSalesReport", summary = "Submit your own draft (sales-rep, the author): the system's"
            + " figures for your period (orders, net sales, cost, refunds, feedback) are attached, dueAt comes from the"
            + " reporting.schedule in force, onTime = submittedAt <= dueAt; publishes sales.report.submitted.v1."
            + " If-Match optional.")
    @APIResponse(responseCode = "200", description = "the submitted report; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = SalesReportView.class)))
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "only sales reps submit sales reports")
    @APIResponse(responseCode = "409", description = "already submitted (or reviewed)")
    @APIResponse(responseCode = "422", description = "rule sales-report.complete: highlights, risks or nextSteps empty (named in violations)")
    public Response submit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return withTag(reports.submit(uuid(id), version(ifMatch), caller.get()));
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR })
    @Operation(operationId = "reviewSalesReport", summary = "Review a submitted report with a comment (sales-manager of"
            + " the report's team, sales-director): status REVIEWED. If-Match optional.")
    @APIResponse(responseCode = "200", description = "the reviewed report; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = SalesReportView.class)))
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "only managers and directors review reports")
    @APIResponse(responseCode = "409", description = "the report is a DRAFT or already REVIEWED")
    public Response review(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReviewSalesReportRequest request) {
        return withTag(reports.review(uuid(id), version(ifMatch), request.comment().trim(), caller.get()));
    }

    private static ReportPeriod period(ReportKind kind, String period) {
        if (period == null || period.isBlank()) {
            throw ApiProblem.invalid("period", "is required (2026-W48 for WEEKLY, 2026-11 for MONTHLY)");
        }
        try {
            return ReportPeriod.parse(kind, period);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("period", e.getMessage());
        }
    }

    private static Optional<Long> version(String ifMatch) {
        OptionalLong v = IfMatch.version(ifMatch);
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }

    private static Response withTag(SalesReport r) {
        return Response.ok(SalesReportView.of(r)).tag(new EntityTag(Long.toString(r.version()))).build();
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("id", "must be a UUID");
        }
    }
}
