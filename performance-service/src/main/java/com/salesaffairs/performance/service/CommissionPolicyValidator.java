package com.salesaffairs.performance.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.performance.domain.CommissionPlan;
import com.salesaffairs.platform.policy.PolicyContentValidator;
import com.salesaffairs.platform.problem.Violation;

/** Checks drafts of {@code performance.commission} before anyone can approve them. */
@ApplicationScoped
public class CommissionPolicyValidator implements PolicyContentValidator {
    @Override
    public String policyKey() {
        return CommissionPlan.KEY;
    }

    @Override
    public List<Violation> validate(JsonNode content) {
        return CommissionPlan.check(content);
    }
}
