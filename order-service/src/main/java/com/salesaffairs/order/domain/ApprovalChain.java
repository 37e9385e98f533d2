package com.salesaffairs.order.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.salesaffairs.platform.security.Roles;

/**
 * Who must approve an order, from the {@code order.approval} policy and the order's facts (policy
 * 3.2 review, 6.2 authority). Steps of different departments are independent and run in parallel;
 * an empty chain means the order needs no one's approval.
 */
public final class ApprovalChain {

    /** The facts of an order that approval depends on. */
    public record OrderFacts(BigDecimal maxLineDiscountPct, BigDecimal netAmount, PaymentTerms paymentTerms,
            BigDecimal openExposure, BigDecimal creditLimit) {
    }

    public record Required(String role, String reason) {
    }

    private ApprovalChain() {
    }

    public static List<Required> compute(ApprovalPolicy policy, OrderFacts order) {
        List<Required> steps = new ArrayList<>();
        BigDecimal discount = order.maxLineDiscountPct();
        boolean directorForDiscount = discount.compareTo(policy.directorDiscountAbovePct()) > 0
                || discount.compareTo(policy.managerAuthorityMaxPct()) > 0;
        if (discount.compareTo(policy.managerDiscountAbovePct()) > 0 && !directorForDiscount) {
            steps.add(new Required(Roles.SALES_MANAGER, "discount " + plain(discount) + "% is above "
                    + plain(policy.managerDiscountAbovePct()) + "%"));
        }
        boolean directorForAmount = order.netAmount().compareTo(policy.directorOrderTotalAbove()) > 0;
        if (directorForDiscount || directorForAmount) {
            List<String> why = new ArrayList<>();
            if (directorForDiscount) {
                why.add("discount " + plain(discount) + "% is beyond a manager's authority of "
                        + plain(policy.managerAuthorityMaxPct()) + "%");
            }
            if (directorForAmount) {
                why.add("order total " + plain(order.netAmount()) + " is above " + plain(policy.directorOrderTotalAbove()));
            }
            steps.add(new Required(Roles.SALES_DIRECTOR, String.join("; ", why)));
        }
        creditReview(policy, order).ifPresent(steps::add);
        if (!policy.standardPaymentTerms().contains(order.paymentTerms())) {
            steps.add(new Required(Roles.ORDER_REVIEWER, "payment terms " + order.paymentTerms() + " are not standard"));
        }
        return steps;
    }

    /**
     * The chain of an order submitted by its team's own manager: nobody approves their own order,
     * so the manager's step goes one level up, to the director (one director step, with both reasons).
     */
    public static List<Required> escalatedPastSubmitter(List<Required> chain) {
        Optional<Required> manager = chain.stream().filter(r -> Roles.SALES_MANAGER.equals(r.role())).findFirst();
        if (manager.isEmpty()) {
            return chain;
        }
        String why = manager.get().reason() + ", and the team's manager submitted the order";
        List<Required> steps = new ArrayList<>();
        boolean director = chain.stream().anyMatch(r -> Roles.SALES_DIRECTOR.equals(r.role()));
        for (Required r : chain) {
            if (r == manager.get()) {
                if (!director) {
                    steps.add(new Required(Roles.SALES_DIRECTOR, why));
                }
            } else if (Roles.SALES_DIRECTOR.equals(r.role())) {
                steps.add(new Required(Roles.SALES_DIRECTOR, r.reason() + "; " + why));
            } else {
                steps.add(r);
            }
        }
        return steps;
    }

    /**
     * Finance's step, when the customer's credit does not cover the order: no limit set, or the open
     * exposure plus this order above it. Prepaid orders carry no credit risk.
     */
    public static Optional<Required> creditReview(ApprovalPolicy policy, OrderFacts order) {
        if (!checksCredit(policy, order.paymentTerms())) {
            return Optional.empty();
        }
        if (order.creditLimit() == null) {
            return Optional.of(new Required(Roles.FINANCE, "the customer has no credit limit set"));
        }
        BigDecimal exposure = order.openExposure().add(order.netAmount());
        if (exposure.compareTo(order.creditLimit()) > 0) {
            return Optional.of(new Required(Roles.FINANCE, "credit exposure " + plain(exposure) + " would exceed the limit "
                    + plain(order.creditLimit())));
        }
        return Optional.empty();
    }

    /** Whether the customer's credit matters to an order on these terms: prepaid orders carry no credit risk. */
    public static boolean checksCredit(ApprovalPolicy policy, PaymentTerms terms) {
        return policy.financeWhenOverLimit() && terms != PaymentTerms.PREPAID;
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
