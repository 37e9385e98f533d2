package com.salesaffairs.reporting.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.QueryParameters;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.reporting.service.ProjectionRebuildProgress;
import com.salesaffairs.reporting.service.ProjectionRebuildService;

/**
 * The admin action that rebuilds every read model from the topics (issue 15, capability 1), and its
 * progress. Only admins: a rebuild reads every topic from the start and briefly stops the consumers at
 * the swap, which is an operator's decision, not a report reader's.
 */
@Path("/api/v1/admin/projections/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class ProjectionAdminResource {
    private static final String BASE = "/api/v1/admin/projections/rebuild";

    private final ProjectionRebuildService rebuilds;
    private final CallerScope caller;

    public ProjectionAdminResource(ProjectionRebuildService rebuilds, CallerScope caller) {
        this.rebuilds = rebuilds;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "startReadModelRebuild", summary = "Rebuild every read model from the topics, in the background",
            description = "admin only. Replays every topic reporting consumes from its first offset into fresh tables, "
                    + "catches up, and swaps them in at once; the current tables keep serving until the swap. "
                    + "Follow the progress at GET " + BASE + "/{id} (Location). One rebuild at a time.")
    @APIResponse(responseCode = "202", description = "started; Location names the rebuild",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RebuildView.class)))
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "only admins rebuild read models")
    @APIResponse(responseCode = "409", description = "rule projection-rebuild.one-at-a-time: a rebuild is already running")
    public Response start() {
        RebuildView view = RebuildView.of(rebuilds.start(caller.get().userId()));
        return Response.accepted(view).location(URI.create(BASE + "/" + view.id())).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getLatestReadModelRebuild", summary = "The most recent read-model rebuild and its progress",
            description = "admin only.")
    @APIResponse(responseCode = "200", description = "the latest rebuild",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RebuildView.class)))
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "only admins see rebuilds")
    @APIResponse(responseCode = "404", description = "no rebuild has ever been requested")
    public RebuildView latest() {
        return rebuilds.latest().map(RebuildView::of)
                .orElseThrow(() -> new ApiProblem(404, "not-found", "Not found", "no read-model rebuild yet", null, null));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getReadModelRebuild", summary = "One read-model rebuild and its progress", description = "admin only.")
    @APIResponse(responseCode = "200", description = "the rebuild",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RebuildView.class)))
    @APIResponse(responseCode = "400", description = "id is not a UUID")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "only admins see rebuilds")
    @APIResponse(responseCode = "404", description = "no such rebuild")
    public RebuildView get(@PathParam("id") String id) {
        UUID rebuild = QueryParameters.uuid("id", id);
        return rebuilds.find(rebuild).map(RebuildView::of).orElseThrow(() -> ApiProblem.notFound("rebuild", rebuild));
    }

    @Schema(name = "ReadModelRebuild", description = "A rebuild of the read models and how far it got")
    public record RebuildView(
            @Schema(example = "0b7c2a5e-3f1d-4c8e-9a62-1d5e7f0a9b31") UUID id,
            @Schema(description = "RUNNING, then SWAPPED (the new tables serve) or FAILED (the old ones still do)",
                    enumeration = { "RUNNING", "SWAPPED", "FAILED" }, example = "RUNNING") String state,
            @Schema(description = "PREPARING (empty copies), REPLAYING (from offset 0 to the ends at the start), "
                    + "CATCHING_UP (to the newer ends), SWAPPING (consumers paused, last events, swap), DONE",
                    enumeration = { "PREPARING", "REPLAYING", "CATCHING_UP", "SWAPPING", "DONE" }, example = "REPLAYING") String phase,
            @Schema(description = "user id of the admin who asked", example = "00000000-0000-4000-8000-0000000000ae") String requestedBy,
            @Schema(description = "the incoming channels replayed", example = "[\"aftersales-events\", \"order-events\"]") List<String> channels,
            @Schema(description = "the read-model tables rebuilt", example = "[\"feedback_fact\", \"sales_fact\"]") List<String> tables,
            @Schema(description = "records read from the topics so far", example = "15230") long eventsRead,
            @Schema(description = "records that could not be applied (as the live consumer would dead-letter them)", example = "0") long eventsFailed,
            @Schema(example = "2026-12-07T13:40:00Z") Instant startedAt,
            @Schema(description = "last progress", example = "2026-12-07T13:40:05Z") Instant updatedAt,
            @Schema(description = "when the new tables took over", example = "2026-12-07T13:41:10Z") Instant swappedAt,
            @Schema(example = "2026-12-07T13:41:10Z") Instant finishedAt,
            @Schema(description = "why it failed", example = "TimeoutException: ...") String error,
            @Schema(type = SchemaType.ARRAY, implementation = PartitionView.class) List<PartitionView> partitions) {

        static RebuildView of(ProjectionRebuildProgress p) {
            return new RebuildView(p.id(), p.state(), p.phase(), p.requestedBy(), p.channels(), p.tables(),
                    p.eventsRead(), p.eventsFailed(), p.startedAt(), p.updatedAt(), p.swappedAt(), p.finishedAt(),
                    p.error(), p.partitions().stream().map(PartitionView::of).toList());
        }
    }

    @Schema(name = "ReadModelRebuildPartition", description = "A topic-partition being replayed")
    public record PartitionView(
            @Schema(example = "order-events") String channel,
            @Schema(example = "sales.order.events") String topic,
            @Schema(example = "0") int partition,
            @Schema(description = "next offset the rebuild reads", example = "9000") long position,
            @Schema(description = "the offset it reads up to in the current phase", example = "12000") long endOffset) {

        static PartitionView of(ProjectionRebuildProgress.Partition p) {
            return new PartitionView(p.channel(), p.topic(), p.partition(), p.position(), p.endOffset());
        }
    }
}
