package com.salesaffairs.aftersales.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.aftersales.domain.ServiceCase;
import com.salesaffairs.aftersales.rest.CaseViews.CaseView;
import com.salesaffairs.aftersales.rest.CaseViews.FeedbackRequest;
import com.salesaffairs.aftersales.service.CaseService;
import com.salesaffairs.platform.idempotency.Created;
import com.salesaffairs.platform.idempotency.IdempotentCreates;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

@Path("/api/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feedback")
public class FeedbackResource {

    private final CaseService cases;
    private final IdempotentCreates idempotent;
    private final CallerScope caller;

    public FeedbackResource(CaseService cases, IdempotentCreates idempotent, CallerScope caller) {
        this.cases = cases;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.AFTERSALES_AGENT })
    @Operation(operationId = "logFeedback", summary = "Log customer feedback as a case (sales-rep for own or team customers, sales-manager for the team's, aftersales-agent for any). "
            + "Opens the case with SLA deadlines from aftersales.sla and publishes sales.feedback.logged.v1. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "case opened; Location /api/v1/cases/{id}",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "invalid field, named in violations")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "role may not log feedback")
    @APIResponse(responseCode = "422", description = "rule feedback.customer-known (unknown customer, or not the caller's to know);"
            + " feedback.order-known (orderId not, or not yet, known from sales.order.* facts: retry once order-service has"
            + " published the order, as for customer-known); feedback.order-customer (the order is another customer's);"
            + " or idempotency-key.reused")
    public Response log(@HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Valid @NotNull FeedbackRequest request) {
        return idempotent.create(idempotencyKey, caller.get().userId(), "feedback.log", request, () -> {
            ServiceCase c = cases.logFeedback(request.feedback(), caller.get());
            return new Created<>(URI.create("/api/v1/cases/" + c.id()), CaseView.of(c));
        });
    }
}
