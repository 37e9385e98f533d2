package com.salesaffairs.opportunity.config;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.opportunity.domain.AssignmentPolicy;
import com.salesaffairs.opportunity.domain.FollowUpPolicy;
import com.salesaffairs.platform.policy.PolicyContentValidator;
import com.salesaffairs.platform.problem.Violation;

/** Drafts of the opportunity policies are checked before anyone can approve them. */
@ApplicationScoped
public class OpportunityPolicyValidators {

    @Produces
    @ApplicationScoped
    PolicyContentValidator followUp() {
        return new PolicyContentValidator() {
            @Override
            public String policyKey() {
                return FollowUpPolicy.KEY;
            }

            @Override
            public List<Violation> validate(JsonNode content) {
                return FollowUpPolicy.check(content);
            }
        };
    }

    @Produces
    @ApplicationScoped
    PolicyContentValidator assignment() {
        return new PolicyContentValidator() {
            @Override
            public String policyKey() {
                return AssignmentPolicy.KEY;
            }

            @Override
            public List<Violation> validate(JsonNode content) {
                return AssignmentPolicy.check(content);
            }
        };
    }
}
