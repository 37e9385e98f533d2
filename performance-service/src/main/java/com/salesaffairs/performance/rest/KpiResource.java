package com.salesaffairs.performance.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.performance.domain.KpiFigures;
import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.KpiScoring;
import com.salesaffairs.performance.domain.RepKpi;
import com.salesaffairs.performance.domain.Scorecard;
import com.salesaffairs.performance.domain.ScorecardKpi;
import com.salesaffairs.performance.domain.ScorecardOfRep;
import com.salesaffairs.performance.domain.TeamKpi;
import com.salesaffairs.performance.service.KpiService;
import com.salesaffairs.performance.service.ScorecardService;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

@Path("/api/v1/kpis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "kpis")
public class KpiResource {
    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String PERIOD_MESSAGE = "must be a month as YYYY-MM";

    public record RepKpiView(String repId, String period, String team, String region, String currency,
            BigDecimal salesAmount, BigDecimal costAmount, BigDecimal grossMargin, BigDecimal grossMarginPct,
            int orderCount, int refundCount, Instant updatedAt,
            @Schema(description = "the month's KPIs, weighted score and grade from performance.kpi") Scorecard scorecard) {

        static RepKpiView of(RepKpi kpi, Scorecard scorecard) {
            KpiFigures f = kpi.figures();
            return new RepKpiView(kpi.repId(), kpi.period().toString(), kpi.team(), kpi.region(), kpi.currency(),
                    f.salesAmount(), f.costAmount(), f.grossMargin(), f.grossMarginPct(), f.orderCount(),
                    f.refundCount(), kpi.updatedAt(), scorecard);
        }
    }

    public record TeamKpiView(String team, String period, String region, String currency, BigDecimal salesAmount,
            BigDecimal costAmount, BigDecimal grossMargin, BigDecimal grossMarginPct, int orderCount, int refundCount,
            int repCount, Instant updatedAt, List<RepKpiView> reps,
            @Schema(description = "the team's own scorecard: its booked facts summed, revenue against the team target") Scorecard scorecard,
            @Schema(description = "the team's reps ranked by score, best first") List<LeaderboardEntryView> ranking) {

        static TeamKpiView of(TeamKpi kpi, ScorecardService.TeamScorecard cards) {
            KpiFigures f = kpi.totals();
            Map<String, Scorecard> byRep = new HashMap<>();
            cards.ranking().forEach(r -> byRep.put(r.repId(), r.scorecard()));
            return new TeamKpiView(kpi.team(), kpi.period().toString(), kpi.region(), KpiFigures.CURRENCY,
                    f.salesAmount(), f.costAmount(), f.grossMargin(), f.grossMarginPct(), f.orderCount(),
                    f.refundCount(), kpi.reps().size(), kpi.updatedAt(),
                    kpi.reps().stream().map(r -> RepKpiView.of(r, byRep.get(r.repId()))).toList(), cards.scorecard(),
                    LeaderboardEntryView.ranked(cards.ranking()));
        }
    }

    public record LeaderboardEntryView(int rank, String repId, String team, String region,
            @Schema(description = "net revenue booked in the month, CNY") BigDecimal revenue,
            @Schema(description = "revenue / monthly target x 100; null without a target") BigDecimal revenueAttainment,
            @Schema(description = "weighted score 0-100; null when no KPI could be scored") BigDecimal score,
            String grade, int policyVersion, boolean frozen) {

        static List<LeaderboardEntryView> ranked(List<ScorecardOfRep> reps) {
            List<LeaderboardEntryView> entries = new ArrayList<>();
            int rank = 0;
            for (ScorecardOfRep r : reps) {
                rank++;
                ScorecardKpi revenue = r.scorecard().kpi(KpiScoring.REVENUE);
                entries.add(new LeaderboardEntryView(rank, r.repId(), r.team(), r.region(), r.revenue(),
                        revenue == null ? null : revenue.attainment(), r.scorecard().score(), r.scorecard().grade(),
                        r.scorecard().policyVersion(), r.scorecard().frozen()));
            }
            return entries;
        }
    }

    public record LeaderboardView(String period, @Schema(description = "the team asked for; null for all teams") String team,
            String policyKey, @Schema(description = "the performance.kpi version that scored the month") int policyVersion,
            @Schema(description = "true when the month is closed and the scores frozen") boolean frozen,
            List<LeaderboardEntryView> entries) {
    }

    private final KpiService kpis;
    private final ScorecardService scorecards;
    private final CallerScope caller;

    public KpiResource(KpiService kpis, ScorecardService scorecards, CallerScope caller) {
        this.kpis = kpis;
        this.scorecards = scorecards;
        this.caller = caller;
    }

    @GET
    @Path("/reps/{repId}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getRepKpi", summary = "A rep's KPI figures and scorecard for a month (sales-rep: own only; sales-manager: reps of their team; "
            + "sales-director, executive, admin: all). A month without settled orders reads as zeros; "
            + "grossMarginPct is null when there are no sales. The scorecard lists each KPI with its target, attainment "
            + "and score, the weighted score and grade, and the performance.kpi version; frozen once the month is closed.")
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
        KpiPeriod month = KpiPeriod.parse(period);
        Scope scope = caller.get();
        ScorecardOfRep card = scorecards.ofRep(repId, month, scope);
        RepKpi figures;
        try {
            figures = kpis.ofRep(repId, month, scope);
        } catch (ApiProblem p) {
            if (p.status() != 404) {
                throw p;
            }
            // The scorecard's facts place the rep in the caller's team; there are no order figures yet.
            figures = RepKpi.none(repId, month, card.team(), card.region());
        }
        return RepKpiView.of(figures, card.scorecard());
    }

    @GET
    @Path("/teams/{team}")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getTeamKpi", summary = "A team's KPI figures and scorecard for a month: the sums, each rep's figures best sales first, "
            + "the team's scorecard and its reps ranked by score "
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
        KpiPeriod month = KpiPeriod.parse(period);
        TeamKpi figures = kpis.ofTeam(team, month, caller.get());
        return TeamKpiView.of(figures, scorecards.ofTeam(team, month, figures.reps().stream().map(RepKpi::repId).toList()));
    }

    @GET
    @Path("/leaderboard")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getLeaderboard", summary = "The reps with facts in a month ranked by weighted score, best first "
            + "(sales-manager: own team only; sales-director, executive, admin: all reps or one team with ?team=)")
    @APIResponse(responseCode = "200", description = "the ranking; ungraded reps (no KPI could be scored) last",
            content = @Content(schema = @Schema(implementation = LeaderboardView.class)))
    @APIResponse(responseCode = "400", description = "period missing or not YYYY-MM; named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read the leaderboard (sales-rep, functional roles)")
    @APIResponse(responseCode = "404", description = "a manager asking about another team")
    public LeaderboardView leaderboard(
            @Parameter(description = "month as YYYY-MM (UTC)", example = "2026-11", required = true)
            @QueryParam("period") @NotNull(message = "is required") @Pattern(regexp = KpiPeriod.PATTERN, message = PERIOD_MESSAGE) String period,
            @Parameter(description = "only this team; a manager's own team by default")
            @QueryParam("team") @Size(max = 100) String team) {
        KpiPeriod month = KpiPeriod.parse(period);
        Scope scope = caller.get();
        String only = team;
        if (!scope.seesAll()) {
            if (team != null && !scope.managesTeam(team)) {
                throw ApiProblem.notFound("team", team);
            }
            if (scope.team() == null) {
                throw ApiProblem.notFound("team", "of the caller");
            }
            only = scope.team();
        }
        List<ScorecardOfRep> ranking = scorecards.leaderboard(month, only);
        ScorecardService.Closed closed = scorecards.closed(month).orElse(null);
        int version = closed != null ? closed.policyVersion() : scorecards.activePolicy().version();
        return new LeaderboardView(month.toString(), only, KpiScoring.POLICY_KEY, version, closed != null,
                LeaderboardEntryView.ranked(ranking));
    }
}
