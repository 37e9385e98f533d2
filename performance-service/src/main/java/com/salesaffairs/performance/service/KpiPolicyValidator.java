package com.salesaffairs.performance.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.performance.domain.KpiPolicyRules;
import com.salesaffairs.platform.policy.PolicyContentValidator;
import com.salesaffairs.platform.problem.Violation;

/** Checks drafts of {@code performance.kpi} before anyone can approve them. */
@ApplicationScoped
public class KpiPolicyValidator implements PolicyContentValidator {
    @Override
    public String policyKey() {
        return KpiPolicyRules.KEY;
    }

    @Override
    public List<Violation> validate(JsonNode content) {
        return KpiPolicyRules.check(content);
    }
}
