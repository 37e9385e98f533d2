package com.salesaffairs.order.domain;

import com.salesaffairs.platform.problem.ApiProblem;

/** The order domain's refusals, each naming its rule or the state that forbids the move. */
public final class OrderRules {
    private OrderRules() {
    }

    public static ApiProblem violated(String rule, String detail) {
        return ApiProblem.ruleViolated(rule, detail);
    }

    /** A rule broken by one field of the request, e.g. {@code lines[1].quantity}. */
    public static ApiProblem violatedAt(String rule, String field, String detail) {
        return ApiProblem.ruleViolated(rule, field, detail);
    }

    public static ApiProblem illegalTransition(Order order, String action) {
        return ApiProblem.conflict("order " + order.orderNumber() + " is " + order.status() + "; it cannot be " + action);
    }
}
