package com.salesaffairs.aftersales.rest;

import static com.salesaffairs.platform.rest.QueryParameters.enumValue;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

import com.salesaffairs.aftersales.domain.FeedbackCategory;
import com.salesaffairs.aftersales.domain.ImprovementAction;
import com.salesaffairs.aftersales.service.ImprovementService;
import com.salesaffairs.platform.idempotency.Created;
import com.salesaffairs.platform.idempotency.IdempotentCreates;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.IfMatch;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

@Path("/api/v1/improvement-actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "improvement-actions")
public class ImprovementResource {
    private static final String WHO = "aftersales-agent, sales-manager, sales-director";

    @Schema(example = """
            {"rootCause": "Seal supplier changed the rubber compound in batch 2026-11",
             "action": "Incoming inspection of every seal batch; supplier audit",
             "ownerId": "00000000-0000-4000-8000-0000000000aa", "dueDate": "2027-01-31",
             "caseIds": ["4f6c2f0e-8a8e-4a47-9d39-4c5bbd0b1a11"], "categories": ["PRODUCT_QUALITY"]}""")
    public record CreateRequest(@NotBlank @Size(max = 2000) String rootCause, @NotBlank @Size(max = 2000) String action,
            @NotBlank @Size(max = 100) String ownerId, @NotNull LocalDate dueDate, @Size(max = 100) List<@NotNull UUID> caseIds,
            @Size(max = 5) List<@NotNull FeedbackCategory> categories) {
    }

    @Schema(example = """
            {"status": "IN_PROGRESS", "note": "Supplier audit booked for 12 January"}""")
    public record StatusRequest(
            @NotNull @Schema(enumeration = { "IN_PROGRESS", "DONE", "CANCELLED" }) ImprovementAction.Status status,
            @Size(max = 2000) String note) {
    }

    public record ChangeView(String status, String note, String actor, Instant at) {
    }

    public record ActionView(UUID id, String rootCause, String action, String ownerId, LocalDate dueDate,
            @Schema(enumeration = { "OPEN", "IN_PROGRESS", "DONE", "CANCELLED" }) String status, boolean overdue,
            Set<UUID> caseIds, Set<FeedbackCategory> categories, String createdBy, Instant createdAt, Instant updatedAt,
            long version, List<ChangeView> history) {
        static ActionView of(ImprovementAction a, LocalDate today, List<ImprovementAction.Change> history) {
            return new ActionView(a.id(), a.rootCause(), a.action(), a.ownerId(), a.dueDate(), a.status().name(),
                    a.overdue(today), a.caseIds(), a.categories(), a.createdBy(), a.createdAt(), a.updatedAt(),
                    a.version(), history == null ? null : history.stream()
                            .map(c -> new ChangeView(c.status().name(), c.note(), c.actor(), c.at())).toList());
        }
    }

    private final ImprovementService actions;
    private final IdempotentCreates idempotent;
    private final CallerScope caller;

    public ImprovementResource(ImprovementService actions, IdempotentCreates idempotent, CallerScope caller) {
        this.actions = actions;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.AFTERSALES_AGENT, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR })
    @Operation(operationId = "openImprovementAction", summary = "Open an improvement action (" + WHO + "): rootCause,"
            + " action, ownerId, dueDate (today or later on the business calendar), linked caseIds (cases the caller"
            + " sees) and/or categories, at least one link. Status OPEN. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "opened; Location /api/v1/improvement-actions/{id}",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "a missing or invalid field, or a dueDate in the past, named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not open improvement actions")
    @APIResponse(responseCode = "422", description = "rule improvement.link (neither caseIds nor categories);"
            + " improvement.case-known (a linked case is unknown or not visible to the caller); idempotency-key.reused")
    public Response open(@HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Valid @NotNull CreateRequest request) {
        return idempotent.create(idempotencyKey, caller.get().userId(), "improvement-action.open", request, () -> {
            ImprovementAction a = actions.open(request.rootCause().trim(), request.action().trim(),
                    request.ownerId().trim(), request.dueDate(),
                    new LinkedHashSet<>(request.caseIds() == null ? List.of() : request.caseIds()),
                    new LinkedHashSet<>(request.categories() == null ? List.of() : request.categories()), caller.get());
            return new Created<>(URI.create("/api/v1/improvement-actions/" + a.id()),
                    ActionView.of(a, actions.today(), actions.history(a.id())));
        });
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({ Roles.AFTERSALES_AGENT, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR })
    @Operation(operationId = "moveImprovementAction", summary = "Move an improvement action (" + WHO + "): OPEN to"
            + " IN_PROGRESS, DONE or CANCELLED; IN_PROGRESS to DONE or CANCELLED; with a note. If-Match with the ETag"
            + " (version) read is required: 428 without it, 412 when the action changed since.")
    @APIResponse(responseCode = "200", description = "the action; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "409", description = "the action is DONE or CANCELLED, or already in that status")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response move(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StatusRequest request) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag read", null, null);
        }
        var version = IfMatch.version(ifMatch);
        if (request.status() == ImprovementAction.Status.OPEN) {
            throw ApiProblem.invalid("status", "must be one of IN_PROGRESS, DONE, CANCELLED");
        }
        UUID actionId = uuid(id);
        String note = request.note() == null || request.note().isBlank() ? null : request.note().trim();
        ImprovementAction a = actions.move(actionId, version.isPresent() ? Optional.of(version.getAsLong()) : Optional.empty(),
                request.status(), note, caller.get());
        return Response.ok(ActionView.of(a, actions.today(), actions.history(actionId)))
                .tag(new EntityTag(Long.toString(a.version()))).build();
    }

    @GET
    @RolesAllowed({ Roles.AFTERSALES_AGENT, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR })
    @Operation(operationId = "listImprovementActions", summary = "Improvement actions by due date (" + WHO + "); filters"
            + " status, category (linked category), overdue=true (OPEN or IN_PROGRESS and due before today)")
    @APIResponse(responseCode = "200", description = "a page of improvement actions (without their history)")
    public PageResponse<ActionView> list(
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "OPEN", "IN_PROGRESS", "DONE",
                    "CANCELLED" })) @QueryParam("status") String status,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "PRODUCT_QUALITY", "DELIVERY",
                    "BILLING", "SERVICE", "OTHER" })) @QueryParam("category") String category,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
            @Valid @BeanParam PageParams page) {
        ImprovementAction.Status st = enumValue(ImprovementAction.Status.class, "status", status);
        FeedbackCategory cat = enumValue(FeedbackCategory.class, "category", category);
        boolean late;
        if (overdue == null || overdue.isBlank()) {
            late = false;
        } else if (overdue.equals("true") || overdue.equals("false")) {
            late = Boolean.parseBoolean(overdue);
        } else {
            throw ApiProblem.invalid("overdue", "must be true or false");
        }
        LocalDate today = actions.today();
        return PageResponse.of(actions.list(st, cat, late, page).stream().map(a -> ActionView.of(a, today, null)).toList(),
                page, actions.count(st, cat, late));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AFTERSALES_AGENT, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR })
    @Operation(operationId = "getImprovementAction", summary = "One improvement action with its status history (" + WHO
            + "); ETag is its version")
    @APIResponse(responseCode = "200", description = "the action",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    public Response get(@PathParam("id") String id) {
        UUID actionId = uuid(id);
        ImprovementAction a = actions.get(actionId);
        return Response.ok(ActionView.of(a, actions.today(), actions.history(actionId)))
                .tag(new EntityTag(Long.toString(a.version()))).build();
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("id", "must be a UUID");
        }
    }
}
