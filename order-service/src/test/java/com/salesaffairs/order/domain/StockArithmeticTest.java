package com.salesaffairs.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class StockArithmeticTest {
    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

    @Property
    void reservations_never_promise_more_than_is_on_hand(@ForAll @IntRange(min = 0, max = 1000) int received,
            @ForAll @Size(max = 20) List<@IntRange(min = 1, max = 200) Integer> requests) {
        StockLevel s = StockLevel.empty("P", "WH", T);
        if (received > 0) {
            s.receive(received, T);
        }
        int promised = 0;
        for (int r : requests) {
            int got = s.reserveUpTo(r, T);
            assertTrue(got >= 0 && got <= r);
            promised += got;
            assertTrue(s.available() >= 0);
            assertTrue(s.reserved() <= s.onHand());
        }
        assertEquals(promised, s.reserved());
        assertEquals(received - promised, s.available());
    }

    @Property
    void shipping_and_releasing_keep_the_books_balanced(@ForAll @IntRange(min = 1, max = 500) int received,
            @ForAll @IntRange(min = 0, max = 500) int reserve, @ForAll @IntRange(min = 0, max = 500) int ship) {
        StockLevel s = StockLevel.empty("P", "WH", T);
        s.receive(received, T);
        int reserved = s.reserveUpTo(reserve, T);
        int shipped = Math.min(ship, reserved);
        s.ship(shipped, T);
        s.release(reserved - shipped, T);
        assertEquals(received - shipped, s.onHand());
        assertEquals(0, s.reserved());
    }

    @Test
    void shipping_or_releasing_what_was_not_reserved_is_impossible() {
        StockLevel s = StockLevel.empty("P", "WH", T);
        s.receive(5, T);
        s.reserveUpTo(2, T);
        assertThrows(IllegalStateException.class, () -> s.ship(3, T));
        assertThrows(IllegalStateException.class, () -> s.release(3, T));
        assertThrows(IllegalArgumentException.class, () -> s.receive(0, T));
    }

    @Property
    void invoice_shares_of_a_line_add_up_to_the_line_exactly(@ForAll @IntRange(min = 1, max = 50) int quantity,
            @ForAll @IntRange(min = 1, max = 99999) int priceCents, @ForAll @IntRange(min = 0, max = 40) int discount) {
        BigDecimal net = Money.lineNet(quantity, BigDecimal.valueOf(priceCents, 2), BigDecimal.valueOf(discount));
        BigDecimal sum = BigDecimal.ZERO;
        for (int covered = 0; covered < quantity; covered++) {
            sum = sum.add(Money.share(net, quantity, 1, covered));
        }
        assertEquals(net, sum);
    }

    @Test
    void ship_by_counts_business_days_and_respects_a_later_requested_date() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertEquals(DayOfWeek.FRIDAY, friday.getDayOfWeek());
        assertEquals(LocalDate.of(2026, 12, 2), ShipByDeadline.compute(friday, 3, null));
        assertEquals(LocalDate.of(2026, 12, 2), ShipByDeadline.compute(friday, 3, LocalDate.of(2026, 11, 30)));
        assertEquals(LocalDate.of(2026, 12, 10), ShipByDeadline.compute(friday, 3, LocalDate.of(2026, 12, 10)));
    }

    @Test
    void line_net_rounds_half_up_once() {
        assertEquals(new BigDecimal("0.68"), Money.lineNet(1, new BigDecimal("0.75"), new BigDecimal("10")));
        assertEquals(new BigDecimal("2.01"), Money.lineNet(3, new BigDecimal("0.67"), BigDecimal.ZERO));
        assertTrue(Money.hasAtMostTwoDecimals(new BigDecimal("1.10")));
        assertTrue(!Money.hasAtMostTwoDecimals(new BigDecimal("1.105")));
    }
}
