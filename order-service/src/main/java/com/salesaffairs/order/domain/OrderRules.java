package com.salesaffairs.order.domain;

import com.salesaffairs.platform.problem.ApiProblem;

/** The order domain's refusals, each naming its rule or the state that forbids the move. */
public final class OrderRules {
    private OrderRules() {
    }

    public static ApiProblem violated(String rule, String detail) {
        return ApiProblem.ruleViolated(rule, detail);
    }

    public static ApiProblem illegalTransition(Order order, String action) {
        return ApiProblem.conflict("order " + order.orderNumber() + " is " + order.status() + "; it cannot be " + action);
    }
}
