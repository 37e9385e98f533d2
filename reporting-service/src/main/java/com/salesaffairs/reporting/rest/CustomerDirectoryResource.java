package com.salesaffairs.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.reporting.repository.CustomerDirectoryRepository;
import com.salesaffairs.reporting.rest.DataExportViews.CustomerPage;
import com.salesaffairs.reporting.rest.DataExportViews.CustomerView;
import com.salesaffairs.reporting.service.CustomerDirectoryService;

/** The customer directory from customer_fact, scoped and masked per reporting.export (issue 15, capability 5). */
@Path("/api/v1/reports/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class CustomerDirectoryResource {
    private final CustomerDirectoryService directory;
    private final CallerScope caller;

    public CustomerDirectoryResource(CustomerDirectoryService directory, CallerScope caller) {
        this.directory = directory;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.DATA_STEWARD })
    @Operation(operationId = "listCustomerDirectory", summary = "Customer directory, by name (sales-rep: own customers;"
            + " sales-manager: their team's; sales-director, executive, admin, data-steward: all)",
            description = "Contact data (reporting.export maskedFields: registrationId, email, phone, contacts' name,"
                    + " phone, email) is in clear only for the rep who owns the customer and the manager of its team"
                    + " (unmaskedRoles); directors, executives, admins and the data steward see it masked"
                    + " (masked=true): they oversee, they do not call the customer's people. Filters team (403 for a"
                    + " rep or manager naming another team), segment, q (part of the name).")
    @APIResponse(responseCode = "200", description = "a page of customers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerPage.class)))
    @APIResponse(responseCode = "400", description = "page or size out of range")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "functional roles; a rep or manager naming another team (field team)")
    public PageResponse<CustomerView> list(
            @Parameter(description = "one team") @QueryParam("team") String team,
            @Parameter(description = "one segment, as opportunity-service names it") @QueryParam("segment") String segment,
            @Parameter(description = "part of the customer's name, case-insensitive") @QueryParam("q") String q,
            @Valid @BeanParam PageParams page) {
        var filter = new CustomerDirectoryRepository.Filter(blankToNull(team), blankToNull(segment), blankToNull(q));
        var result = directory.page(caller.get(), filter, page);
        return new PageResponse<>(result.items().stream().map(CustomerView::of).toList(), result.page(), result.size(),
                result.total());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
