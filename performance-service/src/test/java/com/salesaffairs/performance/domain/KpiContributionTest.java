package com.salesaffairs.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class KpiContributionTest {
    private static final Instant LAST_SECOND_OF_MARCH = Instant.parse("2026-03-31T23:59:59Z");

    @Test
    void a_settled_order_adds_its_amounts_and_one_order_to_the_month_it_settled_in() {
        KpiContribution c = KpiContribution.settledOrder("rep-1", "east-1", "east", "CNY", new BigDecimal("1234.5"),
                new BigDecimal("800"), LAST_SECOND_OF_MARCH);
        assertEquals("2026-03", c.period().toString());
        assertEquals(new BigDecimal("1234.50"), c.salesDelta());
        assertEquals(new BigDecimal("800.00"), c.costDelta());
        assertEquals(1, c.orders());
        assertEquals(0, c.refunds());
    }

    @Test
    void a_refund_takes_its_amount_off_sales_in_the_month_it_was_refunded_and_counts_once() {
        KpiContribution c = KpiContribution.refund("rep-1", "east-1", "east", null, new BigDecimal("100.00"),
                Instant.parse("2026-04-01T00:00:00Z"));
        assertEquals("2026-04", c.period().toString());
        assertEquals(new BigDecimal("-100.00"), c.salesDelta());
        assertEquals(new BigDecimal("0.00"), c.costDelta());
        assertEquals(0, c.orders());
        assertEquals(1, c.refunds());
    }

    @Test
    void facts_that_break_the_contract_are_refused_with_the_reason() {
        InvalidOrderFact missing = assertThrows(InvalidOrderFact.class, () -> KpiContribution.settledOrder("rep-1",
                "east-1", "east", "CNY", null, BigDecimal.ONE, LAST_SECOND_OF_MARCH));
        assertTrue(missing.getMessage().contains("netAmount"), missing.getMessage());
        assertThrows(InvalidOrderFact.class, () -> KpiContribution.settledOrder("rep-1", "east-1", "east", "CNY",
                new BigDecimal("-1.00"), BigDecimal.ONE, LAST_SECOND_OF_MARCH));
        assertThrows(InvalidOrderFact.class, () -> KpiContribution.settledOrder("rep-1", "east-1", "east", "CNY",
                new BigDecimal("1.005"), BigDecimal.ONE, LAST_SECOND_OF_MARCH));
        InvalidOrderFact usd = assertThrows(InvalidOrderFact.class, () -> KpiContribution.settledOrder("rep-1",
                "east-1", "east", "USD", BigDecimal.TEN, BigDecimal.ONE, LAST_SECOND_OF_MARCH));
        assertTrue(usd.getMessage().contains("USD"), usd.getMessage());
        assertThrows(InvalidOrderFact.class, () -> KpiContribution.settledOrder(" ", "east-1", "east", "CNY",
                BigDecimal.TEN, BigDecimal.ONE, LAST_SECOND_OF_MARCH));
        assertThrows(InvalidOrderFact.class, () -> KpiContribution.refund("rep-1", "east-1", "east", "CNY",
                new BigDecimal("0.00"), LAST_SECOND_OF_MARCH));
    }
}
