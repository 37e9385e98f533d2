package com.salesaffairs.aftersales.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.aftersales.domain.FeedbackCategory;
import com.salesaffairs.aftersales.service.MetricsService;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

@Path("/api/v1/aftersales/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics")
public class MetricsResource {
    private final MetricsService metrics;
    private final CallerScope caller;
    private final Clock clock;

    public MetricsResource(MetricsService metrics, CallerScope caller, Clock clock) {
        this.metrics = metrics;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({ Roles.AFTERSALES_AGENT, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getAftersalesMetrics", summary = "After-sales figures for [from, to) (aftersales-agent,"
            + " sales-director, executive, admin: all cases; sales-manager: the team's). Of the cases logged in the period:"
            + " casesLogged, median and average first-response and resolution time in business hours (SLA calendar),"
            + " response and resolution SLA compliance (% met of those judged), reopen rate (% reopened of those resolved"
            + " at least once). Of the survey answers given in the period: csatPercent (% scoring 4-5), averageScore, nps"
            + " (% likelihoodToRecommend 9-10 minus % 0-6). category= filters, groupBy=category adds one group per category."
            + " Default period: the 30 days up to now.")
    @APIResponse(responseCode = "200", description = "the figures; a figure with nothing to measure is null",
            content = @Content(schema = @Schema(implementation = MetricsService.Report.class)))
    @APIResponse(responseCode = "400", description = "from/to not ISO instants or from not before to, unknown category"
            + " or groupBy, named in violations")
    public MetricsService.Report get(
            @Parameter(description = "ISO instant, inclusive", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "ISO instant, exclusive", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "PRODUCT_QUALITY", "DELIVERY", "BILLING",
                    "SERVICE", "OTHER" })) @QueryParam("category") String category,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "category" })) @QueryParam("groupBy") String groupBy) {
        Instant end = instant("to", to, clock.instant());
        Instant start = instant("from", from, end.minus(Duration.ofDays(30)));
        if (!start.isBefore(end)) {
            throw ApiProblem.invalid("from", "must be before to");
        }
        FeedbackCategory cat = null;
        if (category != null && !category.isBlank()) {
            try {
                cat = FeedbackCategory.valueOf(category.trim());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("category", "must be one of " + Arrays.toString(FeedbackCategory.values()));
            }
        }
        if (groupBy != null && !groupBy.isBlank() && !"category".equals(groupBy.trim())) {
            throw ApiProblem.invalid("groupBy", "must be category");
        }
        return metrics.report(start, end, cat, groupBy != null && !groupBy.isBlank(), caller.get());
    }

    private static Instant instant(String field, String value, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, "must be an ISO instant, e.g. 2026-03-01T00:00:00Z");
        }
    }
}
