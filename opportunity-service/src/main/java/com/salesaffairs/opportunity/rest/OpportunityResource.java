package com.salesaffairs.opportunity.rest;

import java.net.URI;
import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.opportunity.domain.Activity;
import com.salesaffairs.opportunity.domain.Opportunity;
import com.salesaffairs.opportunity.domain.OpportunitySource;
import com.salesaffairs.opportunity.domain.OpportunityStage;
import com.salesaffairs.opportunity.rest.OpportunityRequests.ActivityRequest;
import com.salesaffairs.opportunity.rest.OpportunityRequests.AssignmentRequest;
import com.salesaffairs.opportunity.rest.OpportunityRequests.CaptureRequest;
import com.salesaffairs.opportunity.rest.OpportunityRequests.CloseRequest;
import com.salesaffairs.opportunity.rest.OpportunityRequests.ReopenRequest;
import com.salesaffairs.opportunity.rest.OpportunityRequests.StageRequest;
import com.salesaffairs.opportunity.rest.OpportunityViews.ActivityView;
import com.salesaffairs.opportunity.rest.OpportunityViews.AssignmentView;
import com.salesaffairs.opportunity.rest.OpportunityViews.OpportunityView;
import com.salesaffairs.opportunity.rest.OpportunityViews.PipelineView;
import com.salesaffairs.opportunity.service.AssignmentAdvice;
import com.salesaffairs.opportunity.service.OpportunityAssignments;
import com.salesaffairs.opportunity.service.OpportunityCapture;
import com.salesaffairs.opportunity.service.OpportunityClosing;
import com.salesaffairs.opportunity.service.OpportunityFollowUp;
import com.salesaffairs.opportunity.service.OpportunityQueries;
import com.salesaffairs.opportunity.service.RepDirectory;
import com.salesaffairs.platform.idempotency.Created;
import com.salesaffairs.platform.idempotency.IdempotentCreates;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.IfMatch;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

/**
 * Opportunities (policy 3.1): capture, assignment, follow-up, stages, closing. Actions accept
 * If-Match with the opportunity's version (its ETag); creating POSTs accept Idempotency-Key.
 */
@Path("/api/v1/opportunities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "opportunities")
public class OpportunityResource {

    private final OpportunityCapture capture;
    private final OpportunityAssignments assignments;
    private final OpportunityFollowUp followUp;
    private final OpportunityClosing closing;
    private final OpportunityQueries queries;
    private final IdempotentCreates idempotent;
    private final CallerScope caller;
    private final RepDirectory reps;
    private final AssignmentAdvice advice;

    public OpportunityResource(OpportunityCapture capture, OpportunityAssignments assignments,
            OpportunityFollowUp followUp, OpportunityClosing closing, OpportunityQueries queries,
            IdempotentCreates idempotent, CallerScope caller, RepDirectory reps, AssignmentAdvice advice) {
        this.advice = advice;
        this.capture = capture;
        this.assignments = assignments;
        this.followUp = followUp;
        this.closing = closing;
        this.queries = queries;
        this.idempotent = idempotent;
        this.caller = caller;
        this.reps = reps;
    }

    /** The caller, noted in the rep directory: every rep request keeps who may be assigned in a team current. */
    private Scope me() {
        Scope scope = caller.get();
        reps.noticed(scope);
        return scope;
    }

    @POST
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER })
    @Operation(operationId = "captureOpportunity", summary = "Register an opportunity (sales-rep, sales-manager): a"
            + " rep's is assigned to them, a manager's waits unassigned in the manager's team (or, when"
            + " opportunity.assignment names the team in autoAssignTeams, is assigned at once to the top suggestion);"
            + " publishes sales.opportunity.created.v1 (and then sales.opportunity.assigned.v1). Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "captured in QUALIFICATION; its version is the ETag",
            content = @Content(schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "422", description = "rule opportunity.customer-known (customer unknown or not"
            + " visible to the caller), opportunity.owner-team (the caller is in no sales team), or"
            + " idempotency-key.reused")
    public Response capture(@HeaderParam(IdempotentCreates.HEADER) String key, @Valid @NotNull CaptureRequest request) {
        Scope scope = me();
        return idempotent.create(key, scope.userId(), "opportunity.capture", request, () -> {
            Opportunity o = capture.capture(request.input(), scope);
            return new Created<>(URI.create("/api/v1/opportunities/" + o.id()), view(o));
        });
    }

    @GET
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "listOpportunities", summary = "Opportunities in the caller's scope (a rep: assigned to"
            + " or captured by them; a manager: the team's; director, executive, admin: all), newest first;"
            + " overdue=true lists the open ones past their follow-up date or without contact for longer than"
            + " opportunity.followup allows, the most overdue first; unassigned=true the ones awaiting assignment")
    public PageResponse<OpportunityView> list(@QueryParam("stage") String stage,
            @QueryParam("assigneeId") String assigneeId, @QueryParam("customerId") String customerId,
            @QueryParam("source") String source, @QueryParam("overdue") String overdue,
            @QueryParam("unassigned") String unassigned, @Valid @BeanParam PageParams page) {
        var filter = new OpportunityQueries.ListFilter(parse("stage", stage, OpportunityStage::valueOf), assigneeId,
                flag("unassigned", unassigned), parse("customerId", customerId, UUID::fromString),
                parse("source", source, OpportunitySource::valueOf), flag("overdue", overdue));
        OpportunityQueries.Listing listing = queries.list(me(), filter, page);
        return PageResponse.of(listing.items().stream()
                .map(o -> OpportunityView.of(o, listing.policy(), listing.now())).toList(), page, listing.total());
    }

    @GET
    @Path("/pipeline")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getPipeline", summary = "The weighted pipeline of the open opportunities in the caller's"
            + " scope (sales-rep, sales-manager, sales-director, executive, admin): per currency and stage the count,"
            + " estimated amount and amount weighted by probability; optional assigneeId and team narrow it")
    public PipelineView pipeline(@QueryParam("assigneeId") String assigneeId, @QueryParam("team") String team) {
        return PipelineView.of(assigneeId, team, queries.pipeline(me(), blankToNull(assigneeId), blankToNull(team)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getOpportunity", summary = "One opportunity with its stage history (sales-rep,"
            + " sales-manager, sales-director, executive, admin); 404 when unknown or outside the caller's scope")
    @APIResponse(responseCode = "200", description = "the opportunity; its version is the ETag",
            content = @Content(schema = @Schema(implementation = OpportunityView.class)))
    public Response get(@PathParam("id") UUID id) {
        return withTag(queries.visible(id, me()));
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "assignOpportunity", summary = "Assign to a sales rep of the opportunity's team, with the"
            + " reason (the team's sales-manager, sales-director, admin); records whether the assignee was the top"
            + " assignment suggestion at this moment (computed here), the scores and the opportunity.assignment"
            + " version; publishes sales.opportunity.assigned.v1")
    @APIResponse(responseCode = "200", description = "the opportunity with its new assignee; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "409", description = "the opportunity is closed, already assigned to that rep, or"
            + " changed meanwhile")
    @APIResponse(responseCode = "422", description = "rule opportunity.assignee-in-team: the assignee is not known"
            + " as a sales rep of the opportunity's team")
    public Response assign(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AssignmentRequest request) {
        Scope scope = me();
        assignments.assign(id, IfMatch.version(ifMatch), request.assigneeId().trim(), request.reason(), scope);
        return withTag(queries.visible(id, scope));
    }

    @GET
    @Path("/{id}/assignment-suggestions")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "getAssignmentSuggestions", summary = "The known sales reps of the opportunity's team"
            + " ranked for it under opportunity.assignment (the team's sales-manager, sales-director, admin; reps 403,"
            + " another team's manager 404): each score with its components (performance, winRate, freeCapacity,"
            + " match: value, weight, contribution) and the data behind them; reps at capacity are listed apart and"
            + " not suggested")
    @APIResponse(responseCode = "200", description = "the ranking, with the policy key and version used",
            content = @Content(schema = @Schema(implementation = AdviceViews.SuggestionsView.class)))
    @APIResponse(responseCode = "409", description = "the opportunity is closed: it is not assigned, so not advised")
    public AdviceViews.SuggestionsView suggestions(@PathParam("id") UUID id) {
        return AdviceViews.SuggestionsView.of(advice.forOpportunity(id, me()));
    }

    @GET
    @Path("/{id}/assignments")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "listOpportunityAssignments", summary = "Who assigned the opportunity to whom, when and"
            + " why, oldest first (whoever sees the opportunity)")
    public PageResponse<AssignmentView> assignments(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        var all = assignments.history(id, me());
        return PageResponse.of(all.stream().skip(page.offset()).limit(page.size()).map(AssignmentView::of).toList(),
                page, all.size());
    }

    @POST
    @Path("/{id}/activities")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "logOpportunityActivity", summary = "Log a follow-up step (the assignee, the team's"
            + " sales-manager, sales-director, admin); moves the opportunity's last contact and next follow-up;"
            + " publishes sales.opportunity.activity-logged.v1. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "logged",
            content = @Content(schema = @Schema(implementation = ActivityView.class)))
    @APIResponse(responseCode = "422", description = "rule idempotency-key.reused (the key came with another body)")
    public Response logActivity(@PathParam("id") UUID id, @HeaderParam(IdempotentCreates.HEADER) String key,
            @Valid @NotNull ActivityRequest request) {
        Scope scope = me();
        return idempotent.create(key, scope.userId(), "opportunity.activity:" + id, request, () -> {
            Activity a = followUp.log(id, request.input(), scope);
            return new Created<>(URI.create("/api/v1/opportunities/" + id + "/activities/" + a.id()),
                    ActivityView.of(a));
        });
    }

    @GET
    @Path("/{id}/activities")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "listOpportunityActivities", summary = "The opportunity's follow-up steps, newest first,"
            + " paged (whoever sees the opportunity)")
    public PageResponse<ActivityView> activities(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        Scope scope = me();
        return PageResponse.of(followUp.list(id, scope, page).stream().map(ActivityView::of).toList(), page,
                followUp.count(id, scope));
    }

    @GET
    @Path("/{id}/activities/{activityId}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getOpportunityActivity", summary = "One follow-up step (whoever sees the opportunity)")
    public ActivityView activity(@PathParam("id") UUID id, @PathParam("activityId") UUID activityId) {
        return ActivityView.of(followUp.one(id, activityId, me()));
    }

    @POST
    @Path("/{id}/stage")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "moveOpportunityStage", summary = "Move to another open stage, forward or back (the"
            + " assignee, the team's sales-manager, sales-director, admin); the probability comes from"
            + " opportunity.followup; publishes sales.opportunity.stage-changed.v1")
    @APIResponse(responseCode = "200", description = "the opportunity in its new stage; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "409", description = "the opportunity is closed (reopen it first) or already in that"
            + " stage, or changed meanwhile")
    public Response moveStage(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StageRequest request) {
        Scope scope = me();
        return withTag(followUp.moveStage(id, IfMatch.version(ifMatch), request.stage(), request.note(), scope));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "closeOpportunity", summary = "Close as WON or LOST with the closing analysis (the"
            + " assignee, the team's sales-manager, sales-director, admin); publishes sales.opportunity.won.v1 or"
            + " sales.opportunity.lost.v1")
    @APIResponse(responseCode = "200", description = "the closed opportunity; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "409", description = "the opportunity is closed already, or changed meanwhile")
    @APIResponse(responseCode = "422", description = "rule opportunity.closing-analysis (analysis missing or shorter"
            + " than 30 characters) or opportunity.won-lines (WON without a line to order)")
    public Response close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CloseRequest request) {
        Scope scope = me();
        return withTag(closing.close(id, IfMatch.version(ifMatch), request.report(), scope));
    }

    @POST
    @Path("/{id}/reopen")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "reopenOpportunity", summary = "Reopen a closed opportunity in the stage it was closed"
            + " from, with the reason (the team's sales-manager, sales-director, admin); publishes"
            + " sales.opportunity.reopened.v1")
    @APIResponse(responseCode = "200", description = "the reopened opportunity; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = OpportunityView.class)))
    @APIResponse(responseCode = "409", description = "the opportunity is open, or changed meanwhile")
    public Response reopen(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReopenRequest request) {
        Scope scope = me();
        return withTag(closing.reopen(id, IfMatch.version(ifMatch), request.reason(), request.nextFollowUpAt(), scope));
    }

    private OpportunityView view(Opportunity o) {
        return OpportunityView.of(o, queries.policy(), queries.now());
    }

    private Response withTag(Opportunity o) {
        return Response.ok(view(o)).tag(new EntityTag(Long.toString(o.version()))).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiProblem.invalid(name, "must be true or false");
    }

    private static <T> T parse(String name, String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, "is not a valid value");
        }
    }
}
