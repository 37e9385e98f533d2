package com.salesaffairs.reporting.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.problem.Violation;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.reporting.repository.AuditRepository;
import com.salesaffairs.reporting.rest.DataExportViews.AuditPage;
import com.salesaffairs.reporting.rest.DataExportViews.AuditView;

/** The data-access audit, read-only (issue 15: every data read and export, unalterable). Reading it is audited too. */
@Path("/api/v1/audit/data-access")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {
    private static final Set<String> ACTIONS = Set.of("READ", "EXPORT_REQUEST", "EXPORT_DECISION", "EXPORT_PRODUCED",
            "EXPORT_DOWNLOAD");
    private static final Set<String> OUTCOMES = Set.of("GRANTED", "REFUSED");

    private final AuditRepository audit;

    public AuditResource(AuditRepository audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed({ Roles.DATA_STEWARD, Roles.ADMIN })
    @Operation(operationId = "listDataAccessAudit", summary = "The data-access audit, newest first (data-steward, admin)",
            description = "Every read of reports, sales reports, the customer directory, data exports and this audit,"
                    + " and every export step (request, decision, production, download), refused attempts included."
                    + " Filters userId, action, outcome, resourceId (an export's id), path (prefix), from/to (UTC days, both included).")
    @APIResponse(responseCode = "200", description = "a page of audit lines",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "action or outcome unknown, from/to not a date or reversed, page or size out of range")
    @APIResponse(responseCode = "401", description = "no or bad token")
    @APIResponse(responseCode = "403", description = "only the data steward and admins read the audit")
    public PageResponse<AuditView> list(
            @Parameter(description = "the reader's user id (token sub)") @QueryParam("userId") String userId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "READ", "EXPORT_REQUEST",
                    "EXPORT_DECISION", "EXPORT_PRODUCED", "EXPORT_DOWNLOAD" })) @QueryParam("action") String action,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = { "GRANTED", "REFUSED" }))
            @QueryParam("outcome") String outcome,
            @Parameter(description = "the id in the path, e.g. a data export's") @QueryParam("resourceId") String resourceId,
            @Parameter(description = "path prefix, e.g. /api/v1/reports/") @QueryParam("path") String path,
            @Parameter(description = "first UTC day, YYYY-MM-DD") @QueryParam("from") String from,
            @Parameter(description = "last UTC day, YYYY-MM-DD") @QueryParam("to") String to,
            @Valid @BeanParam PageParams page) {
        List<Violation> violations = new ArrayList<>();
        String a = oneOf("action", action, ACTIONS, violations);
        String o = oneOf("outcome", outcome, OUTCOMES, violations);
        LocalDate f = date("from", from, violations);
        LocalDate t = date("to", to, violations);
        if (f != null && t != null && t.isBefore(f)) {
            violations.add(new Violation("to", "must be on or after from (" + f + ")"));
        }
        if (!violations.isEmpty()) {
            throw new ApiProblem(400, "invalid-request", "Invalid request", violations.get(0).field() + ": "
                    + violations.get(0).message(), null, violations);
        }
        var filter = new AuditRepository.Filter(blankToNull(userId), a, o, blankToNull(resourceId), blankToNull(path), f, t);
        return PageResponse.of(audit.page(filter, page.offset(), page.size()).stream().map(AuditView::of).toList(), page,
                audit.count(filter));
    }

    private static String oneOf(String field, String value, Set<String> allowed, List<Violation> violations) {
        String v = blankToNull(value);
        if (v != null && !allowed.contains(v)) {
            violations.add(new Violation(field, "'" + value + "' is not one of " + allowed.stream().sorted().toList()));
            return null;
        }
        return v;
    }

    private static LocalDate date(String field, String value, List<Violation> violations) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "'" + value + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
