package com.salesaffairs.aftersales.rest;

import static com.salesaffairs.platform.rest.QueryParameters.uuid;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.aftersales.domain.Survey;
import com.salesaffairs.aftersales.rest.SurveyViews.AnswerRequest;
import com.salesaffairs.aftersales.rest.SurveyViews.AnswerView;
import com.salesaffairs.aftersales.rest.SurveyViews.CampaignRequest;
import com.salesaffairs.aftersales.rest.SurveyViews.CampaignView;
import com.salesaffairs.aftersales.rest.SurveyViews.CampaignRunPage;
import com.salesaffairs.aftersales.rest.SurveyViews.CampaignRunView;
import com.salesaffairs.aftersales.rest.SurveyViews.IssuedLink;
import com.salesaffairs.aftersales.rest.SurveyViews.SendRequest;
import com.salesaffairs.aftersales.rest.SurveyViews.SentSurvey;
import com.salesaffairs.aftersales.rest.SurveyViews.SurveyView;
import com.salesaffairs.aftersales.service.SurveyService;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.problem.Violation;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "surveys")
public class SurveyResource {
    private final SurveyService surveys;
    private final CallerScope caller;
    private final Clock clock;

    public SurveyResource(SurveyService surveys, CallerScope caller, Clock clock) {
        this.surveys = surveys;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Path("/surveys")
    @RolesAllowed({ Roles.AFTERSALES_AGENT, Roles.SALES_MANAGER })
    @Operation(operationId = "sendSurvey", summary = "Send a satisfaction survey for a case or an order by hand"
            + " (aftersales-agent for any, sales-manager for the team's). Body: exactly one of caseId, orderId. The"
            + " customer must not have been sent a survey within the policy's minDaysBetweenSurveysPerCustomer (30)"
            + " days. The answer names the single-use token and answerPath (the link a mailer sends), shown only here;"
            + " the link is valid linkValidDays (14) days.")
    @APIResponse(responseCode = "201", description = "survey sent; Location /api/v1/surveys/{id}",
            content = @Content(schema = @Schema(implementation = SentSurvey.class)))
    @APIResponse(responseCode = "400", description = "neither or both of caseId and orderId, or a bad field")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not send surveys")
    @APIResponse(responseCode = "422", description = "rule survey.too-soon (the customer was sent a survey within the"
            + " last 30 days); survey.subject-known (the case or order is unknown, not yet replicated, or another"
            + " team's for a manager)")
    public Response send(@Valid @NotNull SendRequest request) {
        if ((request.caseId() == null) == (request.orderId() == null)) {
            throw new ApiProblem(400, "invalid-request", "Invalid request", "name exactly one of caseId and orderId",
                    null, java.util.List.of(new Violation("caseId", "name exactly one of caseId and orderId"),
                            new Violation("orderId", "name exactly one of caseId and orderId")));
        }
        SurveyService.Sent sent = surveys.sendManual(request.caseId(), request.orderId(), caller.get());
        return Response.created(URI.create("/api/v1/surveys/" + sent.survey().id())).entity(SentSurvey.of(sent)).build();
    }

    @POST
    @Path("/survey-campaigns")
    @RolesAllowed({ Roles.AFTERSALES_AGENT, Roles.SALES_DIRECTOR })
    @Operation(operationId = "runSurveyCampaign", summary = "Run a survey campaign (aftersales-agent, sales-director):"
            + " every customer with an order settled in the period (default: the last campaign.settledWithinDays (90)"
            + " days) is sent one survey about their latest settled order, unless surveyed within the last 30 days"
            + " (skipped). Answers the counts and the surveys sent with their tokens (shown only here). Body optional.")
    @APIResponse(responseCode = "200", description = "counts of surveys sent and customers skipped",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "400", description = "settledFrom not before settledTo, or a bad field")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not run campaigns")
    public CampaignView campaign(@Valid CampaignRequest request) {
        return CampaignView.of(surveys.campaign(request == null ? null : request.settledFrom(),
                request == null ? null : request.settledTo(), caller.get()));
    }

    @GET
    @Path("/survey-campaigns")
    @RolesAllowed({ Roles.AFTERSALES_AGENT, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "listSurveyCampaignRuns", summary = "Survey campaign runs, newest first (aftersales-agent,"
            + " sales-director, admin): each MANUAL run (POST /survey-campaigns) and SCHEDULED run (the quarterly"
            + " campaign of aftersales.survey campaign.everyMonths, one per period such as 2026-Q4, recorded even when"
            + " it sent nothing) with its settlement window and counts sent and skipped. period narrows to one"
            + " period's label. Never a token.")
    @APIResponse(responseCode = "200", description = "a page of campaign runs",
            content = @Content(schema = @Schema(implementation = CampaignRunPage.class)))
    @APIResponse(responseCode = "400", description = "a bad page, size or period")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read campaign runs")
    public PageResponse<CampaignRunView> campaignRuns(
            @Parameter(description = "a period label, e.g. 2026-Q4", schema = @Schema(type = SchemaType.STRING,
                    maxLength = 20)) @QueryParam("period") String period,
            @Valid @BeanParam PageParams page) {
        String p = period == null || period.isBlank() ? null : period.trim();
        if (p != null && p.length() > 20) {
            throw ApiProblem.invalid("period", "must be a period label of at most 20 characters, e.g. 2026-Q4");
        }
        return PageResponse.of(surveys.campaignRuns(p, page).stream().map(CampaignRunView::of).toList(), page,
                surveys.countCampaignRuns(p));
    }

    @GET
    @Path("/surveys")
    @RolesAllowed({ Roles.AFTERSALES_AGENT, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR })
    @Operation(operationId = "listSurveys", summary = "Surveys, newest first (aftersales-agent and sales-director all,"
            + " sales-manager the team's); status SENT, ANSWERED or EXPIRED (sent and past expiresAt). Never the token.")
    @APIResponse(responseCode = "200", description = "a page of surveys")
    public PageResponse<SurveyView> list(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "SENT", "ANSWERED", "EXPIRED" }))
            @QueryParam("status") String status,
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("customerId") String customerId,
            @Valid @BeanParam PageParams page) {
        Survey.Status st = status(status);
        UUID customer = uuid("customerId", customerId);
        var now = clock.instant();
        return PageResponse.of(surveys.list(caller.get(), st, customer, page).stream().map(s -> SurveyView.of(s, now))
                .toList(), page, surveys.count(caller.get(), st, customer));
    }

    @GET
    @Path("/surveys/{id}")
    @RolesAllowed({ Roles.AFTERSALES_AGENT, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR })
    @Operation(operationId = "getSurvey", summary = "One survey (aftersales-agent and sales-director any, sales-manager"
            + " the team's); never the token. 404 when unknown or outside the caller's scope")
    @APIResponse(responseCode = "200", description = "the survey",
            content = @Content(schema = @Schema(implementation = SurveyView.class)))
    public SurveyView get(@PathParam("id") String id) {
        return SurveyView.of(surveys.visible(uuid("id", id), caller.get()), clock.instant());
    }

    @POST
    @Path("/surveys/{id}/link")
    @RolesAllowed({ Roles.AFTERSALES_AGENT, Roles.SALES_MANAGER })
    @Operation(operationId = "issueSurveyLink", summary = "Issue a fresh single-use link for a survey not yet answered"
            + " and not expired (aftersales-agent for any, sales-manager for the team's), for staff to send by mail or"
            + " phone; this is how a survey sent on closing a case reaches the customer. The answer names the new token"
            + " and answerPath (/api/v1/surveys/{token}/responses), shown only here. Rotating: the previous link stops"
            + " working (404); expiresAt is unchanged. Who issued it is recorded. No body.")
    @APIResponse(responseCode = "200", description = "a new link was issued; the previous one no longer works",
            content = @Content(schema = @Schema(implementation = IssuedLink.class)))
    @APIResponse(responseCode = "404", description = "no such survey, or another team's for a manager")
    @APIResponse(responseCode = "409", description = "rule survey.answered: the survey was already answered; no link"
            + " issued")
    @APIResponse(responseCode = "410", description = "rule survey.expired: the survey is past its expiresAt; no link"
            + " issued")
    public IssuedLink issueLink(@PathParam("id") String id) {
        UUID surveyId = uuid("id", id);
        if (surveyId == null) {
            throw ApiProblem.invalid("id", "must be a UUID");
        }
        return IssuedLink.of(surveys.issueLink(surveyId, caller.get()));
    }

    @POST
    @Path("/surveys/{token}/responses")
    @PermitAll
    @Operation(operationId = "answerSurvey", summary = "Answer a survey without login (public: the token from the survey"
            + " link is the credential, single use): score 1..5 and likelihoodToRecommend 0..10 (whole numbers),"
            + " comment at most 2000. Publishes sales.survey.completed.v1 (without the comment).")
    @APIResponse(responseCode = "200", description = "the answer was recorded",
            content = @Content(schema = @Schema(implementation = AnswerView.class)))
    @APIResponse(responseCode = "400", description = "a field out of range, a fraction, or missing: named in violations;"
            + " nothing recorded")
    @APIResponse(responseCode = "404", description = "no survey has this token (unknown or forged); nothing recorded")
    @APIResponse(responseCode = "409", description = "rule survey.answered: the survey was already answered (a link is"
            + " single use); nothing recorded")
    @APIResponse(responseCode = "410", description = "rule survey.expired: the link is past its expiresAt; nothing"
            + " recorded")
    public Response answer(@PathParam("token") String token, @Valid @NotNull AnswerRequest request) {
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().trim();
        Survey s = surveys.answer(token, request.score(), request.likelihoodToRecommend(), comment);
        return Response.ok(new AnswerView(s.id(), s.answeredAt(), s.score(), s.likelihood())).build();
    }

    private static Survey.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Survey.Status.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("status", "must be one of " + Arrays.toString(Survey.Status.values()));
        }
    }
}
