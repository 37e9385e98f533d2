package com.salesaffairs.performance.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.KpiScoring;
import com.salesaffairs.performance.domain.ScorecardKpi;
import com.salesaffairs.performance.domain.ScorecardOfRep;
import com.salesaffairs.performance.service.AppraisalService;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

@Path("/api/v1/appraisals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "appraisals")
public class AppraisalResource {
    private static final String PERIOD_MESSAGE = "must be a month as YYYY-MM";

    public record AppraisalResultView(String repId, String team, String region,
            @Schema(description = "weighted score 0-100; null when no KPI could be scored") BigDecimal score,
            @Schema(description = "grade from the policy's bands; null when not graded") String grade,
            @Schema(type = SchemaType.ARRAY, implementation = ScorecardKpi.class) List<ScorecardKpi> kpis) {

        static AppraisalResultView of(ScorecardOfRep r) {
            return new AppraisalResultView(r.repId(), r.team(), r.region(), r.scorecard().score(), r.scorecard().grade(),
                    r.scorecard().kpis());
        }
    }

    public record AppraisalView(String period, @Schema(enumeration = { "OPEN", "CLOSED" }) String status,
            String closedBy, Instant closedAt, String policyKey,
            @Schema(description = "the performance.kpi version that froze the scores; null while open") Integer policyVersion,
            List<AppraisalResultView> results) {

        static AppraisalView of(AppraisalService.Appraisal a) {
            return new AppraisalView(a.period().toString(), a.status().name(), a.closedBy(), a.closedAt(),
                    KpiScoring.POLICY_KEY, a.policyVersion(), a.results().stream().map(AppraisalResultView::of).toList());
        }
    }

    private final AppraisalService appraisals;
    private final CallerScope caller;

    public AppraisalResource(AppraisalService appraisals, CallerScope caller) {
        this.appraisals = appraisals;
        this.caller = caller;
    }

    @POST
    @Path("/{period}/close")
    @RolesAllowed({ Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "closeAppraisalPeriod", summary = "Close a month for appraisal (sales-director, admin): every rep with "
            + "facts booked in the month is scored with the performance.kpi version in force and frozen; later facts book "
            + "into the next open month")
    @APIResponse(responseCode = "200", description = "the closed month with every rep's frozen score and grade",
            content = @Content(schema = @Schema(implementation = AppraisalView.class)))
    @APIResponse(responseCode = "400", description = "period not YYYY-MM; named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "only sales-director and admin close months")
    @APIResponse(responseCode = "409", description = "appraisal.period-closed: the month is already closed")
    @APIResponse(responseCode = "422", description = "appraisal.period-not-over: the month has not ended yet (UTC)")
    public AppraisalView close(
            @Parameter(description = "month as YYYY-MM (UTC)", example = "2026-11")
            @PathParam("period") @Pattern(regexp = KpiPeriod.PATTERN, message = PERIOD_MESSAGE) String period) {
        return AppraisalView.of(appraisals.close(KpiPeriod.parse(period), caller.get().userId()));
    }

    @GET
    @Path("/{period}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getAppraisal", summary = "A month's appraisal: OPEN, or CLOSED with the frozen results "
            + "(sales-rep: own result; sales-manager: their team's; sales-director, executive, admin: all)")
    @APIResponse(responseCode = "200", description = "the month's status and the results the caller may see, best score first",
            content = @Content(schema = @Schema(implementation = AppraisalView.class)))
    @APIResponse(responseCode = "400", description = "period not YYYY-MM; named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "functional roles (finance, warehouse, ...) do not read appraisals")
    public AppraisalView get(
            @Parameter(description = "month as YYYY-MM (UTC)", example = "2026-11")
            @PathParam("period") @Pattern(regexp = KpiPeriod.PATTERN, message = PERIOD_MESSAGE) String period) {
        return AppraisalView.of(appraisals.get(KpiPeriod.parse(period), caller.get()));
    }
}
