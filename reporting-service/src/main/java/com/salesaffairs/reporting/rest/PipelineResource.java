package com.salesaffairs.reporting.rest;

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

import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.reporting.domain.Granularity;
import com.salesaffairs.reporting.domain.ReportWindow;
import com.salesaffairs.reporting.rest.PipelineViews.PipelineView;
import com.salesaffairs.reporting.service.PipelineService;

/**
 * The pipeline funnel (issue 15, capability 2): stage conversion and a weighted forecast against
 * target, from the opportunity and target read models. Reps see their own opportunities, so that a
 * rep can judge their own pipeline against their own target.
 */
@Path("/api/v1/reports/pipeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class PipelineResource {
    /** Five years and a leap day: the "ranges over five years" limit. */
    static final int MAX_DAYS = Granularity.FIVE_YEARS;
    private static final String DEFAULT_CURRENCY = "CNY";

    private final PipelineService pipeline;
    private final CallerScope caller;

    public PipelineResource(PipelineService pipeline, CallerScope caller) {
        this.pipeline = pipeline;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.DATA_STEWARD })
    @Operation(operationId = "getPipelineReport", summary = "Open pipeline by stage, stage conversion, win rate and weighted forecast against target",
            description = "sales-rep: opportunities assigned to them, against their own target; sales-manager: their team's, against the team target; "
                    + "sales-director, executive, admin, data-steward: every team against the company target, or the team named in team. "
                    + "A rep or manager naming another team gets 403. The open pipeline is the read model as it stands; conversion, "
                    + "win rate and forecast use the window (UTC days).")
    @APIResponse(responseCode = "200", description = "the pipeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PipelineView.class)))
    @APIResponse(responseCode = "400", description = "missing or malformed from/to, from after to, a range over 1827 days (five years), a bad currency; violations name the fields")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "a role that reads no sales reports (functional roles), or a rep or manager naming another team (violation on team)")
    public PipelineView pipeline(
            @Parameter(description = "first day, YYYY-MM-DD (UTC)", required = true, example = "2026-10-01") @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD (UTC), included", required = true, example = "2026-12-31") @QueryParam("to") String to,
            @Parameter(description = "one team (directors and the like: any; managers and reps: their own only)", example = "east-1") @QueryParam("team") String team,
            @Parameter(description = "ISO-4217 currency of the opportunities counted") @QueryParam("currency") @DefaultValue(DEFAULT_CURRENCY) String currency) {
        ReportParameters params = new ReportParameters();
        ReportWindow window = params.window(params.date("from", from), params.date("to", to), MAX_DAYS,
                "a pipeline report covers at most " + MAX_DAYS + " days (five years)");
        String currencyCode = params.currency("currency", currency, DEFAULT_CURRENCY);
        params.throwIfInvalid();
        return PipelineView.of(pipeline.pipeline(window, currencyCode, caller.get(), team));
    }
}
