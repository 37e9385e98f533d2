package com.salesaffairs.reporting.config;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.policy.PolicyContentValidator;
import com.salesaffairs.platform.problem.Violation;
import com.salesaffairs.reporting.domain.ReportingPolicies;

/** Drafts of the reporting policies are checked before anyone can approve them. */
@ApplicationScoped
public class ReportingPolicyValidators {

    @Produces
    @ApplicationScoped
    PolicyContentValidator schedule() {
        return new PolicyContentValidator() {
            @Override
            public String policyKey() {
                return ReportingPolicies.SCHEDULE;
            }

            @Override
            public List<Violation> validate(JsonNode content) {
                return ReportingPolicies.checkSchedule(content);
            }
        };
    }

    /** From version 2 against the JSON Schema {@code policy-schemas/reporting.export.json}. */
    @Produces
    @ApplicationScoped
    PolicyContentValidator export() {
        ExportPolicySchema schema = new ExportPolicySchema();
        return new PolicyContentValidator() {
            @Override
            public String policyKey() {
                return ReportingPolicies.EXPORT;
            }

            @Override
            public List<Violation> validate(JsonNode content) {
                return schema.validate(content);
            }
        };
    }
}
