package com.salesaffairs.opportunity.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.opportunity.domain.CloseReason;
import com.salesaffairs.opportunity.domain.OpportunitySource;
import com.salesaffairs.opportunity.domain.WinLoss;
import com.salesaffairs.opportunity.rest.AdviceViews.FairnessView;
import com.salesaffairs.opportunity.rest.AdviceViews.WinLossView;
import com.salesaffairs.opportunity.service.OpportunityAnalytics;
import com.salesaffairs.opportunity.service.OpportunityAnalytics.Period;
import com.salesaffairs.opportunity.service.RepDirectory;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

/**
 * The supervisors' analyses of policy 3.1: fairness of assignment and win/loss learning. Reps do
 * not read them (403): they compare colleagues. Periods are UTC days, both ends included.
 */
@Path("/api/v1/opportunities/analytics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "opportunity analytics")
public class OpportunityAnalyticsResource {
    private static final int FAIRNESS_DEFAULT_DAYS = 90;
    private static final int WIN_LOSS_DEFAULT_DAYS = 365;

    private final OpportunityAnalytics analytics;
    private final CallerScope caller;
    private final RepDirectory reps;
    private final Clock clock;

    public OpportunityAnalyticsResource(OpportunityAnalytics analytics, CallerScope caller, RepDirectory reps,
            Clock clock) {
        this.analytics = analytics;
        this.caller = caller;
        this.reps = reps;
        this.clock = clock;
    }

    @GET
    @Path("/assignment-fairness")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getAssignmentFairness", summary = "How a team's assignments in a period were spread"
            + " over its reps (sales-manager: own team, other teams 404; sales-director, executive, admin: any team,"
            + " team required): per rep the count and estimated value assigned and their shares, the average"
            + " suggestion score at assignment and how often the top suggestion was followed; the concentration as"
            + " Herfindahl-Hirschman indexes of count and value shares and the max/min ratio. from and to are UTC"
            + " dates, both included (default: the last 90 days); values count the assignments in currency"
            + " (default CNY)")
    @APIResponse(responseCode = "200", description = "the fairness of the team's assignments in the period",
            content = @Content(schema = @Schema(implementation = FairnessView.class)))
    @APIResponse(responseCode = "404", description = "a sales-manager named a team other than their own")
    public FairnessView fairness(@QueryParam("team") String team, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("currency") String currency) {
        Scope scope = me();
        Period period = period(from, to, FAIRNESS_DEFAULT_DAYS);
        String money = currency(currency);
        return FairnessView.of(analytics.fairness(scope, blankToNull(team), period, money), period, money);
    }

    @GET
    @Path("/win-loss")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getWinLoss", summary = "Win/loss learning over the opportunities closed in a period"
            + " (sales-manager: own team, another team 404; sales-director, executive, admin: all teams or one):"
            + " won, lost, win rate, mean days from capture to close, estimated value won and lost (in currency,"
            + " default CNY), in total and grouped by groupBy (month, team, source, reason or competitor; default"
            + " month), with the five most frequent lessons learned. Filters: team, source, reason, competitor (case"
            + " insensitive). from and to are UTC dates, both included (default: the last 365 days)")
    @APIResponse(responseCode = "200", description = "the win/loss figures",
            content = @Content(schema = @Schema(implementation = WinLossView.class)))
    @APIResponse(responseCode = "404", description = "a sales-manager named a team other than their own")
    public WinLossView winLoss(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("team") String team, @QueryParam("source") String source, @QueryParam("reason") String reason,
            @QueryParam("competitor") String competitor, @QueryParam("groupBy") String groupBy,
            @QueryParam("currency") String currency) {
        Scope scope = me();
        Period period = period(from, to, WIN_LOSS_DEFAULT_DAYS);
        var filter = new OpportunityAnalytics.WinLossFilter(blankToNull(team),
                parse("source", source, OpportunitySource::valueOf), parse("reason", reason, CloseReason::valueOf),
                competitor == null || competitor.isBlank() ? null : competitor.strip(),
                groupBy == null || groupBy.isBlank() ? WinLoss.GroupBy.MONTH
                        : parse("groupBy", groupBy, g -> WinLoss.GroupBy.valueOf(g.toUpperCase(Locale.ROOT))),
                currency(currency));
        if (filter.competitor() != null && filter.competitor().length() > 200) {
            throw ApiProblem.invalid("competitor", "must be at most 200 characters");
        }
        return WinLossView.of(analytics.winLoss(scope, period, filter), period, filter);
    }

    private Scope me() {
        Scope scope = caller.get();
        reps.noticed(scope);
        return scope;
    }

    private Period period(String from, String to, int defaultDays) {
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(defaultDays - 1L) : date("from", from);
        if (start.isAfter(end)) {
            throw ApiProblem.invalid("from", "must not be after to");
        }
        return new Period(start, end);
    }

    private static LocalDate date(String name, String value) {
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 2000 || date.getYear() > 9998) {
                throw ApiProblem.invalid(name, "must be a date from the year 2000 to 9998");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(name, "must be an ISO date, e.g. 2026-12-01");
        }
    }

    private static String currency(String value) {
        if (value == null || value.isBlank()) {
            return "CNY";
        }
        if (!value.strip().matches("[A-Z]{3}")) {
            throw ApiProblem.invalid("currency", "must be an ISO-4217 code");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <T> T parse(String name, String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, "is not a valid value");
        }
    }
}
