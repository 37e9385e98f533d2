package com.salesaffairs.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** Every error path answers {@code application/problem+json}; nothing internal leaks into a 500. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Violation(fieldOf(v), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::field));
        String detail = violations.isEmpty() ? "the request is invalid"
                : violations.stream().map(v -> v.field() + " " + v.message()).reduce((a, b) -> a + "; " + b).get();
        return respond(new Problem(Problem.typeFor("invalid-request"), "Invalid request", 400, detail, path(uri),
                null, violations));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response otherValidation(ValidationException e, UriInfo uri) {
        if (e instanceof ConstraintViolationException cve) {
            return validation(cve, uri);
        }
        LOG.error("validation setup error", e);
        return serverError(uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(badJson(e, path(uri)));
    }

    // Quarkus ships mappers for these subtypes; ours must be at least as specific to win.
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(badJson(e, path(uri)));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        return respond(badJson(e, path(uri)));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response wrongFormat(InvalidFormatException e, UriInfo uri) {
        return respond(badJson(e, path(uri)));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response malformed(JsonParseException e, UriInfo uri) {
        return respond(badJson(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response unauthorizedCaller(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.typeFor("forbidden"), "Forbidden", 403,
                "your role does not allow this action", path(uri), null, null));
    }

    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e, UriInfo uri) {
        return respond(ApiProblem.conflict("the record was changed by someone else; reload and retry").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response staleObject(StaleObjectStateException e, UriInfo uri) {
        return respond(ApiProblem.conflict("the record was changed by someone else; reload and retry").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return respond(badJson(json, path(uri)));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 401) {
            return unauthorized(uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = status >= 500 ? "the server could not complete the request" : e.getMessage();
        return respond(new Problem(Problem.typeFor(slug(title)), title, status, detail, path(uri), null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof ApiProblem problem) {
                return apiProblem(problem, uri);
            }
            if (root instanceof OptimisticLockException || root instanceof StaleObjectStateException) {
                return staleObject(null, uri);
            }
            if (root instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                // Two requests raced to create the same record (a unique key); the other one won.
                return respond(ApiProblem.conflict("a concurrent request created the same record; reload and retry")
                        .toProblem(path(uri)));
            }
            if (root instanceof java.sql.SQLException sql && ("40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()))) {
                // PostgreSQL chose this request to break a deadlock (or a serialisation conflict): nothing was written.
                // Logged: a deadlock is a lock-ordering fault of the server's, and must leave a trace.
                LOG.warn("concurrent transactions conflicted on " + path(uri) + " (" + sql.getSQLState() + "): "
                        + sql.getMessage());
                return respond(ApiProblem.conflict("a concurrent request changed the same records; reload and retry")
                        .toProblem(path(uri)));
            }
            if (root instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("22003") || sql.getSQLState().equals("22008"))) {
                // A number or a time inside Java's range but outside the column's: bad input, never a 500.
                LOG.warn("value out of a column's range on " + path(uri) + ": " + sql.getMessage());
                return respond(ApiProblem.invalid("body", "a number or date is out of the range that can be stored")
                        .toProblem(path(uri)));
            }
        }
        LOG.error("unexpected failure on " + path(uri), e);
        return serverError(uri);
    }

    private Response serverError(UriInfo uri) {
        return respond(new Problem(Problem.typeFor("internal-error"), "Internal error", 500,
                "the server could not complete the request", path(uri), null, null));
    }

    private Response unauthorized(UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(new Problem(Problem.typeFor("unauthorized"), "Unauthorized", 401,
                        "a valid bearer token of realm sales for audience sales-api is required", path(uri), null, null))
                .build();
    }

    static Problem badJson(JsonProcessingException e, String instance) {
        String field = e instanceof JsonMappingException m ? fieldPath(m.getPath()) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            field = field.isEmpty() ? u.getPropertyName() : field;
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException f) {
            message = "has the wrong type or format (expected " + f.getTargetType().getSimpleName() + ")";
        } else if (e instanceof MismatchedInputException m) {
            message = "has the wrong type"
                    + (m.getTargetType() == null ? "" : " (expected " + m.getTargetType().getSimpleName() + ")");
        } else if (e instanceof JsonParseException) {
            message = "is not well-formed JSON";
        } else {
            message = "cannot be read: " + e.getOriginalMessage();
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return new Problem(Problem.typeFor("invalid-request"), "Invalid request", 400, field + " " + message, instance,
                null, List.of(new Violation(field, message)));
    }

    static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** "create.request.lines[0].quantity" becomes "lines[0].quantity": the method and parameter are noise. */
    static String fieldOf(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
