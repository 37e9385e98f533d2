package com.salesaffairs.aftersales.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class CampaignPeriodTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void three_months_are_the_calendar_quarters_in_shanghai() {
        CampaignPeriod q4 = CampaignPeriod.containing(Instant.parse("2026-12-04T14:00:00Z"), 3, SHANGHAI);
        assertEquals("2026-Q4", q4.label());
        assertEquals(Instant.parse("2026-09-30T16:00:00Z"), q4.start());
        assertEquals(Instant.parse("2026-12-31T16:00:00Z"), q4.end());
        // 2026-12-31T16:30Z is already 1 January 2027 00:30 in Shanghai
        assertEquals("2027-Q1", CampaignPeriod.containing(Instant.parse("2026-12-31T16:30:00Z"), 3, SHANGHAI).label());
        assertEquals("2026-Q4", CampaignPeriod.containing(Instant.parse("2026-12-31T15:59:59Z"), 3, SHANGHAI).label());
        assertEquals("2026-Q2", CampaignPeriod.containing(Instant.parse("2026-06-30T12:00:00Z"), 3, SHANGHAI).label());
    }

    @Test
    void other_lengths_align_to_month_multiples_from_january() {
        Instant at = Instant.parse("2026-08-15T00:00:00Z");
        assertEquals("2026-08", CampaignPeriod.containing(at, 1, SHANGHAI).label());
        assertEquals("2026-H2", CampaignPeriod.containing(at, 6, SHANGHAI).label());
        assertEquals("2026", CampaignPeriod.containing(at, 12, SHANGHAI).label());
        CampaignPeriod two = CampaignPeriod.containing(at, 2, SHANGHAI);
        assertEquals("2026-07/P2M", two.label());
        assertEquals(Instant.parse("2026-06-30T16:00:00Z"), two.start());
        assertEquals(Instant.parse("2026-08-31T16:00:00Z"), two.end());
        assertEquals("2026-05/P4M", CampaignPeriod.containing(at, 4, SHANGHAI).label());
    }
}
