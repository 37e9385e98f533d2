package com.salesaffairs.opportunity.domain;

import com.salesaffairs.platform.problem.ApiProblem;

/** The opportunity domain's refusals, each naming its rule or the state that forbids the move. */
public final class OpportunityRules {
    private OpportunityRules() {
    }

    public static ApiProblem violated(String rule, String detail) {
        return ApiProblem.ruleViolated(rule, detail);
    }

    public static ApiProblem violatedAt(String rule, String field, String detail) {
        return ApiProblem.ruleViolated(rule, field, detail);
    }

    /** 409: the opportunity's stage does not allow the move. */
    public static ApiProblem illegalTransition(Opportunity o, String action) {
        return ApiProblem.conflict("opportunity " + o.id() + " is " + o.stage() + "; it cannot be " + action);
    }
}
