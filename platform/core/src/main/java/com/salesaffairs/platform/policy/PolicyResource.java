package com.salesaffairs.platform.policy;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.CallerScope;

import io.quarkus.security.Authenticated;

/** The policies this service owns: read by all staff, changed by policy admins with four eyes. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "policies")
@Authenticated
public class PolicyResource {

    @Schema(name = "PolicyVersion", description = "One version of a policy document")
    public record PolicyView(String key, int version,
            @Schema(enumeration = { "DRAFT", "APPROVED", "ACTIVE", "RETIRED", "REJECTED" }) String status,
            @Schema(description = "The policy's rules, in the shape its key defines") JsonNode content,
            Instant effectiveFrom,
            String author, String approver, String rationale, Instant reviewDueAt, Instant createdAt,
            Instant decidedAt, String decisionComment) {
    }

    @Schema(name = "PolicyDraftRequest", example = """
            {"content": {"shipByDays": 5}, "rationale": "Carriers now deliver in five working days",
             "effectiveFrom": "2027-01-01T00:00:00Z", "reviewDueAt": "2027-12-31T00:00:00Z"}""")
    public record DraftRequest(@Schema(description = "The whole new content")
            @NotNull JsonNode content, @NotBlank @Size(max = 2000) String rationale,
            Instant effectiveFrom, Instant reviewDueAt) {
    }

    @Schema(name = "PolicyDecisionRequest", example = """
            {"comment": "Checked against the carriers' contracts"}""")
    public record DecisionRequest(@Size(max = 2000) String comment) {
    }

    @Schema(name = "PolicyDiff")
    public record DiffView(String key, int from, int to, List<PolicyDiff.Change> changes) {
    }

    private final PolicyStore store;
    private final CallerScope caller;

    public PolicyResource(PolicyStore store, CallerScope caller) {
        this.store = store;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listPolicies", summary = "The policies in force in this service (any signed-in user)")
    public List<PolicyView> list() {
        return store.keys().stream().flatMap(k -> store.active(k).stream()).map(this::view).toList();
    }

    @GET
    @Path("/{key}")
    @Operation(operationId = "getPolicy", summary = "The version of a policy in force now")
    @APIResponse(responseCode = "200", description = "the version in force",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "404", description = "unknown policy")
    public PolicyView active(@PathParam("key") String key) {
        return view(store.active(key).orElseThrow(() -> ApiProblem.notFound("policy", key)));
    }

    @GET
    @Path("/{key}/versions/{version}")
    @Operation(operationId = "getPolicyVersion", summary = "One version of a policy, in any status")
    @APIResponse(responseCode = "200", description = "the version",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "404", description = "unknown policy or version")
    public PolicyView version(@PathParam("key") String key, @PathParam("version") int version) {
        return view(store.version(key, version).orElseThrow(() -> ApiProblem.notFound("policy version", key + " v" + version)));
    }

    @GET
    @Path("/{key}/diff")
    @Operation(operationId = "diffPolicyVersions", summary = "What changed between two versions, as JSON pointers")
    @APIResponse(responseCode = "200", description = "the changes from one version to the other",
            content = @Content(schema = @Schema(implementation = DiffView.class)))
    @APIResponse(responseCode = "400", description = "from or to is missing or not a version number")
    public DiffView diff(@PathParam("key") String key, @QueryParam("from") String fromParam,
            @QueryParam("to") String toParam) {
        int from = versionNumber("from", fromParam);
        int to = versionNumber("to", toParam);
        PolicyVersion a = store.version(key, from).orElseThrow(() -> ApiProblem.notFound("policy version", key + " v" + from));
        PolicyVersion b = store.version(key, to).orElseThrow(() -> ApiProblem.notFound("policy version", key + " v" + to));
        return new DiffView(key, from, to, PolicyDiff.between(store.read(a.content), store.read(b.content)));
    }

    @POST
    @Path("/{key}/drafts")
    @RolesAllowed({ Roles.POLICY_ADMIN, Roles.ADMIN })
    @Operation(operationId = "draftPolicyVersion", summary = "Draft a new version (policy-admin, admin); takes effect"
            + " only once someone else approves it")
    @APIResponse(responseCode = "201", description = "draft created",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "invalid content, naming the field")
    @APIResponse(responseCode = "403", description = "not a policy admin")
    public Response draft(@PathParam("key") String key, @Valid @NotNull DraftRequest request) {
        PolicyVersion draft = store.draft(key, request.content(), request.rationale(), request.effectiveFrom(),
                request.reviewDueAt(), caller.get().username());
        return Response.created(URI.create("/api/v1/policies/" + key + "/versions/" + draft.version)).entity(view(draft))
                .build();
    }

    @POST
    @Path("/{key}/versions/{version}/approve")
    @RolesAllowed({ Roles.POLICY_ADMIN, Roles.ADMIN })
    @Operation(operationId = "approvePolicyVersion", summary = "Approve a draft (policy-admin, admin; never its"
            + " author); publishes sales.policy.changed.v1")
    @APIResponse(responseCode = "200", description = "the approved version (ACTIVE once its effectiveFrom has come)",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "409", description = "the version is not a draft")
    @APIResponse(responseCode = "422", description = "rule policy.four-eyes: the author cannot approve")
    public PolicyView approve(@PathParam("key") String key, @PathParam("version") int version,
            @Valid DecisionRequest request) {
        return view(store.approve(key, version, caller.get().username(), request == null ? null : request.comment()));
    }

    @POST
    @Path("/{key}/versions/{version}/reject")
    @RolesAllowed({ Roles.POLICY_ADMIN, Roles.ADMIN })
    @Operation(operationId = "rejectPolicyVersion", summary = "Reject a draft (policy-admin, admin; never its author)")
    @APIResponse(responseCode = "200", description = "the rejected version",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "409", description = "the version is not a draft")
    @APIResponse(responseCode = "422", description = "rule policy.four-eyes: the author cannot reject their own draft")
    public PolicyView reject(@PathParam("key") String key, @PathParam("version") int version,
            @Valid DecisionRequest request) {
        return view(store.reject(key, version, caller.get().username(), request == null ? null : request.comment()));
    }

    private static int versionNumber(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(name, "is required");
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(name, "must be a version number");
        }
    }

    private PolicyView view(PolicyVersion v) {
        return new PolicyView(v.policyKey, v.version, v.status.name(), store.read(v.content), v.effectiveFrom, v.author,
                v.approver, v.rationale, v.reviewDueAt, v.createdAt, v.decidedAt, v.decisionComment);
    }
}
