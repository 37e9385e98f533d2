package com.salesaffairs.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ApprovalChainTest {
    private static final String V1 = "{\"maxDiscountPct\":40,\"manager\":{\"discountAbovePct\":10,\"authorityMaxDiscountPct\":25},"
            + "\"director\":{\"discountAbovePct\":25,\"orderTotalAbove\":200000},\"finance\":{\"whenExposureOverLimit\":true},"
            + "\"orderReviewer\":{\"standardPaymentTerms\":[\"PREPAID\",\"NET30\"]}}";

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    private static ApprovalPolicy v1() throws Exception {
        return ApprovalPolicy.from(1, json(V1));
    }

    private static List<String> roles(ApprovalPolicy p, String discount, String total, PaymentTerms terms,
            String exposure, String limit) {
        return ApprovalChain.compute(p, new ApprovalChain.OrderFacts(new BigDecimal(discount), new BigDecimal(total), terms,
                new BigDecimal(exposure), limit == null ? null : new BigDecimal(limit)))
                .stream().map(ApprovalChain.Required::role).toList();
    }

    @Test
    void a_plain_prepaid_order_needs_nobody() throws Exception {
        assertEquals(List.of(), roles(v1(), "0", "5000", PaymentTerms.PREPAID, "0", null));
        assertEquals(List.of(), roles(v1(), "10", "200000", PaymentTerms.PREPAID, "0", null));
    }

    @Test
    void above_ten_percent_the_manager_up_to_twenty_five_then_the_director() throws Exception {
        assertEquals(List.of("sales-manager"), roles(v1(), "10.01", "1000", PaymentTerms.PREPAID, "0", null));
        assertEquals(List.of("sales-manager"), roles(v1(), "25", "1000", PaymentTerms.PREPAID, "0", null));
        assertEquals(List.of("sales-director"), roles(v1(), "25.01", "1000", PaymentTerms.PREPAID, "0", null));
    }

    @Test
    void a_total_above_two_hundred_thousand_needs_the_director_besides_the_manager() throws Exception {
        assertEquals(List.of("sales-director"), roles(v1(), "0", "200000.01", PaymentTerms.PREPAID, "0", null));
        assertEquals(List.of("sales-manager", "sales-director"), roles(v1(), "12", "250000", PaymentTerms.PREPAID, "0", null));
    }

    @Test
    void credit_exposure_over_the_limit_needs_finance_prepaid_never_does() throws Exception {
        assertEquals(List.of(), roles(v1(), "0", "1000", PaymentTerms.NET30, "3999", "5000"));
        assertEquals(List.of("finance"), roles(v1(), "0", "1000", PaymentTerms.NET30, "4000.01", "5000"));
        assertEquals(List.of("finance"), roles(v1(), "0", "1000", PaymentTerms.NET30, "0", null));
        assertEquals(List.of(), roles(v1(), "0", "1000", PaymentTerms.PREPAID, "99999", "0"));
    }

    @Test
    void non_standard_terms_need_the_order_reviewer() throws Exception {
        assertEquals(List.of("order-reviewer"), roles(v1(), "0", "1000", PaymentTerms.LETTER_OF_CREDIT, "0", "1000000"));
        assertEquals(List.of("sales-director", "finance", "order-reviewer"),
                roles(v1(), "30", "1000", PaymentTerms.NET90, "0", null));
    }

    @Test
    void a_changed_policy_changes_the_chain() throws Exception {
        ApprovalPolicy strict = ApprovalPolicy.from(2, json(V1.replace("\"discountAbovePct\":10", "\"discountAbovePct\":5")
                .replace("\"orderTotalAbove\":200000", "\"orderTotalAbove\":50000")
                .replace("[\"PREPAID\",\"NET30\"]", "[\"PREPAID\"]")));
        assertEquals(List.of("sales-manager", "sales-director", "order-reviewer"),
                roles(strict, "6", "60000", PaymentTerms.NET30, "0", "1000000"));
        assertEquals(List.of(), roles(v1(), "6", "60000", PaymentTerms.NET30, "0", "1000000"));
    }

    @Test
    void reasons_say_why_each_step_is_there() throws Exception {
        var chain = ApprovalChain.compute(v1(), new ApprovalChain.OrderFacts(new BigDecimal("30"),
                new BigDecimal("300000"), PaymentTerms.PREPAID, BigDecimal.ZERO, null));
        assertTrue(chain.get(0).reason().contains("30%"), chain.get(0).reason());
        assertTrue(chain.get(0).reason().contains("300000"), chain.get(0).reason());
    }

    @Test
    void a_policy_draft_with_bad_numbers_or_terms_is_refused() throws Exception {
        assertTrue(ApprovalPolicy.check(json(V1)).isEmpty());
        assertFalse(ApprovalPolicy.check(json(V1.replace("\"maxDiscountPct\":40", "\"maxDiscountPct\":140"))).isEmpty());
        assertFalse(ApprovalPolicy.check(json(V1.replace("\"authorityMaxDiscountPct\":25", "\"authorityMaxDiscountPct\":5"))).isEmpty());
        assertFalse(ApprovalPolicy.check(json(V1.replace("\"NET30\"", "\"NET31\""))).isEmpty());
        assertFalse(ApprovalPolicy.check(json("{}")).isEmpty());
    }

    @Test
    void an_order_its_teams_manager_submits_goes_to_the_director_instead() throws Exception {
        List<ApprovalChain.Required> managerOnly = ApprovalChain.compute(v1(), new ApprovalChain.OrderFacts(
                new BigDecimal("15"), new BigDecimal("1000"), PaymentTerms.NET60, BigDecimal.ZERO, null));
        List<ApprovalChain.Required> escalated = ApprovalChain.escalatedPastSubmitter(managerOnly);
        assertEquals(List.of("sales-director", "finance", "order-reviewer"),
                escalated.stream().map(ApprovalChain.Required::role).toList());
        assertTrue(escalated.get(0).reason().contains("discount 15% is above 10%"), escalated.get(0).reason());

        List<ApprovalChain.Required> both = ApprovalChain.compute(v1(), new ApprovalChain.OrderFacts(
                new BigDecimal("12"), new BigDecimal("250000"), PaymentTerms.PREPAID, BigDecimal.ZERO, null));
        List<ApprovalChain.Required> once = ApprovalChain.escalatedPastSubmitter(both);
        assertEquals(List.of("sales-director"), once.stream().map(ApprovalChain.Required::role).toList());
        assertTrue(once.get(0).reason().contains("order total 250000") && once.get(0).reason().contains("discount 12%"),
                once.get(0).reason());

        List<ApprovalChain.Required> noManager = ApprovalChain.compute(v1(), new ApprovalChain.OrderFacts(
                new BigDecimal("5"), new BigDecimal("1000"), PaymentTerms.NET30, BigDecimal.ZERO, null));
        assertEquals(noManager, ApprovalChain.escalatedPastSubmitter(noManager));
    }
}
