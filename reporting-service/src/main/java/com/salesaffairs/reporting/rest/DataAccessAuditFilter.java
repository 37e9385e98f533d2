package com.salesaffairs.reporting.rest;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.salesaffairs.platform.problem.Problem;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Scope;
import com.salesaffairs.reporting.domain.AccessAuditEntry;
import com.salesaffairs.reporting.repository.AuditRepository;
import com.salesaffairs.reporting.service.AccessAuditNote;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes a data-access audit line for every data read (issue 15: every data read and export lands in
 * an access audit): each GET under {@code /api/v1/reports/}, {@code /api/v1/sales-reports},
 * {@code /api/v1/data-exports} and {@code /api/v1/audit/}, and every export step (POST under
 * {@code /api/v1/data-exports}), answered or refused. By path rather than by annotation, so a report
 * endpoint added later is audited without anyone remembering to. The line is written in its own
 * transaction before the answer leaves, so a refusal (whose own work rolled back) is recorded too. A
 * read that cannot be audited is not answered: the caller gets 503 instead of the data.
 */
@Provider
public class DataAccessAuditFilter implements ContainerResponseFilter {
    private static final Logger LOG = Logger.getLogger(DataAccessAuditFilter.class);
    private static final String[] READ_PATHS = { "/api/v1/reports/", "/api/v1/sales-reports", "/api/v1/data-exports",
            "/api/v1/audit/" };
    private static final String EXPORTS = "/api/v1/data-exports";
    private static final Pattern TOKEN = Pattern.compile("(^|&)(token=)[^&]*");

    private final AuditRepository audit;
    private final CallerScope caller;
    private final AccessAuditNote note;
    private final Clock clock;
    private final CurrentVertxRequest vertxRequest;

    public DataAccessAuditFilter(AuditRepository audit, CallerScope caller, AccessAuditNote note, Clock clock,
            CurrentVertxRequest vertxRequest) {
        this.audit = audit;
        this.caller = caller;
        this.note = note;
        this.clock = clock;
        this.vertxRequest = vertxRequest;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = path(request);
        String method = request.getMethod();
        String action = action(method, path);
        if (action == null) {
            return;
        }
        AccessAuditEntry entry = entry(request, response, path, method, action);
        if (BlockingOperationControl.isBlockingAllowed()) {
            try {
                audit.append(entry);
            } catch (RuntimeException e) {
                LOG.errorf(e, "data access %s %s by %s could not be audited; answering 503", method, path, entry.userId());
                response.setStatus(503);
                response.setEntity(new Problem(Problem.typeFor("audit-unavailable"), "Service unavailable", 503,
                        "the read could not be recorded in the data-access audit; try again", null, null, null),
                        null, MediaType.valueOf(Problem.MEDIA_TYPE));
            }
        } else {
            // Answered on the event loop (e.g. a 401 before any resource ran): nothing was read, record it off-thread.
            CompletableFuture.runAsync(() -> audit.append(entry)).exceptionally(e -> {
                LOG.errorf(e, "data access %s %s could not be audited", method, path);
                return null;
            });
        }
    }

    private Scope authenticatedWithoutBlocking() {
        try {
            RoutingContext http = vertxRequest.getCurrent();
            if (http != null && http.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
                SecurityIdentity identity = user.getSecurityIdentity();
                if (identity.getPrincipal() instanceof JsonWebToken token) {
                    return new Scope(token.getSubject(), claim(token, "preferred_username"), claim(token, "team"),
                            claim(token, "region"), identity.getRoles());
                }
                return new Scope(identity.getPrincipal().getName(), null, null, null, identity.getRoles());
            }
        } catch (RuntimeException e) {
            // no HTTP request at hand: the caller stays unknown
        }
        return new Scope(null, null, null, null, Set.of());
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }

    private static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/") ? path : "/" + path;
    }

    /** Which audit action a request is, or null when it reads no data. */
    static String action(String method, String path) {
        // JAX-RS answers HEAD with the GET method (which runs), and matches a path with a trailing slash.
        String verb = "HEAD".equals(method) ? "GET" : method;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        boolean exports = path.equals(EXPORTS) || path.startsWith(EXPORTS + "/");
        if ("POST".equals(verb) && exports) {
            return path.endsWith("/decision") ? "EXPORT_DECISION" : path.equals(EXPORTS) ? "EXPORT_REQUEST" : null;
        }
        if (!"GET".equals(verb)) {
            return null;
        }
        for (String prefix : READ_PATHS) {
            if (path.startsWith(prefix)) {
                return exports && path.endsWith("/download") ? "EXPORT_DOWNLOAD" : "READ";
            }
        }
        return null;
    }

    private AccessAuditEntry entry(ContainerRequestContext request, ContainerResponseContext response, String path,
            String method, String action) {
        // On the event loop (a 401, 403 or 406 answered before any resource ran) the lazy identity cannot be awaited:
        // take it from the HTTP request when authentication already happened (a role check refused), else unknown.
        Scope who = BlockingOperationControl.isBlockingAllowed() ? caller.get() : authenticatedWithoutBlocking();
        int status = response.getStatus();
        String reason = null;
        Integer rows = null;
        try {
            reason = note.reason();
            rows = note.rowCount();
        } catch (RuntimeException e) {
            // no request context (answered before a resource ran): nothing noted
        }
        Object body = response.getEntity();
        if (reason == null && body instanceof Problem p) {
            reason = p.rule() != null ? p.rule() + ": " + p.detail() : p.detail();
        }
        if (rows == null && status < 300) {
            if (body instanceof PageResponse<?> page) {
                rows = page.items().size();
            } else if (body instanceof Collection<?> list) {
                rows = list.size();
            }
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        String resourceId = request.getUriInfo().getPathParameters().getFirst("id");
        return new AccessAuditEntry(null, clock.instant().truncatedTo(ChronoUnit.MICROS), who.userId(), who.username(),
                who.roles().isEmpty() ? null : String.join(",", new TreeSet<>(who.roles())), who.team(), action, method,
                path, query == null ? null : TOKEN.matcher(query).replaceAll("$1$2***"), resourceId, status,
                status < 400 ? AccessAuditEntry.GRANTED : AccessAuditEntry.REFUSED, reason, rows);
    }
}
