package com.salesaffairs.aftersales.rest;

import java.util.Arrays;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import com.salesaffairs.aftersales.domain.ServiceCase;
import com.salesaffairs.aftersales.domain.Severity;
import com.salesaffairs.aftersales.rest.CaseViews.CaseView;
import com.salesaffairs.aftersales.service.CaseService;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases")
public class CaseResource {

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
            + "all for director, executive, admin and aftersales-agent")
    @APIResponse(responseCode = "200", description = "a page of cases")
    @APIResponse(responseCode = "400", description = "bad filter or page, named in violations")
    public PageResponse<CaseView> list(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "OPEN", "IN_PROGRESS",
                    "WAITING_FOR_CUSTOMER", "RESOLVED", "CLOSED" })) @QueryParam("status") String status,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "LOW", "MEDIUM", "HIGH",
                    "CRITICAL" })) @QueryParam("severity") String severity,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("customerId") String customerId,
            @Valid @BeanParam PageParams page) {
        // Filters are parsed here, not by JAX-RS, so a bad value is a 400 naming it rather than a bare 404.
        CaseStatus st = parse(CaseStatus.class, "status", status);
        Severity sev = parse(Severity.class, "severity", severity);
        UUID customer = uuid("customerId", customerId);
        return PageResponse.of(cases.list(caller.get(), st, sev, customer, page).stream().map(CaseView::of).toList(),
                page, cases.count(caller.get(), st, sev, customer));
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
        ServiceCase c = cases.visible(uuid("id", id), caller.get());
        return Response.ok(CaseView.of(c)).tag(new EntityTag(Long.toString(c.version()))).build();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, "must be a UUID");
        }
    }
}
