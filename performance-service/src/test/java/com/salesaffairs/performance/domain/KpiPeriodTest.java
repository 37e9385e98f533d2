package com.salesaffairs.performance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KpiPeriodTest {

    @Provide
    Arbitrary<Instant> instants() {
        long from = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        return Arbitraries.longs().between(from, to).flatMap(
                s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    @Property
    void every_instant_falls_in_the_utc_month_that_contains_it(@ForAll("instants") Instant at) {
        KpiPeriod period = KpiPeriod.of(at);
        assertTrue(!at.isBefore(period.start()) && at.isBefore(period.end()), at + " not in " + period);
        OffsetDateTime utc = at.atOffset(ZoneOffset.UTC);
        assertEquals(String.format("%04d-%02d", utc.getYear(), utc.getMonthValue()), period.toString());
    }

    @Property
    void the_wire_form_reads_back_as_the_same_period(@ForAll("instants") Instant at) {
        KpiPeriod period = KpiPeriod.of(at);
        assertTrue(period.toString().matches(KpiPeriod.PATTERN), period.toString());
        assertEquals(period, KpiPeriod.parse(period.toString()));
    }

    @Example
    void an_order_settled_on_new_years_morning_in_shanghai_counts_in_december() {
        // 2027-01-01 07:59 in UTC+8 is still 2026-12-31 in UTC.
        assertEquals("2026-12", KpiPeriod.of(Instant.parse("2026-12-31T23:59:59.999999999Z")).toString());
        assertEquals("2027-01", KpiPeriod.of(Instant.parse("2027-01-01T00:00:00Z")).toString());
        assertEquals("2026-12", KpiPeriod.of(OffsetDateTime.parse("2027-01-01T07:59:00+08:00").toInstant()).toString());
    }

    @Example
    void malformed_periods_are_refused() {
        for (String bad : new String[] { "2026-13", "2026-00", "2026-1", "26-01", "2026/01", "2026-01-01", "", " 2026-01" }) {
            assertThrows(IllegalArgumentException.class, () -> KpiPeriod.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> KpiPeriod.parse(null));
        assertEquals("2026-02", KpiPeriod.parse("2026-02").toString());
    }
}
