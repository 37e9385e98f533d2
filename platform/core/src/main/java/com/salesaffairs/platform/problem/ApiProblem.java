package com.salesaffairs.platform.problem;

import java.util.List;

/**
 * A failure that the API answers with a problem document. Domain code throws these (or its own
 * subclasses); {@link ProblemMappers} turns them into responses.
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final String rule;
    private final List<Violation> violations;

    public ApiProblem(int status, String slug, String title, String detail, String rule, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.rule = rule;
        this.violations = violations;
    }

    public static ApiProblem invalid(String field, String message) {
        return new ApiProblem(400, "invalid-request", "Invalid request", field + ": " + message, null,
                List.of(new Violation(field, message)));
    }

    /** 404 for unknown records and for records the caller may not see alike. */
    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, "not-found", "Not found", what + " " + id + " was not found", null, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail, null, null);
    }

    /** 409: the action is not allowed in the record's current state, or a concurrent change won. */
    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail, null, null);
    }

    /** 409 naming a rule: the request repeats a record already made, e.g. {@code payment.duplicate-reference}. */
    public static ApiProblem duplicate(String rule, String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail, rule, null);
    }

    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(412, "precondition-failed", "Precondition failed", detail, null, null);
    }

    /** 422: a business rule said no; {@code rule} names it, e.g. {@code order.discount-cap}. */
    public static ApiProblem ruleViolated(String rule, String detail) {
        return new ApiProblem(422, "rule-violated", "Business rule violated", detail, rule, null);
    }

    /** 422 for a rule one field of the request broke, named in {@code violations} for a form to mark. */
    public static ApiProblem ruleViolated(String rule, String field, String detail) {
        return new ApiProblem(422, "rule-violated", "Business rule violated", detail, rule,
                List.of(new Violation(field, detail)));
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.typeFor(slug), title, status, getMessage(), instance, rule, violations);
    }
}
