package com.salesaffairs.aftersales.rest;

import static com.salesaffairs.platform.rest.QueryParameters.enumValue;
import static com.salesaffairs.platform.rest.QueryParameters.uuid;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.aftersales.domain.CaseStatus;
import com.salesaffairs.aftersales.domain.Department;
import com.salesaffairs.aftersales.domain.ServiceCase;
import com.salesaffairs.aftersales.domain.Severity;
import com.salesaffairs.aftersales.rest.CaseViews.AssignRequest;
import com.salesaffairs.aftersales.rest.CaseViews.CaseView;
import com.salesaffairs.aftersales.rest.CaseViews.CommentRequest;
import com.salesaffairs.aftersales.rest.CaseViews.HistoryView;
import com.salesaffairs.aftersales.rest.CaseViews.ReopenRequest;
import com.salesaffairs.aftersales.rest.CaseViews.ResolveRequest;
import com.salesaffairs.aftersales.rest.CaseViews.RespondRequest;
import com.salesaffairs.aftersales.rest.CaseViews.WaitRequest;
import com.salesaffairs.aftersales.service.CaseService;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.IfMatch;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases")
public class CaseResource {
    /** Who works cases: the customer's rep, the team's manager, the director, the after-sales agents. */
    private static final String HANDLERS = " (sales-rep and sales-manager for cases they see, sales-director, aftersales-agent)";
    private static final String IF_MATCH = " Optional If-Match with the ETag (version) read: 412 when the case changed since.";

    private final CaseService cases;
    private final CallerScope caller;

    public CaseResource(CaseService cases, CallerScope caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.AFTERSALES_AGENT })
    @Operation(operationId = "listCases", summary = "Cases in the caller's scope, newest first: a rep's own (owned or logged), a manager's team, "
            + "all for director, executive, admin and aftersales-agent; department= gives a department's queue")
    @APIResponse(responseCode = "200", description = "a page of cases")
    @APIResponse(responseCode = "400", description = "bad filter or page, named in violations")
    public PageResponse<CaseView> list(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "OPEN", "IN_PROGRESS",
                    "WAITING_FOR_CUSTOMER", "RESOLVED", "CLOSED" })) @QueryParam("status") String status,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "LOW", "MEDIUM", "HIGH",
                    "CRITICAL" })) @QueryParam("severity") String severity,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("customerId") String customerId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "SALES", "WAREHOUSE", "FINANCE",
                    "QUALITY", "TECHNICAL" })) @QueryParam("department") String department,
            @Valid @BeanParam PageParams page) {
        // Filters are parsed here, not by JAX-RS, so a bad value is a 400 naming it rather than a bare 404.
        CaseStatus st = enumValue(CaseStatus.class, "status", status);
        Severity sev = enumValue(Severity.class, "severity", severity);
        UUID customer = uuid("customerId", customerId);
        Department dept = enumValue(Department.class, "department", department);
        return PageResponse.of(cases.list(caller.get(), st, sev, customer, dept, page).stream().map(CaseView::of).toList(),
                page, cases.count(caller.get(), st, sev, customer, dept));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.AFTERSALES_AGENT })
    @Operation(operationId = "getCase", summary = "One case with its SLA deadlines; ETag is its version. 404 when unknown"
            + " or outside the caller's scope")
    @APIResponse(responseCode = "200", description = "the case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "unknown or not visible to the caller")
    public Response get(@PathParam("id") String id) {
        return withTag(cases.visible(uuid("id", id), caller.get()));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.AFTERSALES_AGENT })
    @Operation(operationId = "getCaseHistory", summary = "What happened to a case, oldest first: logging, assignments and"
            + " transfers between departments, comments, responses, waits, resolution, confirmation, reopening, SLA warnings"
            + " and escalations (whoever sees the case)")
    @APIResponse(responseCode = "200", description = "a page of history entries")
    public PageResponse<HistoryView> history(@PathParam("id") String id, @Valid @BeanParam PageParams page) {
        UUID caseId = uuid("id", id);
        return PageResponse.of(cases.history(caseId, caller.get(), page).stream().map(HistoryView::of).toList(), page,
                cases.historyCount(caseId));
    }

    @POST
    @Path("/{id}/assign")
    @RolesAllowed({ Roles.AFTERSALES_AGENT, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR })
    @Operation(operationId = "assignCase", summary = "Assign the case to a department (SALES, WAREHOUSE, FINANCE, QUALITY,"
            + " TECHNICAL) and optionally a person (aftersales-agent, the manager of the customer's team, sales-director);"
            + " a later assignment is a transfer, the history keeps both. OPEN becomes IN_PROGRESS."
            + " Publishes sales.case.assigned.v1." + IF_MATCH)
    @APIResponse(responseCode = "200", description = "the case; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "the case is RESOLVED or CLOSED (reopen it first), or a concurrent change won")
    public Response assign(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AssignRequest request) {
        return withTag(cases.assign(uuid("id", id), version(ifMatch), request.department(), blankToNull(request.assigneeId()),
                request.note().trim(), caller.get()));
    }

    @POST
    @Path("/{id}/comments")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.AFTERSALES_AGENT })
    @Operation(operationId = "commentOnCase", summary = "Add a note to the case" + HANDLERS + "; customerContact=true records"
            + " a contact with the customer, which ends a wait for the customer (the resolution clock runs again)." + IF_MATCH)
    @APIResponse(responseCode = "200", description = "the case; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "the case is CLOSED, or a concurrent change won")
    public Response comment(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CommentRequest request) {
        return withTag(cases.comment(uuid("id", id), version(ifMatch), request.text().trim(), request.customerContact(),
                caller.get()));
    }

    @POST
    @Path("/{id}/respond")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.AFTERSALES_AGENT })
    @Operation(operationId = "respondToCase", summary = "Answer the customer" + HANDLERS + ". The first answer stops the"
            + " response clock and records whether it met responseDueAt (responseMet); any answer ends a wait for the"
            + " customer. The case becomes IN_PROGRESS." + IF_MATCH)
    @APIResponse(responseCode = "200", description = "the case; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "the case is RESOLVED or CLOSED, or a concurrent change won")
    public Response respond(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RespondRequest request) {
        return withTag(cases.respond(uuid("id", id), version(ifMatch), request.message().trim(), caller.get()));
    }

    @POST
    @Path("/{id}/wait-for-customer")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.AFTERSALES_AGENT })
    @Operation(operationId = "waitForCustomer", summary = "Pause the resolution clock while waiting for the customer" + HANDLERS
            + ": WAITING_FOR_CUSTOMER until a respond or a comment with customerContact=true resumes it; the business"
            + " time waited moves the resolution deadline. The response clock is not paused." + IF_MATCH)
    @APIResponse(responseCode = "200", description = "the case, WAITING_FOR_CUSTOMER; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "the case is not OPEN or IN_PROGRESS (already waiting, resolved or"
            + " closed), or a concurrent change won")
    public Response waitForCustomer(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull WaitRequest request) {
        return withTag(cases.waitForCustomer(uuid("id", id), version(ifMatch), request.reason().trim(), caller.get()));
    }

    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.AFTERSALES_AGENT })
    @Operation(operationId = "resolveCase", summary = "Resolve the case with its solution" + HANDLERS + ": stops the"
            + " resolution clock (ending a wait), records resolutionMet, and publishes sales.case.resolved.v1 with the"
            + " business hours taken. A case never answered counts the solution as its first response." + IF_MATCH)
    @APIResponse(responseCode = "200", description = "the case, RESOLVED; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "the case is already RESOLVED or CLOSED, or a concurrent change won")
    public Response resolve(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ResolveRequest request) {
        return withTag(cases.resolve(uuid("id", id), version(ifMatch), request.solution().trim(), caller.get()));
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({ Roles.SALES_REP, Roles.AFTERSALES_AGENT })
    @Operation(operationId = "confirmCase", summary = "Record that the customer confirmed the solution (aftersales-agent, or"
            + " the customer's rep on the customer's behalf): the case is CLOSED; publishes sales.case.closed.v1." + IF_MATCH)
    @APIResponse(responseCode = "200", description = "the case, CLOSED; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "the case is not RESOLVED, or a concurrent change won")
    public Response confirm(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return withTag(cases.confirm(uuid("id", id), version(ifMatch), caller.get()));
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.AFTERSALES_AGENT })
    @Operation(operationId = "reopenCase", summary = "Reopen a resolved case whose solution did not hold" + HANDLERS
            + ": IN_PROGRESS with a new resolution clock of the case's budget from now; publishes sales.case.reopened.v1."
            + IF_MATCH)
    @APIResponse(responseCode = "200", description = "the case, IN_PROGRESS; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "the case is not RESOLVED (a CLOSED case stays closed), or a"
            + " concurrent change won")
    public Response reopen(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReopenRequest request) {
        return withTag(cases.reopen(uuid("id", id), version(ifMatch), request.reason().trim(), caller.get()));
    }

    private static Response withTag(ServiceCase c) {
        return Response.ok(CaseView.of(c)).tag(new EntityTag(Long.toString(c.version()))).build();
    }

    private static Optional<Long> version(String ifMatch) {
        var v = IfMatch.version(ifMatch);
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
