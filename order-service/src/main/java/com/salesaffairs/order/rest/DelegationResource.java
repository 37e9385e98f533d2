package com.salesaffairs.order.rest;

import java.net.URI;
import java.time.Instant;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.order.domain.Delegation;
import com.salesaffairs.order.service.DelegationService;
import com.salesaffairs.platform.idempotency.Created;
import com.salesaffairs.platform.idempotency.IdempotentCreates;
import com.salesaffairs.platform.rest.IfMatch;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.rest.Versioned;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

import io.quarkus.security.Authenticated;

/** A supervisor lends their approval authority to a named user for a time window, on the record. */
@Path("/api/v1/delegations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "delegations")
public class DelegationResource {

    @Schema(description = "An authority of the caller's lent to a named user; validFrom defaults to now", example = """
            {"role": "sales-manager", "delegateUsername": "bob", "validFrom": "2026-12-20T00:00:00Z",
             "validUntil": "2027-01-03T00:00:00Z", "reason": "holiday cover"}""")
    public record DelegationRequest(
            @NotBlank String role,
            @NotBlank @Size(max = 100) String delegateUsername,
            Instant validFrom,
            @NotNull Instant validUntil,
            @NotBlank @Size(max = 500) String reason) {
    }

    public record DelegationView(UUID id, String delegator, String role, String team, String delegate,
            Instant validFrom, Instant validUntil, String reason, String status, boolean inForce, Instant createdAt,
            Instant revokedAt, String revokedBy, long version) implements Versioned {
        static DelegationView of(Delegation d, Instant now) {
            return new DelegationView(d.id(), d.delegatorUsername(), d.role(), d.team(), d.delegateUsername(),
                    d.validFrom(), d.validUntil(), d.reason(), d.status().name(), d.inForceAt(now), d.createdAt(),
                    d.revokedAt(), d.revokedBy(), d.version());
        }
    }

    private final DelegationService delegations;
    private final IdempotentCreates idempotent;
    private final CallerScope caller;
    private final java.time.Clock clock;

    public DelegationResource(DelegationService delegations, IdempotentCreates idempotent, CallerScope caller,
            java.time.Clock clock) {
        this.delegations = delegations;
        this.idempotent = idempotent;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR })
    @Operation(operationId = "grantDelegation", summary = "Lend your approval authority (sales-manager or sales-director) to a named user until validUntil (at most 90 days)")
    @APIResponse(responseCode = "201", description = "granted; its version is the ETag",
            content = @Content(schema = @Schema(implementation = DelegationView.class)))
    @APIResponse(responseCode = "422", description = "rule delegation.max-length (longer than 90 days) or"
            + " delegation.manager-team (a manager without a team lends nothing)")
    @APIResponse(responseCode = "403", description = "you do not hold that role")
    public Response grant(@HeaderParam(IdempotentCreates.HEADER) String key, @Valid @NotNull DelegationRequest request) {
        return idempotent.create(key, caller.get().userId(), "delegation.grant", request, () -> {
            Delegation d = delegations.grant(request.role(), request.delegateUsername(), request.validFrom(),
                    request.validUntil(), request.reason(), caller.get());
            return new Created<>(URI.create("/api/v1/delegations/" + d.id()), DelegationView.of(d, clock.instant()));
        });
    }

    @GET
    // Any signed-in user: a delegate may hold any role, and sees only what they granted or received.
    @Authenticated
    @Operation(operationId = "listDelegations", summary = "Delegations you granted or received (all for director, executive, admin); active=true for those in force")
    public PageResponse<DelegationView> list(@QueryParam("active") boolean active, @Valid @BeanParam PageParams page) {
        Instant now = clock.instant();
        return PageResponse.of(delegations.list(caller.get(), active, page).stream().map(d -> DelegationView.of(d, now))
                .toList(), page, delegations.count(caller.get(), active));
    }

    @GET
    @Path("/{id}")
    // Any signed-in user: a delegate may hold any role, and sees only what they granted or received.
    @Authenticated
    @Operation(operationId = "getDelegation", summary = "One delegation, what the Location of a grant points to (its delegator and delegate;"
            + " director, executive, admin)")
    @APIResponse(responseCode = "200", description = "the delegation; its version is the ETag",
            content = @Content(schema = @Schema(implementation = DelegationView.class)))
    @APIResponse(responseCode = "404", description = "unknown, or neither granted nor received by you")
    public Response delegation(@PathParam("id") UUID id) {
        return withTag(delegations.visible(id, caller.get()));
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed({ Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "revokeDelegation", summary = "Revoke a delegation at once (its delegator or an admin);"
            + " If-Match with the delegation's version")
    @APIResponse(responseCode = "200", description = "REVOKED; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = DelegationView.class)))
    @APIResponse(responseCode = "409", description = "already revoked")
    public Response revoke(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withTag(delegations.revoke(id, IfMatch.version(ifMatch), caller.get()));
    }

    private Response withTag(Delegation d) {
        return Response.ok(DelegationView.of(d, clock.instant())).tag(new EntityTag(Long.toString(d.version()))).build();
    }
}
