package com.salesaffairs.reporting.rest;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.problem.Violation;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.reporting.domain.PerformanceGrouping;
import com.salesaffairs.reporting.rest.PerformanceViews.PerformanceView;
import com.salesaffairs.reporting.service.PerformanceService;

/**
 * Performance by rep and team (issue 15, capability 2): performance-service's monthly KPI snapshots
 * with target attainment, each caller seeing the reps in their reach.
 */
@Path("/api/v1/reports/performance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class PerformanceResource {
    private final PerformanceService performance;
    private final CallerScope caller;

    public PerformanceResource(PerformanceService performance, CallerScope caller) {
        this.performance = performance;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.DATA_STEWARD })
    @Operation(operationId = "getPerformanceReport", summary = "A month's sales KPIs by rep or by team, with target attainment",
            description = "sales-rep: their own line; sales-manager: their team's reps; sales-director, executive, admin, data-steward: "
                    + "every rep, or the team named in team. A rep or manager naming another team gets 403. Figures are "
                    + "performance-service's KPI snapshots (sales.kpi.updated.v1) of the booked month.")
    @APIResponse(responseCode = "200", description = "the month's performance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PerformanceView.class)))
    @APIResponse(responseCode = "400", description = "missing or malformed period (YYYY-MM), unknown groupBy; violations name the fields")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "a role that reads no sales reports (functional roles), or a rep or manager naming another team (violation on team), or a rep asking for groupBy=team")
    public PerformanceView performance(
            @Parameter(description = "the booked month, YYYY-MM", required = true, example = "2026-11") @QueryParam("period") String period,
            @Parameter(description = "rep (default) or team") @QueryParam("groupBy") @DefaultValue("rep") String groupBy,
            @Parameter(description = "one team (directors and the like: any; managers and reps: their own only)", example = "east-1") @QueryParam("team") String team) {
        List<Violation> violations = new ArrayList<>();
        YearMonth month = null;
        if (period == null || period.isBlank()) {
            violations.add(new Violation("period", "is required (YYYY-MM)"));
        } else {
            try {
                month = YearMonth.parse(period.trim());
            } catch (DateTimeParseException e) {
                violations.add(new Violation("period", "'" + period + "' is not a month (YYYY-MM)"));
            }
        }
        PerformanceGrouping grouping = PerformanceGrouping.REP;
        if (groupBy != null && !groupBy.isBlank()) {
            grouping = PerformanceGrouping.fromApiName(groupBy.trim()).orElse(null);
            if (grouping == null) {
                violations.add(new Violation("groupBy", "'" + groupBy + "' is not one of rep, team"));
            }
        }
        if (!violations.isEmpty()) {
            String detail = violations.stream().map(v -> v.field() + " " + v.message())
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
            throw new ApiProblem(400, "invalid-request", "Invalid request", detail, null, List.copyOf(violations));
        }
        return PerformanceView.of(performance.performance(month, grouping, caller.get(), team));
    }
}
