package com.salesaffairs.performance.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.performance.domain.RewardPolicy;
import com.salesaffairs.platform.policy.PolicyContentValidator;
import com.salesaffairs.platform.problem.Violation;

/** Checks drafts of {@code performance.rewards} before anyone can approve them. */
@ApplicationScoped
public class RewardPolicyValidator implements PolicyContentValidator {
    @Override
    public String policyKey() {
        return RewardPolicy.KEY;
    }

    @Override
    public List<Violation> validate(JsonNode content) {
        return RewardPolicy.check(content);
    }
}
