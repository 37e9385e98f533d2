package com.salesaffairs.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.problem.ApiProblem;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** A target's months add up to the target to the cent, whether split evenly or as given. */
class TargetSplitTest {

    @Test
    void an_even_split_puts_the_cents_that_do_not_divide_on_the_last_month() {
        Map<KpiPeriod, BigDecimal> split = TargetSplit.even(new BigDecimal("100.00"), TargetPeriod.parse("2026-Q4"));
        assertEquals(List.of("2026-10", "2026-11", "2026-12"), split.keySet().stream().map(KpiPeriod::toString).toList());
        assertEquals(List.of(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34")),
                List.copyOf(split.values()));
    }

    @Property
    void an_even_split_covers_the_period_and_adds_up_to_the_cent(@ForAll @LongRange(min = 1, max = 99_999_999_999L) long cents,
            @ForAll("periods") String period) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        TargetPeriod p = TargetPeriod.parse(period);
        Map<KpiPeriod, BigDecimal> split = TargetSplit.even(amount, p);
        assertEquals(p.months(), List.copyOf(split.keySet()));
        assertEquals(0, split.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(amount));
        split.values().forEach(v -> assertEquals(2, v.scale()));
        split.values().forEach(v -> assertTrue(v.signum() >= 0, "no month below 0: " + split));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> periods() {
        return net.jqwik.api.Arbitraries.of("2026", "2026-Q1", "2026-Q4", "2026-02", "2027-12");
    }

    @Test
    void a_given_split_must_name_exactly_the_periods_months() {
        Map<String, BigDecimal> missing = new LinkedHashMap<>(Map.of("2026-10", new BigDecimal("50.00"),
                "2026-11", new BigDecimal("50.00")));
        ApiProblem e = assertThrows(ApiProblem.class, () -> TargetSplit.checked("monthlySplit", new BigDecimal("100.00"),
                TargetPeriod.parse("2026-Q4"), missing));
        assertEquals(422, e.status());
        assertEquals(TargetSplit.COVERS_PERIOD, e.toProblem(null).rule());
    }

    @Test
    void a_given_split_must_add_up_to_the_amount_to_the_cent() {
        Map<String, BigDecimal> off = Map.of("2026-10", new BigDecimal("33.33"), "2026-11", new BigDecimal("33.33"),
                "2026-12", new BigDecimal("33.33"));
        ApiProblem e = assertThrows(ApiProblem.class, () -> TargetSplit.checked("monthlySplit", new BigDecimal("100.00"),
                TargetPeriod.parse("2026-Q4"), off));
        assertEquals(TargetSplit.ADDS_UP, e.toProblem(null).rule());
    }

    @Test
    void a_given_split_is_kept_in_calendar_order_to_the_cent() {
        Map<KpiPeriod, BigDecimal> split = TargetSplit.checked("monthlySplit", new BigDecimal("100.00"),
                TargetPeriod.parse("2026-Q4"), Map.of("2026-12", new BigDecimal("50"), "2026-10", new BigDecimal("20.5"),
                        "2026-11", new BigDecimal("29.50")));
        assertEquals(List.of("2026-10", "2026-11", "2026-12"), split.keySet().stream().map(KpiPeriod::toString).toList());
        assertEquals(List.of(new BigDecimal("20.50"), new BigDecimal("29.50"), new BigDecimal("50.00")),
                List.copyOf(split.values()));
    }

    @Test
    void a_negative_or_sub_cent_month_or_a_key_that_is_no_month_is_bad_input_naming_the_month() {
        for (Map<String, BigDecimal> bad : List.of(Map.of("2026-13", new BigDecimal("100.00")),
                Map.of("2026-11", new BigDecimal("-1.00")), Map.of("2026-11", new BigDecimal("100.001")))) {
            ApiProblem e = assertThrows(ApiProblem.class, () -> TargetSplit.checked("monthlySplit",
                    new BigDecimal("100.00"), TargetPeriod.parse("2026-11"), bad));
            assertEquals(400, e.status());
            assertEquals("monthlySplit." + bad.keySet().iterator().next(),
                    e.toProblem(null).violations().get(0).field());
        }
    }
}
