package com.salesaffairs.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class TargetPeriodTest {

    @Test
    void a_month_a_quarter_and_a_year_cover_their_calendar_months() {
        assertEquals(List.of("2026-11"), months("2026-11"));
        assertEquals(List.of("2026-10", "2026-11", "2026-12"), months("2026-Q4"));
        assertEquals(List.of("2026-01", "2026-02", "2026-03"), months("2026-Q1"));
        assertEquals(12, months("2026").size());
        assertEquals("2026-01", months("2026").get(0));
        assertEquals("2026-12", months("2026").get(11));
    }

    @Test
    void the_wire_form_round_trips() {
        for (String p : List.of("2026-01", "2026-Q3", "2026")) {
            assertEquals(p, TargetPeriod.parse(p).toString());
        }
        assertEquals(TargetPeriod.Kind.QUARTER, TargetPeriod.parse("2026-Q2").kind());
    }

    @Test
    void periods_that_do_not_exist_are_refused() {
        for (String bad : new String[] { "2026-13", "2026-00", "2026-Q0", "2026-Q5", "26", "2026-1", "2026-W12", "0000",
                "", "2026-Q4-01" }) {
            assertThrows(IllegalArgumentException.class, () -> TargetPeriod.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> TargetPeriod.parse(null));
    }

    private static List<String> months(String period) {
        return TargetPeriod.parse(period).months().stream().map(KpiPeriod::toString).toList();
    }
}
