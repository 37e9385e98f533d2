package com.salesaffairs.opportunity.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import com.salesaffairs.opportunity.domain.Contact;
import com.salesaffairs.opportunity.domain.Customer;
import com.salesaffairs.opportunity.domain.CustomerDetails;
import com.salesaffairs.opportunity.domain.CustomerSegment;
import com.salesaffairs.opportunity.service.CustomerContacts;
import com.salesaffairs.opportunity.service.CustomerService;
import com.salesaffairs.opportunity.service.RepDirectory;
import com.salesaffairs.platform.idempotency.Created;
import com.salesaffairs.platform.idempotency.IdempotentCreates;
import com.salesaffairs.platform.rest.IfMatch;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.rest.Versioned;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "customers")
public class CustomerResource {

    @Schema(description = "What a rep may say about a customer; owner and team come from the caller. registrationId,"
            + " segment, region and address are optional: region defaults to the caller's, and an update that omits"
            + " one of these four keeps what is recorded (name to phone are replaced as sent)", example = """
            {"name": "Acme Pumps", "industry": "Machinery", "country": "CN", "city": "Hangzhou",
             "email": "buyer@acme-pumps.example", "phone": "+86 571 8800 0000",
             "registrationId": "91330100MA2B3C4D5E", "segment": "MID_MARKET", "region": "east",
             "address": "88 Wensan Rd, Xihu District, Hangzhou"}""")
    public record CustomerRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String industry,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO-3166 alpha-2 code") String country,
            @Size(max = 100) String city,
            @Email @Size(max = 200) String email,
            @Size(max = 50) String phone,
            @Schema(description = "unified social credit code for CN (18 characters), else the country's company id"
                    + " (letters, digits, '-'); unique company-wide, case-insensitive")
            @Size(min = 1, max = 50) String registrationId,
            CustomerSegment segment,
            @Size(min = 1, max = 100) String region,
            @Size(max = 500) String address) {

        CustomerDetails details() {
            return new CustomerDetails(name, industry, country, city, email, phone, registrationId, segment, region,
                    address);
        }
    }

    public record CustomerView(UUID id, String name, String industry, String country, String city, String email,
            String phone, String registrationId, CustomerSegment segment, String address, String ownerId, String team,
            String region, Instant registeredAt, Instant updatedAt, long version) implements Versioned {

        static CustomerView of(Customer c) {
            return new CustomerView(c.id(), c.name(), c.industry(), c.country(), c.city(), c.email(), c.phone(),
                    c.registrationId(), c.segment(), c.address(), c.ownerId(), c.team(), c.region(), c.registeredAt(),
                    c.updatedAt(), c.version());
        }
    }

    @Schema(description = "A person at the customer; personal data, never in events or logs", example = """
            {"name": "Li Wei", "title": "Purchasing manager", "phone": "+86 571 8800 0001",
             "email": "li.wei@acme-pumps.example"}""")
    public record ContactRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String title,
            @Size(max = 50) String phone,
            @Email @Size(max = 200) String email) {
    }

    public record ContactView(UUID id, UUID customerId, String name, String title, String phone, String email,
            String createdBy, Instant createdAt) {

        static ContactView of(Contact c) {
            return new ContactView(c.id(), c.customerId(), c.name(), c.title(), c.phone(), c.email(), c.createdBy(),
                    c.createdAt());
        }
    }

    private final CustomerService customers;
    private final CustomerContacts contacts;
    private final IdempotentCreates idempotent;
    private final CallerScope caller;
    private final RepDirectory reps;

    public CustomerResource(CustomerService customers, CustomerContacts contacts, IdempotentCreates idempotent,
            CallerScope caller, RepDirectory reps) {
        this.customers = customers;
        this.contacts = contacts;
        this.idempotent = idempotent;
        this.caller = caller;
        this.reps = reps;
    }

    @POST
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER })
    @Operation(operationId = "registerCustomer", summary = "Register a customer (sales-rep, sales-manager); publishes"
            + " sales.customer.registered.v1. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "registered; the caller owns it",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "409", description = "a customer of that name exists in the team, or rule"
            + " customer.registration-id-unique: the registrationId is registered already (the detail names that"
            + " customer's id)")
    @APIResponse(responseCode = "422", description = "rule customer.owner-team (the caller is in no sales team), or"
            + " idempotency-key.reused (the key came with another body)")
    public Response register(@HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Valid @NotNull CustomerRequest request) {
        reps.noticed(caller.get());
        return idempotent.create(idempotencyKey, caller.get().userId(), "customer.register", request, () -> {
            Customer c = customers.register(request.details(), caller.get());
            return new Created<>(URI.create("/api/v1/customers/" + c.id()), CustomerView.of(c));
        });
    }

    @GET
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE, Roles.ORDER_REVIEWER, Roles.AFTERSALES_AGENT, Roles.DATA_STEWARD })
    @Operation(operationId = "listCustomers", summary = "Customers in the caller's scope: a rep's own, a manager's team, all for director, executive, admin and functional roles")
    public PageResponse<CustomerView> list(@QueryParam("name") String name, @Valid @BeanParam PageParams page) {
        reps.noticed(caller.get());
        return PageResponse.of(customers.list(caller.get(), name, page).stream().map(CustomerView::of).toList(), page,
                customers.count(caller.get(), name));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE, Roles.ORDER_REVIEWER, Roles.AFTERSALES_AGENT, Roles.DATA_STEWARD })
    @Operation(operationId = "getCustomer", summary = "One customer; 404 when unknown or outside the caller's scope")
    @APIResponse(responseCode = "200", description = "the customer; its version is the ETag",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    public Response get(@PathParam("id") UUID id) {
        Customer c = customers.visible(id, caller.get());
        return Response.ok(CustomerView.of(c)).tag(new EntityTag(Long.toString(c.version()))).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "updateCustomer", summary = "Change a customer's details (owner, their manager, director,"
            + " admin); publishes sales.customer.updated.v1")
    @APIResponse(responseCode = "200", description = "the changed customer; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "409", description = "changed by someone else meanwhile, the new name is taken in"
            + " the team, or rule customer.registration-id-unique (the detail names the customer holding the id)")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CustomerRequest request) {
        Customer current = customers.visible(id, caller.get());
        long expected = IfMatch.version(ifMatch).orElse(current.version());
        Customer c = customers.update(id, expected, request.details(), caller.get());
        return Response.ok(CustomerView.of(c)).tag(new EntityTag(Long.toString(c.version()))).build();
    }

    @POST
    @Path("/{id}/contacts")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "addCustomerContact", summary = "Add a contact person to a customer (owner, their manager,"
            + " director, admin). Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "added",
            content = @Content(schema = @Schema(implementation = ContactView.class)))
    @APIResponse(responseCode = "422", description = "rule idempotency-key.reused (the key came with another body)")
    public Response addContact(@PathParam("id") UUID id, @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey,
            @Valid @NotNull ContactRequest request) {
        return idempotent.create(idempotencyKey, caller.get().userId(), "customer.contact.add:" + id, request, () -> {
            Contact c = contacts.add(id, request.name(), request.title(), request.phone(), request.email(), caller.get());
            return new Created<>(URI.create("/api/v1/customers/" + id + "/contacts/" + c.id()), ContactView.of(c));
        });
    }

    @GET
    @Path("/{id}/contacts")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE, Roles.ORDER_REVIEWER, Roles.AFTERSALES_AGENT, Roles.DATA_STEWARD })
    @Operation(operationId = "listCustomerContacts", summary = "A customer's contacts, oldest first, paged (whoever"
            + " sees the customer)")
    public PageResponse<ContactView> contacts(@PathParam("id") UUID id, @Valid @BeanParam PageParams page) {
        return PageResponse.of(contacts.list(id, caller.get(), page).stream().map(ContactView::of).toList(), page,
                contacts.count(id, caller.get()));
    }

    @GET
    @Path("/{id}/contacts/{contactId}")
    @RolesAllowed({ Roles.SALES_REP, Roles.SALES_MANAGER, Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN,
            Roles.FINANCE, Roles.ORDER_REVIEWER, Roles.AFTERSALES_AGENT, Roles.DATA_STEWARD })
    @Operation(operationId = "getCustomerContact", summary = "One contact of a customer (whoever sees the customer)")
    public ContactView contact(@PathParam("id") UUID id, @PathParam("contactId") UUID contactId) {
        return ContactView.of(contacts.one(id, contactId, caller.get()));
    }
}
