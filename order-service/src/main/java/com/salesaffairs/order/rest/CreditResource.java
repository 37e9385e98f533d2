package com.salesaffairs.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.order.service.CreditService;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

@Path("/api/v1/customers/{id}/credit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "credit")
public class CreditResource {

    @Schema(description = "Finance's credit terms for a customer", example = """
            {"limit": 500000.00, "blocked": false}""")
    public record CreditRequest(
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal limit,
            @NotNull Boolean blocked) {
    }

    public record CreditView(UUID customerId, String name, BigDecimal limit, boolean blocked, BigDecimal openExposure,
            Instant updatedAt, long version) {
        static CreditView of(CreditService.Credit c) {
            return new CreditView(c.customer().id(), c.customer().name(), c.customer().creditLimit(), c.customer().blocked(),
                    c.openExposure(), c.customer().updatedAt(), c.customer().version());
        }
    }

    private final CreditService credit;
    private final CallerScope caller;

    public CreditResource(CreditService credit, CallerScope caller) {
        this.credit = credit;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed({ Roles.FINANCE })
    @Operation(operationId = "setCustomerCredit", summary = "Set a customer's credit limit and block flag (finance); If-Match with the version guards against a lost update")
    public CreditView set(@PathParam("id") UUID id, @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CreditRequest request) {
        return CreditView.of(credit.set(id, com.salesaffairs.platform.rest.IfMatch.version(ifMatch), request.limit(),
                request.blocked(), caller.get().username()));
    }

    @GET
    @RolesAllowed({ Roles.FINANCE, Roles.SALES_DIRECTOR, Roles.ADMIN, Roles.ORDER_REVIEWER })
    @Operation(operationId = "getCustomerCredit", summary = "A customer's credit limit, block flag and open exposure"
            + " (submitted and unpaid orders: pending approval, approved, partially shipped or shipped)")
    public CreditView get(@PathParam("id") UUID id) {
        return CreditView.of(credit.get(id));
    }
}
