package com.salesaffairs.aftersales.config;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.aftersales.domain.SlaPolicy;
import com.salesaffairs.aftersales.domain.SurveyPolicy;
import com.salesaffairs.aftersales.service.SurveyService;
import com.salesaffairs.aftersales.service.CaseService;
import com.salesaffairs.platform.policy.PolicyContentValidator;
import com.salesaffairs.platform.problem.Violation;

/** Drafts of the after-sales policies are checked before anyone can approve them. */
@ApplicationScoped
public class AftersalesPolicyValidators {

    @Produces
    @ApplicationScoped
    PolicyContentValidator sla() {
        return new PolicyContentValidator() {
            @Override
            public String policyKey() {
                return CaseService.SLA_POLICY;
            }

            @Override
            public List<Violation> validate(JsonNode content) {
                return SlaPolicy.check(content);
            }
        };
    }

    @Produces
    @ApplicationScoped
    PolicyContentValidator survey() {
        return new PolicyContentValidator() {
            @Override
            public String policyKey() {
                return SurveyService.SURVEY_POLICY;
            }

            @Override
            public List<Violation> validate(JsonNode content) {
                return SurveyPolicy.check(content);
            }
        };
    }
}
