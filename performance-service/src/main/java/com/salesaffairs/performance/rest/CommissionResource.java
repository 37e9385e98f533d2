package com.salesaffairs.performance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.performance.domain.CommissionStatement;
import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.service.CommissionService;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

@Path("/api/v1/commissions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "commissions")
public class CommissionResource {
    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final CommissionService commissions;
    private final CallerScope caller;

    public CommissionResource(CommissionService commissions, CallerScope caller) {
        this.commissions = commissions;
        this.caller = caller;
    }

    @GET
    @Path("/{repId}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN, Roles.FINANCE })
    @Operation(operationId = "getCommissionStatement", summary = "A rep's commission statement for a month: each settled order's way "
            + "through the bands of performance.commission, clawbacks of refunds of earlier months' orders, the policy version "
            + "and rate bonus used (sales-rep: own only; sales-manager: reps of their team; sales-director, executive, admin, "
            + "finance: all)")
    @APIResponse(responseCode = "200", description = "the statement, amounts in CNY to the cent",
            content = @Content(schema = @Schema(implementation = CommissionStatement.class)))
    @APIResponse(responseCode = "400", description = "period missing or not YYYY-MM, or repId not a UUID; named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read commissions (warehouse and other functional roles)")
    @APIResponse(responseCode = "404", description = "the rep is outside the caller's scope, or unknown to a manager")
    public CommissionStatement statement(
            @PathParam("repId") @Pattern(regexp = UUID_PATTERN, message = "must be a user id (UUID)") String repId,
            @Parameter(description = "month as YYYY-MM (UTC)", example = "2026-11", required = true)
            @QueryParam("period") @NotNull(message = "is required") @Pattern(regexp = KpiPeriod.PATTERN, message = "must be a month as YYYY-MM") String period) {
        return commissions.statement(repId, KpiPeriod.parse(period), caller.get());
    }
}
