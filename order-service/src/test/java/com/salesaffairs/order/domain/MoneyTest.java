package com.salesaffairs.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void pro_rata_rounds_each_part_and_leaves_the_remainder_on_the_last() {
        assertEquals(amounts("33.33", "33.33", "33.34"),
                Money.proRata(new BigDecimal("100.00"), amounts("100.00", "100.00", "100.00")));
        assertEquals(amounts("75.01", "0.00", "25.00"),
                Money.proRata(new BigDecimal("100.01"), amounts("300.00", "0.00", "100.00")));
    }

    @Test
    void pro_rata_parts_add_up_exactly_and_stay_within_their_weights() {
        Random random = new Random(42);
        for (int run = 0; run < 20_000; run++) {
            int n = 1 + random.nextInt(6);
            List<BigDecimal> weights = new java.util.ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                BigDecimal w = BigDecimal.valueOf(random.nextInt(random.nextBoolean() ? 5 : 100_000), 2);
                weights.add(w);
                total = total.add(w);
            }
            if (total.signum() == 0) {
                continue;
            }
            BigDecimal amount = BigDecimal.valueOf(1 + (long) (random.nextDouble() * total.movePointRight(2).longValue()), 2)
                    .min(total);
            List<BigDecimal> parts = Money.proRata(amount, weights);
            assertEquals(0, amount.compareTo(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)), weights + " " + amount);
            for (int i = 0; i < n; i++) {
                assertTrue(parts.get(i).signum() >= 0 && parts.get(i).compareTo(weights.get(i)) <= 0,
                        weights + " " + amount + " -> " + parts);
            }
        }
    }
}
