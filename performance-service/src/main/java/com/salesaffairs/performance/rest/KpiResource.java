package com.salesaffairs.performance.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.performance.domain.KpiFigures;
import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.RepKpi;
import com.salesaffairs.performance.domain.TeamKpi;
import com.salesaffairs.performance.service.KpiService;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

@Path("/api/v1/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpis")
public class KpiResource {
    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String PERIOD_MESSAGE = "must be a month as YYYY-MM";

    public record RepKpiView(String repId, String period, String team, String region, String currency,
            BigDecimal salesAmount, BigDecimal costAmount, BigDecimal grossMargin, BigDecimal grossMarginPct,
            int orderCount, int refundCount, Instant updatedAt) {

        static RepKpiView of(RepKpi kpi) {
            KpiFigures f = kpi.figures();
            return new RepKpiView(kpi.repId(), kpi.period().toString(), kpi.team(), kpi.region(), kpi.currency(),
                    f.salesAmount(), f.costAmount(), f.grossMargin(), f.grossMarginPct(), f.orderCount(),
                    f.refundCount(), kpi.updatedAt());
        }
    }

    public record TeamKpiView(String team, String period, String region, String currency, BigDecimal salesAmount,
            BigDecimal costAmount, BigDecimal grossMargin, BigDecimal grossMarginPct, int orderCount, int refundCount,
            int repCount, Instant updatedAt, List<RepKpiView> reps) {

        static TeamKpiView of(TeamKpi kpi) {
            KpiFigures f = kpi.totals();
            return new TeamKpiView(kpi.team(), kpi.period().toString(), kpi.region(), KpiFigures.CURRENCY,
                    f.salesAmount(), f.costAmount(), f.grossMargin(), f.grossMarginPct(), f.orderCount(),
                    f.refundCount(), kpi.reps().size(), kpi.updatedAt(),
                    kpi.reps().stream().map(RepKpiView::of).toList());
        }
    }

    private final KpiService kpis;
    private final CallerScope caller;

    public KpiResource(KpiService kpis, CallerScope caller) {
        this.kpis = kpis;
        this.caller = caller;
    }

    @GET
    @Path("/reps/{repId}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getRepKpi", summary = "A rep's KPI figures for a month (sales-rep: own only; sales-manager: reps of their team; "
            + "sales-director, executive, admin: all). A month without settled orders reads as zeros; "
            + "grossMarginPct is null when there are no sales.")
    @APIResponse(responseCode = "200", description = "the rep's month, amounts in CNY to the cent",
            content = @Content(schema = @Schema(implementation = RepKpiView.class)))
    @APIResponse(responseCode = "400", description = "period missing or not YYYY-MM, or repId not a UUID; named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read KPIs (finance, warehouse and other functional roles)")
    @APIResponse(responseCode = "404", description = "the rep is outside the caller's scope, or unknown to a manager")
    public RepKpiView rep(
            @PathParam("repId") @Pattern(regexp = UUID_PATTERN, message = "must be a user id (UUID)") String repId,
            @Parameter(description = "month as YYYY-MM (UTC)", example = "2026-11", required = true)
            @QueryParam("period") @NotNull(message = "is required") @Pattern(regexp = KpiPeriod.PATTERN, message = PERIOD_MESSAGE) String period) {
        return RepKpiView.of(kpis.ofRep(repId, KpiPeriod.parse(period), caller.get()));
    }

    @GET
    @Path("/teams/{team}")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getTeamKpi", summary = "A team's KPI figures for a month: the sums and each rep's figures, best sales first "
            + "(sales-manager: own team only; sales-director, executive, admin: any team)")
    @APIResponse(responseCode = "200", description = "the team's month; zeros and no reps when nothing was settled",
            content = @Content(schema = @Schema(implementation = TeamKpiView.class)))
    @APIResponse(responseCode = "400", description = "period missing or not YYYY-MM; named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read team KPIs (sales-rep, functional roles)")
    @APIResponse(responseCode = "404", description = "a manager asking about another team")
    public TeamKpiView team(@PathParam("team") @Size(max = 100) String team,
            @Parameter(description = "month as YYYY-MM (UTC)", example = "2026-11", required = true)
            @QueryParam("period") @NotNull(message = "is required") @Pattern(regexp = KpiPeriod.PATTERN, message = PERIOD_MESSAGE) String period) {
        return TeamKpiView.of(kpis.ofTeam(team, KpiPeriod.parse(period), caller.get()));
    }
}
