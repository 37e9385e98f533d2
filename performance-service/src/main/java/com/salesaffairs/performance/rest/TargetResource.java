package com.salesaffairs.performance.rest;

import static com.salesaffairs.platform.rest.QueryParameters.enumValue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.Target;
import com.salesaffairs.performance.domain.TargetConsistency;
import com.salesaffairs.performance.domain.TargetLevel;
import com.salesaffairs.performance.domain.TargetPeriod;
import com.salesaffairs.performance.domain.TargetProposal;
import com.salesaffairs.performance.service.TargetService;
import com.salesaffairs.platform.idempotency.Created;
import com.salesaffairs.platform.idempotency.IdempotentCreates;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.IfMatch;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.rest.Versioned;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "targets")
public class TargetResource {
    private static final String PERIOD_MESSAGE = "must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY";
    private static final String SUBJECT_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    private static final String AMOUNT_MESSAGE = "must be an amount above 0, to the cent";
    private static final String SPLIT_RULES = "target.split-covers-period (monthlySplit names other months than the"
            + " period's), target.split-adds-up (monthlySplit does not add up to amount to the cent)";
    private static final String CLOSED_RULE = "target.period-closed (the period covers a month already closed for"
            + " appraisal, named in the detail)";

    @Schema(example = """
            {"level": "TEAM", "subject": "east-1", "region": "east", "period": "2026-Q4", "amount": 900000.00,
             "monthlySplit": {"2026-10": 250000.00, "2026-11": 300000.00, "2026-12": 350000.00},
             "rationale": "Year-end demand for the new product line"}""")
    public record SetTargetRequest(
            @NotNull(message = "is required") @Schema(enumeration = { "COMPANY", "REGION", "TEAM" }) TargetLevel level,
            @Pattern(regexp = SUBJECT_PATTERN, message = "must be a region or team name") String subject,
            @Pattern(regexp = SUBJECT_PATTERN, message = "must be a region name") String region,
            @NotNull(message = "is required") @Pattern(regexp = TargetPeriod.PATTERN, message = PERIOD_MESSAGE) String period,
            @NotNull(message = "is required") @DecimalMin(value = "0.00", inclusive = false, message = AMOUNT_MESSAGE)
            @Digits(integer = 14, fraction = 2, message = AMOUNT_MESSAGE) BigDecimal amount,
            @Schema(description = "month (YYYY-MM) to amount; exactly the period's months, adding up to amount")
            Map<String, BigDecimal> monthlySplit,
            @Pattern(regexp = "CNY", message = "must be CNY") String currency,
            @Size(max = 2000) String rationale) {
    }

    @Schema(example = """
            {"period": "2026-Q4", "amount": 300000.00,
             "monthlySplit": {"2026-10": 80000.00, "2026-11": 100000.00, "2026-12": 120000.00},
             "justification": "Two framework contracts renew in November; December is the year-end peak"}""")
    public record ProposalRequest(
            @Schema(description = "optional; must be the caller's own id") String repId,
            @NotNull(message = "is required") @Pattern(regexp = TargetPeriod.PATTERN, message = PERIOD_MESSAGE) String period,
            @NotNull(message = "is required") @DecimalMin(value = "0.00", inclusive = false, message = AMOUNT_MESSAGE)
            @Digits(integer = 14, fraction = 2, message = AMOUNT_MESSAGE) BigDecimal amount,
            Map<String, BigDecimal> monthlySplit,
            @NotBlank(message = "is required") @Size(max = 4000) String justification) {
    }

    @Schema(name = "ProposalApproveRequest", example = """
            {"comment": "Agreed, but December must carry more", "amount": 320000.00,
             "monthlySplit": {"2026-10": 80000.00, "2026-11": 100000.00, "2026-12": 140000.00}}""")
    public record ApproveRequest(@Size(max = 4000) String comment,
            @DecimalMin(value = "0.00", inclusive = false, message = AMOUNT_MESSAGE)
            @Digits(integer = 14, fraction = 2, message = AMOUNT_MESSAGE) BigDecimal amount,
            Map<String, BigDecimal> monthlySplit) {
    }

    @Schema(example = """
            {"comment": "Too low against the team target; the east region grows 15% this year"}""")
    public record ReturnRequest(@NotBlank(message = "is required") @Size(max = 4000) String comment) {
    }

    public record MonthView(String month, BigDecimal amount) {
        static List<MonthView> of(Map<KpiPeriod, BigDecimal> split) {
            return split.entrySet().stream().map(m -> new MonthView(m.getKey().toString(), m.getValue())).toList();
        }
    }

    public record TargetView(UUID id, @Schema(enumeration = { "COMPANY", "REGION", "TEAM", "REP" }) String level,
            String subject, String team, String region, String period,
            @Schema(enumeration = { "MONTH", "QUARTER", "YEAR" }) String periodKind, String currency, BigDecimal amount,
            List<MonthView> monthlySplit, String setBy, UUID proposalId, String rationale, long version,
            Instant createdAt, Instant updatedAt) implements Versioned {
        static TargetView of(Target t) {
            return new TargetView(t.id(), t.level().name(), t.subject(), t.team(), t.region(), t.period().toString(),
                    t.period().kind().name(), t.currency(), t.amount(), MonthView.of(t.monthlySplit()), t.setBy(),
                    t.proposalId(), t.rationale(), t.version(), t.createdAt(), t.updatedAt());
        }
    }

    public record ProposalView(UUID id, String repId, String team, String region, String period,
            @Schema(enumeration = { "MONTH", "QUARTER", "YEAR" }) String periodKind, String currency, BigDecimal amount,
            List<MonthView> monthlySplit, String justification,
            @Schema(enumeration = { "SUBMITTED", "RETURNED", "APPROVED" }) String status, String decidedBy,
            Instant decidedAt, String decisionComment, BigDecimal approvedAmount, boolean adjusted, UUID targetId,
            long version, Instant createdAt, Instant updatedAt) implements Versioned {
        static ProposalView of(TargetProposal p) {
            return new ProposalView(p.id(), p.repId(), p.team(), p.region(), p.period().toString(),
                    p.period().kind().name(), p.currency(), p.amount(), MonthView.of(p.monthlySplit()),
                    p.justification(), p.status().name(), p.decidedBy(), p.decidedAt(), p.decisionComment(),
                    p.approvedAmount(), p.adjusted(), p.targetId(), p.version(), p.createdAt(), p.updatedAt());
        }
    }

    private final TargetService targets;
    private final IdempotentCreates idempotent;
    private final CallerScope caller;

    public TargetResource(TargetService targets, IdempotentCreates idempotent, CallerScope caller) {
        this.targets = targets;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "setTarget", summary = "Set or revise a revenue target (sales-director, admin: COMPANY,"
            + " REGION and TEAM; sales-manager: TEAM of their own team). One target per (level, subject, period):"
            + " setting it again is a revision (version + 1, published again); the same figures again change nothing."
            + " Without monthlySplit (or with {}) the amount is spread evenly, the remaining cents on the last month."
            + " Optional If-Match with the version the caller read.")
    @APIResponse(responseCode = "201", description = "the first target of this level, subject and period; Location"
            + " /api/v1/targets/{id}, ETag = version", content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "200", description = "revised (version + 1), or unchanged when the figures are the same",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "missing or invalid field named in violations: level, subject,"
            + " region (required for a team's first target when set by the director), period, amount (above 0, to the"
            + " cent), monthlySplit.<month>, currency")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "sales-manager setting a COMPANY or REGION target; other roles")
    @APIResponse(responseCode = "404", description = "a sales-manager naming another team")
    @APIResponse(responseCode = "412", description = "If-Match is not the target's current version")
    @APIResponse(responseCode = "422", description = "rules target.rep-from-proposal (level REP), " + CLOSED_RULE + ", "
            + SPLIT_RULES)
    public Response set(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull SetTargetRequest request) {
        String subject = subject(request.level(), request.subject());
        TargetService.SetResult result = targets.set(new TargetService.TargetSetting(request.level(), subject,
                request.region(), period("period", request.period()), request.amount(), request.monthlySplit(),
                blankToNull(request.rationale())), version(ifMatch), caller.get());
        Target t = result.target();
        Response.ResponseBuilder answer = result.created()
                ? Response.created(URI.create("/api/v1/targets/" + t.id())) : Response.ok();
        return answer.entity(TargetView.of(t)).tag(new EntityTag(Integer.toString(t.version()))).build();
    }

    @GET
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "listTargets", summary = "Targets by period, level and subject (sales-director, executive,"
            + " admin: all; sales-manager: company and region targets, their team's and their reps'; sales-rep:"
            + " company and region targets, their team's and their own). Filters level, period, subject, team.")
    @APIResponse(responseCode = "200", description = "a page of targets",
            content = @Content(schema = @Schema(implementation = TargetPage.class)))
    @APIResponse(responseCode = "400", description = "a bad filter or page parameter, named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read targets (finance and other functional roles)")
    public PageResponse<TargetView> list(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "COMPANY", "REGION", "TEAM", "REP" }))
            @QueryParam("level") String level,
            @Parameter(description = "YYYY-MM, YYYY-Qn or YYYY: targets set for exactly that period", example = "2026-Q4")
            @QueryParam("period") @Pattern(regexp = TargetPeriod.PATTERN, message = PERIOD_MESSAGE) String period,
            @QueryParam("subject") @Size(max = 100) String subject,
            @QueryParam("team") @Size(max = 100) String team,
            @Valid @BeanParam PageParams page) {
        TargetLevel l = enumValue(TargetLevel.class, "level", level);
        String p = period == null || period.isBlank() ? null : period("period", period).toString();
        return PageResponse.of(targets.list(l, p, blankToNull(subject), blankToNull(team), caller.get(), page).stream()
                .map(TargetView::of).toList(), page, targets.count(l, p, blankToNull(subject), blankToNull(team), caller.get()));
    }

    @GET
    @Path("/consistency")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getTargetConsistency", summary = "Do the targets add up (sales-manager: their own team's"
            + " line only; sales-director, executive, admin: every team, region and the company)? Per team its target"
            + " against the sum of its reps' targets, per region against its teams', the company's against all teams'"
            + " and all regions'; shortfall is what the lower level lacks (0 when it covers the target, null without"
            + " an upper target). Monthly figures of the most specific target per month are added over the period.")
    @APIResponse(responseCode = "200", description = "the period's consistency view",
            content = @Content(schema = @Schema(implementation = TargetConsistency.class)))
    @APIResponse(responseCode = "400", description = "period missing or not YYYY-MM, YYYY-Qn or YYYY; named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "sales-rep and functional roles")
    public TargetConsistency consistency(
            @Parameter(description = "YYYY-MM, YYYY-Qn or YYYY", example = "2026-Q4", required = true)
            @QueryParam("period") @NotNull(message = "is required") @Pattern(regexp = TargetPeriod.PATTERN, message = PERIOD_MESSAGE) String period) {
        return targets.consistency(period("period", period), caller.get());
    }

    @POST
    @Path("/proposals")
    @RolesAllowed({ Roles.SALES_REP })
    @Operation(operationId = "proposeTarget", summary = "A sales-rep files their own personal target for a period with"
            + " a justification, for their team's manager to approve, adjust or return. The rep's team and region are"
            + " taken from their token. One proposal per rep and period waits for a decision at a time; after a return"
            + " the rep files a new one. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "filed, status SUBMITTED; Location /api/v1/targets/proposals/{id}",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "400", description = "missing or invalid field named in violations: period, amount"
            + " (above 0, to the cent), monthlySplit.<month>, justification")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "only sales-rep files proposals")
    @APIResponse(responseCode = "409", description = "rule target-proposal.open-exists: a proposal for the period waits for a decision")
    @APIResponse(responseCode = "422", description = "rules target-proposal.own-only (repId names someone else),"
            + " target-proposal.team-required (caller in no team), " + CLOSED_RULE + ", " + SPLIT_RULES
            + ", idempotency-key.reused")
    public Response propose(@HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Valid @NotNull ProposalRequest request) {
        return idempotent.create(idempotencyKey, caller.get().userId(), "target-proposal.file", request, () -> {
            TargetProposal p = targets.propose(blankToNull(request.repId()), period("period", request.period()),
                    request.amount(), request.monthlySplit(), request.justification().trim(), caller.get());
            return new Created<>(URI.create("/api/v1/targets/proposals/" + p.id()), ProposalView.of(p));
        });
    }

    @GET
    @Path("/proposals")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "listTargetProposals", summary = "Target proposals, newest first (sales-rep: own;"
            + " sales-manager: their team's; sales-director, executive, admin: all). Filters status, period, repId.")
    @APIResponse(responseCode = "200", description = "a page of proposals",
            content = @Content(schema = @Schema(implementation = ProposalPage.class)))
    @APIResponse(responseCode = "400", description = "a bad filter or page parameter, named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "functional roles")
    public PageResponse<ProposalView> proposals(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "SUBMITTED", "RETURNED", "APPROVED" }))
            @QueryParam("status") String status,
            @Parameter(description = "YYYY-MM, YYYY-Qn or YYYY", example = "2026-Q4")
            @QueryParam("period") @Pattern(regexp = TargetPeriod.PATTERN, message = PERIOD_MESSAGE) String period,
            @QueryParam("repId") @Size(max = 100) String repId,
            @Valid @BeanParam PageParams page) {
        TargetProposal.Status s = enumValue(TargetProposal.Status.class, "status", status);
        String p = period == null || period.isBlank() ? null : period("period", period).toString();
        return PageResponse.of(targets.proposals(s, p, blankToNull(repId), caller.get(), page).stream()
                .map(ProposalView::of).toList(), page, targets.countProposals(s, p, blankToNull(repId), caller.get()));
    }

    @GET
    @Path("/proposals/{id}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getTargetProposal", summary = "One target proposal (sales-rep: own; sales-manager: their"
            + " team's; sales-director, executive, admin: all); ETag is its version")
    @APIResponse(responseCode = "200", description = "the proposal",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID; named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "functional roles")
    @APIResponse(responseCode = "404", description = "unknown or outside the caller's scope")
    public Response proposal(@PathParam("id") String id) {
        return proposalResponse(targets.proposal(uuid(id), caller.get()));
    }

    @POST
    @Path("/proposals/{id}/approve")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "approveTargetProposal", summary = "Approve a SUBMITTED proposal (sales-manager of the"
            + " rep's team; sales-director, admin), as proposed or adjusted (amount and/or monthlySplit; an amount"
            + " without a split is spread evenly). Writes or revises the rep's REP target and publishes"
            + " sales.target.approved.v1 (adjusted = the figures differ from the proposal). Optional If-Match.")
    @APIResponse(responseCode = "200", description = "the proposal, APPROVED, with targetId",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "400", description = "invalid amount or monthlySplit.<month>, or id not a UUID; named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "sales-rep and other roles")
    @APIResponse(responseCode = "404", description = "unknown, or the rep is in another manager's team")
    @APIResponse(responseCode = "409", description = "the proposal was already approved or returned")
    @APIResponse(responseCode = "412", description = "If-Match is not the proposal's version")
    @APIResponse(responseCode = "422", description = "rules target-proposal.own-decision (the caller filed the"
            + " proposal), " + CLOSED_RULE + ", " + SPLIT_RULES)
    public Response approve(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid ApproveRequest request) {
        ApproveRequest a = request == null ? new ApproveRequest(null, null, null) : request;
        return proposalResponse(targets.approve(uuid(id), version(ifMatch),
                new TargetService.Approval(blankToNull(a.comment()), a.amount(), a.monthlySplit()), caller.get()));
    }

    @POST
    @Path("/proposals/{id}/return")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "returnTargetProposal", summary = "Return a SUBMITTED proposal to the rep with a comment"
            + " (sales-manager of the rep's team; sales-director, admin); the rep files a new one. Optional If-Match.")
    @APIResponse(responseCode = "200", description = "the proposal, RETURNED",
            content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "400", description = "comment missing, or id not a UUID; named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "sales-rep and other roles")
    @APIResponse(responseCode = "404", description = "unknown, or the rep is in another manager's team")
    @APIResponse(responseCode = "409", description = "the proposal was already approved or returned")
    @APIResponse(responseCode = "412", description = "If-Match is not the proposal's version")
    @APIResponse(responseCode = "422", description = "rule target-proposal.own-decision (the caller filed the proposal)")
    public Response returnToRep(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReturnRequest request) {
        return proposalResponse(targets.returnToRep(uuid(id), version(ifMatch), request.comment().trim(), caller.get()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "getTarget", summary = "One target with its monthly split (visible as in listTargets:"
            + " sales-rep, sales-manager scoped; sales-director, executive, admin all); ETag is its version")
    @APIResponse(responseCode = "200", description = "the target",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID; named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "functional roles")
    @APIResponse(responseCode = "404", description = "unknown or outside the caller's scope")
    public Response get(@PathParam("id") String id) {
        Target t = targets.get(uuid(id), caller.get());
        return Response.ok(TargetView.of(t)).tag(new EntityTag(Integer.toString(t.version()))).build();
    }

    /** The OpenAPI shape of a page of targets. */
    public record TargetPage(List<TargetView> items, int page, int size, long total) {
    }

    /** The OpenAPI shape of a page of proposals. */
    public record ProposalPage(List<ProposalView> items, int page, int size, long total) {
    }

    private static Response proposalResponse(TargetProposal p) {
        return Response.ok(ProposalView.of(p)).tag(new EntityTag(Integer.toString(p.version()))).build();
    }

    /** COMPANY has the one subject "company" (given or not); REGION and TEAM name theirs. */
    private static String subject(TargetLevel level, String subject) {
        if (level == TargetLevel.COMPANY) {
            if (subject != null && !subject.equals(TargetLevel.COMPANY_SUBJECT)) {
                throw ApiProblem.invalid("subject", "must be absent (or \"company\") for a COMPANY target");
            }
            return TargetLevel.COMPANY_SUBJECT;
        }
        if (subject == null) {
            throw ApiProblem.invalid("subject", "is required: the " + level.name().toLowerCase() + " the target is for");
        }
        return subject;
    }

    private static TargetPeriod period(String field, String text) {
        try {
            return TargetPeriod.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, PERIOD_MESSAGE);
        }
    }

    private static Optional<Long> version(String ifMatch) {
        OptionalLong v = IfMatch.version(ifMatch);
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("id", "must be a UUID");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
