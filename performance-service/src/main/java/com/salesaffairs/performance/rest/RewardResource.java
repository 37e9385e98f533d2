package com.salesaffairs.performance.rest;

import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.RewardRecommendation;
import com.salesaffairs.performance.service.RewardService;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.QueryParameters;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

@Path("/api/v1/rewards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rewards")
public class RewardResource {

    @Schema(name = "RewardApproveRequest", example = """
            {"salaryAdjustmentPct": 4.00, "commissionRatePoints": 0.50, "training": ["customerSatisfaction"],
             "improvementPlan": false, "comment": "Strong month; CSAT below the team's, so training as well"}""")
    public record ApproveRequest(
            @Schema(description = "salary increase in percent; omit to keep the recommendation")
            @DecimalMin(value = "0", message = "must be 0 or more") @DecimalMax(value = "30", message = "must be at most 30")
            @Digits(integer = 2, fraction = 2, message = "must have at most 2 decimals") BigDecimal salaryAdjustmentPct,
            @Schema(description = "commission-rate percentage points for the next month; omit to keep the recommendation")
            @DecimalMin(value = "0", message = "must be 0 or more") @DecimalMax(value = "5", message = "must be at most 5")
            @Digits(integer = 1, fraction = 2, message = "must have at most 2 decimals") BigDecimal commissionRatePoints,
            @Schema(description = "training topics (KPI names); omit to keep the recommendation, [] for none")
            @Size(max = 10) List<@NotBlank @Size(max = 100) String> training,
            Boolean improvementPlan,
            @Size(max = 2000) String comment) {
    }

    /** The page of rewards, named for the OpenAPI document. */
    public record RewardPage(List<RewardRecommendation> items, int page, int size, long total) {
    }

    private final RewardService rewards;
    private final CallerScope caller;

    public RewardResource(RewardService rewards, CallerScope caller) {
        this.rewards = rewards;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN })
    @Operation(operationId = "listRewards", summary = "The reward recommendations of a closed month, by team and rep (sales-rep: own; "
            + "sales-manager: own team; sales-director, executive, admin: all)")
    @APIResponse(responseCode = "200", description = "a page of rewards; empty for a month not closed yet",
            content = @Content(schema = @Schema(implementation = RewardPage.class)))
    @APIResponse(responseCode = "400", description = "period missing or not YYYY-MM, or page/size out of range; named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not read rewards (finance and other functional roles)")
    public RewardPage list(
            @Parameter(description = "month as YYYY-MM (UTC)", example = "2026-11", required = true)
            @QueryParam("period") @NotNull(message = "is required") @Pattern(regexp = KpiPeriod.PATTERN, message = "must be a month as YYYY-MM") String period,
            @Valid @BeanParam PageParams page) {
        var result = rewards.list(KpiPeriod.parse(period), caller.get(), page);
        return new RewardPage(result.items(), result.page(), result.size(), result.total());
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({ Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "approveReward", summary = "Approve a reward as recommended or amended (salary %, rate points, training, "
            + "improvement plan); publishes sales.incentive.awarded.v1 and sales.appraisal.completed.v1 (sales-director, admin)")
    @APIResponse(responseCode = "200", description = "the approved reward",
            content = @Content(schema = @Schema(implementation = RewardRecommendation.class)))
    @APIResponse(responseCode = "400", description = "id not a UUID, or an amendment out of range; named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "only sales-director and admin approve rewards")
    @APIResponse(responseCode = "404", description = "no such reward")
    @APIResponse(responseCode = "409", description = "reward.already-approved: a reward is approved once")
    @APIResponse(responseCode = "422", description = "reward.next-month-closed: commissionRatePoints > 0 awarded while the month the "
            + "rate bonus applies to (the month after the reward's) is already closed for appraisal, so its commission statement "
            + "may not change (approve with commissionRatePoints 0)")
    public RewardRecommendation approve(@PathParam("id") String id, @Valid ApproveRequest request) {
        RewardService.Amendment amendment = request == null ? null
                : new RewardService.Amendment(request.salaryAdjustmentPct(), request.commissionRatePoints(),
                        request.training(), request.improvementPlan(), request.comment());
        return rewards.approve(QueryParameters.uuid("id", id), amendment, caller.get().userId());
    }
}
