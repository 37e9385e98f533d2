package com.salesaffairs.reporting.rest;

import java.time.LocalDate;

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
import com.salesaffairs.reporting.domain.SalesTrendQuery;
import com.salesaffairs.reporting.domain.TrendDimension;
import com.salesaffairs.reporting.rest.ReportViews.AftersalesView;
import com.salesaffairs.reporting.rest.ReportViews.SalesTrendView;
import com.salesaffairs.reporting.service.ReportService;

/**
 * Reports over the read models. Sales reps are refused for now: their own-records view of the same
 * figures comes with rep-scoped reports.
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class ReportResource {
    /** Aftersales counts are cheap at any span; the cap only stops a typo like 0202 from scanning centuries. */
    private static final int MAX_AFTERSALES_DAYS = 3653;
    /** The company's reporting currency (docs/rest-conventions.md). */
    private static final String DEFAULT_CURRENCY = "CNY";

    private final ReportService reports;
    private final CallerScope caller;

    public ReportResource(ReportService reports, CallerScope caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Path("/sales-trend")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN, Roles.DATA_STEWARD })
    @Operation(operationId = "getSalesTrend", summary = "Net sales, cost, gross margin and settled orders per day, ISO week or month, optionally split by channel, region, team or product category",
            description = "sales-manager: their team's facts; sales-director, executive, admin, data-steward: all. "
                    + "Days are UTC calendar days; an order counts on the day it was settled, a refund lowers netAmount on the day it was paid. "
                    + "Every period in the range is present, zero-filled (when split: for every group with a fact in the range).")
    @APIResponse(responseCode = "200", description = "the trend",
            content = @Content(schema = @Schema(implementation = SalesTrendView.class)))
    @APIResponse(responseCode = "400", description = "missing or malformed from/to, from after to, a day trend over 366 days (week, month: 3653), unknown granularity, groupBy or currency; violations name the fields")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read sales reports (sales-rep and functional roles)")
    public SalesTrendView salesTrend(
            @Parameter(description = "day (default), week (ISO-8601) or month") @QueryParam("granularity") @DefaultValue("day") String granularity,
            @Parameter(description = "first day, YYYY-MM-DD (UTC)", required = true) @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD (UTC), included", required = true) @QueryParam("to") String to,
            @Parameter(description = "channel, region, team or category; absent for one series") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "ISO-4217 currency of the facts counted") @QueryParam("currency") @DefaultValue(DEFAULT_CURRENCY) String currency) {
        ReportParameters params = new ReportParameters();
        LocalDate fromDay = params.date("from", from);
        LocalDate toDay = params.date("to", to);
        Granularity chosen = params.choice("granularity", granularity, Granularity::fromApiName, "day, week, month");
        Granularity period = chosen == null ? Granularity.DAY : chosen;
        TrendDimension split = params.choice("groupBy", groupBy, TrendDimension::fromApiName,
                "channel, region, team, category");
        String currencyCode = params.currency("currency", currency, DEFAULT_CURRENCY);
        ReportWindow window = params.window(fromDay, toDay, period.maxSpanDays(),
                "a " + period.apiName() + " trend covers at most " + period.maxSpanDays());
        params.throwIfInvalid();
        return SalesTrendView.of(reports.salesTrend(new SalesTrendQuery(window, period, split, currencyCode),
                caller.get()));
    }

    @GET
    @Path("/aftersales")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN, Roles.DATA_STEWARD })
    @Operation(operationId = "getAftersalesReport", summary = "Customer feedback logged in a range of days, counted by severity and category",
            description = "sales-manager: feedback from their team's customers; sales-director, executive, admin, data-steward: all. Days are UTC calendar days.")
    @APIResponse(responseCode = "200", description = "the counts",
            content = @Content(schema = @Schema(implementation = AftersalesView.class)))
    @APIResponse(responseCode = "400", description = "missing or malformed from/to, from after to, a range over 3653 days; violations name the fields")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read after-sales reports")
    public AftersalesView aftersales(
            @Parameter(description = "first day, YYYY-MM-DD (UTC)", required = true) @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD (UTC), included", required = true) @QueryParam("to") String to) {
        ReportParameters params = new ReportParameters();
        ReportWindow window = params.window(params.date("from", from), params.date("to", to), MAX_AFTERSALES_DAYS,
                "a report covers at most " + MAX_AFTERSALES_DAYS);
        params.throwIfInvalid();
        return AftersalesView.of(reports.aftersales(window, caller.get()));
    }
}
