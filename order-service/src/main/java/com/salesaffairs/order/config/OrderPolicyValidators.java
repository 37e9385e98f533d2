package com.salesaffairs.order.config;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.order.domain.ApprovalPolicy;
import com.salesaffairs.order.domain.PaymentTerms;
import com.salesaffairs.platform.policy.PolicyContentValidator;
import com.salesaffairs.platform.problem.Violation;

/** Drafts of the order policies are checked before anyone can approve them. */
@ApplicationScoped
public class OrderPolicyValidators {

    @Produces
    @ApplicationScoped
    PolicyContentValidator approval() {
        return new PolicyContentValidator() {
            @Override
            public String policyKey() {
                return "order.approval";
            }

            @Override
            public List<Violation> validate(JsonNode content) {
                return ApprovalPolicy.check(content);
            }
        };
    }

    @Produces
    @ApplicationScoped
    PolicyContentValidator fulfilment() {
        return new PolicyContentValidator() {
            @Override
            public String policyKey() {
                return "order.fulfilment";
            }

            @Override
            public List<Violation> validate(JsonNode content) {
                List<Violation> problems = new ArrayList<>();
                JsonNode days = content.path("shipWithinBusinessDays");
                if (!days.isInt() || days.asInt() < 1 || days.asInt() > 60) {
                    problems.add(new Violation("shipWithinBusinessDays", "must be a whole number of days from 1 to 60"));
                }
                JsonNode due = content.path("paymentDueDays");
                if (!due.isObject()) {
                    problems.add(new Violation("paymentDueDays", "must map payment terms to days"));
                } else {
                    // Every term is named, so a new version says when each is due instead of leaving it to a default.
                    for (PaymentTerms terms : PaymentTerms.values()) {
                        JsonNode d = due.path(terms.name());
                        if (!d.isInt() || d.asInt() < 0 || d.asInt() > 365) {
                            problems.add(new Violation("paymentDueDays." + terms.name(),
                                    "must be a whole number of days from 0 to 365"));
                        }
                    }
                }
                return problems;
            }
        };
    }
}
