package com.salesaffairs.reporting.rest;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.reporting.domain.Granularity;
import com.salesaffairs.reporting.domain.MarketDimension;
import com.salesaffairs.reporting.domain.MarketQuery;
import com.salesaffairs.reporting.domain.ReportWindow;
import com.salesaffairs.reporting.domain.SalesTrendQuery;
import com.salesaffairs.reporting.domain.TeamReach;
import com.salesaffairs.reporting.domain.TrendDimension;
import com.salesaffairs.reporting.rest.ReportViews.AftersalesView;
import com.salesaffairs.reporting.rest.ReportViews.MarketView;
import com.salesaffairs.reporting.rest.ReportViews.SalesTrendView;
import com.salesaffairs.reporting.service.AftersalesQualityService;
import com.salesaffairs.reporting.service.ReportService;

/**
 * Reports over the read models, each scoped to the caller ({@link com.salesaffairs.reporting.domain.TeamReach}):
 * a rep their own figures, a manager their team's, the roles that see all everyone's or one team's.
 * The trend and the market analysis also answer as CSV and as an SVG chart, chosen by {@code Accept}.
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class ReportResource {
    /** Aftersales counts are cheap at any span; the cap is issue 15's five years for every report. */
    private static final int MAX_AFTERSALES_DAYS = Granularity.FIVE_YEARS;
    /** The company's reporting currency (docs/rest-conventions.md). */
    private static final String DEFAULT_CURRENCY = "CNY";
    private static final String SCOPE = "sales-rep: the facts they own; sales-manager: their team's facts "
            + "(team= may only name their own team, another team is 403); sales-director, executive, admin, data-steward: "
            + "all, or the one team named in team=. ";
    private static final String TREND_CSV_EXAMPLE = "period,group,netAmount,costAmount,grossMargin,orders\r\n"
            + "2026-Q4,east,1734.75,1100.00,634.75,2\r\n";
    private static final String MARKET_CSV_EXAMPLE = "region,revenue,cost,margin,marginPercent,sharePercent,orders,previousRevenue,growthPercent\r\n"
            + "east,1734.75,1100.00,634.75,36.59,77.62,2,1500.00,15.65\r\n"
            + "TOTAL,2235.00,1400.00,835.00,37.36,100.00,3,1500.00,49.00\r\n";
    private static final String SVG_EXAMPLE = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"960\" height=\"540\">…</svg>";

    private final ReportService reports;
    private final AftersalesQualityService aftersalesQuality;
    private final CallerScope caller;

    public ReportResource(ReportService reports, AftersalesQualityService aftersalesQuality, CallerScope caller) {
        this.reports = reports;
        this.aftersalesQuality = aftersalesQuality;
        this.caller = caller;
    }

    @GET
    @Path("/sales-trend")
    @Produces({ MediaType.APPLICATION_JSON, ReportFormat.CSV_TYPE, ReportFormat.SVG_TYPE })
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN, Roles.DATA_STEWARD })
    @Operation(operationId = "getSalesTrend", summary = "Net sales, cost, gross margin and settled orders per day, ISO week, month or quarter, optionally split by channel, region, team, rep or product category",
            description = SCOPE
                    + "Days are UTC calendar days; an order counts on the day it was settled, a refund lowers netAmount on the day it was paid. "
                    + "Every period in the range is present, zero-filled (when split: for every group with a fact in the range). "
                    + "Accept: application/json (default), text/csv (one row per point) or image/svg+xml (a line chart of netAmount, one line per group).")
    @APIResponse(responseCode = "200", description = "the trend, as JSON, CSV or an SVG line chart by Accept", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SalesTrendView.class)),
            @Content(mediaType = ReportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING,
                    description = "RFC 4180, CRLF, header period,group,netAmount,costAmount,grossMargin,orders"),
                    examples = @ExampleObject(name = "quarters", value = TREND_CSV_EXAMPLE)),
            @Content(mediaType = ReportFormat.SVG_TYPE, schema = @Schema(type = SchemaType.STRING,
                    description = "an SVG 1.1 document, 960x540"),
                    examples = @ExampleObject(name = "chart", value = SVG_EXAMPLE)) })
    @APIResponse(responseCode = "400", description = "missing or malformed from/to, from after to, a day trend over 366 days (week, month, quarter: 1827, five years), unknown granularity, groupBy or currency; violations name the fields")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read sales reports (functional roles), or a rep or manager named another team in team=")
    @APIResponse(responseCode = "406", description = "Accept names none of application/json, text/csv, image/svg+xml")
    public Response salesTrend(
            @Parameter(description = "day (default), week (ISO-8601), month or quarter") @QueryParam("granularity") @DefaultValue("day") String granularity,
            @Parameter(description = "first day, YYYY-MM-DD (UTC)", required = true) @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD (UTC), included", required = true) @QueryParam("to") String to,
            @Parameter(description = "channel, region, team, rep or category; absent for one series") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "count only this team's facts (a rep or manager: only their own team)") @QueryParam("team") String team,
            @Parameter(description = "ISO-4217 currency of the facts counted") @QueryParam("currency") @DefaultValue(DEFAULT_CURRENCY) String currency,
            @Context HttpHeaders headers) {
        ReportParameters params = new ReportParameters();
        LocalDate fromDay = params.date("from", from);
        LocalDate toDay = params.date("to", to);
        Granularity chosen = params.choice("granularity", granularity, Granularity::fromApiName, "day, week, month, quarter");
        Granularity period = chosen == null ? Granularity.DAY : chosen;
        TrendDimension split = params.choice("groupBy", groupBy, TrendDimension::fromApiName,
                "channel, region, team, rep, category");
        String currencyCode = params.currency("currency", currency, DEFAULT_CURRENCY);
        ReportWindow window = params.window(fromDay, toDay, period.maxSpanDays(),
                "a " + period.apiName() + " trend covers at most " + period.maxSpanDays());
        params.throwIfInvalid();
        SalesTrendView trend = SalesTrendView.of(reports.salesTrend(
                new SalesTrendQuery(window, period, split, currencyCode), caller.get(), team));
        return switch (ReportFormat.preferred(headers.getAcceptableMediaTypes())) {
            case CSV -> answer(ReportFormat.CSV, ReportCsv.trend(trend), "sales-trend-" + window.from() + "-" + window.to() + ".csv");
            case SVG -> answer(ReportFormat.SVG, ReportCharts.trend(trend), null);
            case JSON -> answer(ReportFormat.JSON, trend, null);
        };
    }

    @GET
    @Path("/market")
    @Produces({ MediaType.APPLICATION_JSON, ReportFormat.CSV_TYPE, ReportFormat.SVG_TYPE })
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN, Roles.DATA_STEWARD })
    @Operation(operationId = "getMarketAnalysis", summary = "Revenue, cost, margin, margin %, share and growth per region, sales channel or customer segment",
            description = SCOPE
                    + "revenue = net amounts of orders settled in the range less refunds paid in it; growth compares with the range of equal length "
                    + "just before from. Region and channel are the order's (the refund's for a refund); segment is the customer's as last heard "
                    + "from opportunity-service (UNKNOWN when reporting knows no segment). "
                    + "Accept: application/json (default), text/csv (one row per group, then TOTAL) or image/svg+xml (a bar chart of revenue with shares).")
    @APIResponse(responseCode = "200", description = "the analysis, as JSON, CSV or an SVG bar chart by Accept", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MarketView.class)),
            @Content(mediaType = ReportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING,
                    description = "RFC 4180, CRLF; header <dimension>,revenue,cost,margin,marginPercent,sharePercent,orders,previousRevenue,growthPercent; a last row TOTAL"),
                    examples = @ExampleObject(name = "regions", value = MARKET_CSV_EXAMPLE)),
            @Content(mediaType = ReportFormat.SVG_TYPE, schema = @Schema(type = SchemaType.STRING,
                    description = "an SVG 1.1 document, 960x540"),
                    examples = @ExampleObject(name = "chart", value = SVG_EXAMPLE)) })
    @APIResponse(responseCode = "400", description = "missing or unknown dimension, missing or malformed from/to, from after to, a range over 1827 days (five years), unknown currency; violations name the fields")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read sales reports (functional roles), or a rep or manager named another team in team=")
    @APIResponse(responseCode = "406", description = "Accept names none of application/json, text/csv, image/svg+xml")
    public Response market(
            @Parameter(description = "region, channel or segment", required = true) @QueryParam("dimension") String dimension,
            @Parameter(description = "first day, YYYY-MM-DD (UTC)", required = true) @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD (UTC), included", required = true) @QueryParam("to") String to,
            @Parameter(description = "count only this team's facts (a rep or manager: only their own team)") @QueryParam("team") String team,
            @Parameter(description = "ISO-4217 currency of the facts counted") @QueryParam("currency") @DefaultValue(DEFAULT_CURRENCY) String currency,
            @Context HttpHeaders headers) {
        ReportParameters params = new ReportParameters();
        MarketDimension by = params.required("dimension", dimension, MarketDimension::fromApiName, "region, channel, segment");
        LocalDate fromDay = params.date("from", from);
        LocalDate toDay = params.date("to", to);
        String currencyCode = params.currency("currency", currency, DEFAULT_CURRENCY);
        ReportWindow window = params.window(fromDay, toDay, Granularity.FIVE_YEARS,
                "a market analysis covers at most " + Granularity.FIVE_YEARS);
        params.throwIfInvalid();
        MarketView market = MarketView.of(reports.market(new MarketQuery(window, by, currencyCode), caller.get(), team));
        return switch (ReportFormat.preferred(headers.getAcceptableMediaTypes())) {
            case CSV -> answer(ReportFormat.CSV, ReportCsv.market(market),
                    "market-" + by.apiName() + "-" + window.from() + "-" + window.to() + ".csv");
            case SVG -> answer(ReportFormat.SVG, ReportCharts.market(market), null);
            case JSON -> answer(ReportFormat.JSON, market, null);
        };
    }

    @GET
    @Path("/aftersales")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN, Roles.DATA_STEWARD })
    @Operation(operationId = "getAftersalesReport", summary = "Customer feedback logged in a range of days, counted by severity and category, with the SLA compliance of the cases resolved and the satisfaction surveys answered in it",
            description = "sales-rep: feedback from the customers they own; sales-manager: feedback from their team's customers "
                    + "(team= may only name their own team, another team is 403); sales-director, executive, admin, data-steward: all, "
                    + "or the one team named in team=. Days are UTC calendar days.")
    @APIResponse(responseCode = "200", description = "the counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AftersalesView.class)))
    @APIResponse(responseCode = "400", description = "missing or malformed from/to, from after to, a range over 1827 days (five years); violations name the fields")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read after-sales reports, or a rep or manager named another team in team=")
    public AftersalesView aftersales(
            @Parameter(description = "first day, YYYY-MM-DD (UTC)", required = true) @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD (UTC), included", required = true) @QueryParam("to") String to,
            @Parameter(description = "count only this team's feedback (a rep or manager: only their own team)") @QueryParam("team") String team) {
        ReportParameters params = new ReportParameters();
        ReportWindow window = params.window(params.date("from", from), params.date("to", to), MAX_AFTERSALES_DAYS,
                "a report covers at most " + MAX_AFTERSALES_DAYS);
        params.throwIfInvalid();
        return AftersalesView.of(reports.aftersales(window, caller.get(), team),
                aftersalesQuality.quality(window, TeamReach.of(caller.get(), team)));
    }

    /** The answer in the chosen form; CSV as a download named for its range; Vary, as the form depends on Accept. */
    private static Response answer(ReportFormat format, Object entity, String filename) {
        Response.ResponseBuilder response = Response.ok(entity, format == ReportFormat.JSON ? format.type()
                : format.type().withCharset("UTF-8")).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (filename != null) {
            response.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        }
        return response.build();
    }
}
