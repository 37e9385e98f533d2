package com.salesaffairs.order.domain;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.problem.Violation;

/** The content of an {@code order.approval} policy version, read into numbers the chain can use. */
public record ApprovalPolicy(
        int version,
        BigDecimal maxDiscountPct,
        BigDecimal managerDiscountAbovePct,
        BigDecimal managerAuthorityMaxPct,
        BigDecimal directorDiscountAbovePct,
        BigDecimal directorOrderTotalAbove,
        boolean financeWhenOverLimit,
        Set<PaymentTerms> standardPaymentTerms) {

    public static ApprovalPolicy from(int version, JsonNode c) {
        Set<PaymentTerms> standard = new LinkedHashSet<>();
        c.path("orderReviewer").path("standardPaymentTerms").forEach(t -> standard.add(PaymentTerms.valueOf(t.asText())));
        return new ApprovalPolicy(version,
                c.path("maxDiscountPct").decimalValue(),
                c.path("manager").path("discountAbovePct").decimalValue(),
                c.path("manager").path("authorityMaxDiscountPct").decimalValue(),
                c.path("director").path("discountAbovePct").decimalValue(),
                c.path("director").path("orderTotalAbove").decimalValue(),
                c.path("finance").path("whenExposureOverLimit").asBoolean(true),
                Set.copyOf(standard));
    }

    /** What makes a draft of this policy unusable, for the policy store's draft check. */
    public static List<Violation> check(JsonNode c) {
        List<Violation> problems = new java.util.ArrayList<>();
        for (String path : List.of("maxDiscountPct", "manager/discountAbovePct", "manager/authorityMaxDiscountPct",
                "director/discountAbovePct", "director/orderTotalAbove")) {
            JsonNode n = c.at("/" + path);
            if (!n.isNumber() || n.decimalValue().signum() < 0) {
                problems.add(new Violation(path.replace('/', '.'), "must be a number of 0 or more"));
            }
        }
        if (problems.isEmpty()) {
            if (c.at("/maxDiscountPct").decimalValue().compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.add(new Violation("maxDiscountPct", "must be at most 100"));
            }
            if (c.at("/manager/authorityMaxDiscountPct").decimalValue().compareTo(c.at("/manager/discountAbovePct").decimalValue()) < 0) {
                problems.add(new Violation("manager.authorityMaxDiscountPct", "must be at least manager.discountAbovePct"));
            }
        }
        JsonNode terms = c.at("/orderReviewer/standardPaymentTerms");
        if (!terms.isArray() || terms.isEmpty()) {
            problems.add(new Violation("orderReviewer.standardPaymentTerms", "must list at least one payment term"));
        } else {
            terms.forEach(t -> {
                try {
                    PaymentTerms.valueOf(t.asText());
                } catch (IllegalArgumentException e) {
                    problems.add(new Violation("orderReviewer.standardPaymentTerms", t.asText() + " is not a payment term"));
                }
            });
        }
        return problems;
    }
}
