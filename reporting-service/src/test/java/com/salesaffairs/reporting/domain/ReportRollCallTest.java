package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.salesaffairs.reporting.domain.ReportRollCall.Filed;
import com.salesaffairs.reporting.domain.ReportRollCall.KnownRep;
import com.salesaffairs.reporting.domain.ReportRollCall.TeamRoll;

/** Missing means no submitted report (none or a draft); late means submitted after the due time; per team. */
class ReportRollCallTest {
    private static final ReportPeriod MAY = ReportPeriod.parse(ReportKind.MONTHLY, "2026-05");
    private static final Instant DUE = Instant.parse("2026-06-03T10:00:00Z");

    private static Filed filed(String rep, String team, ReportStatus status, String submittedAt) {
        Instant at = submittedAt == null ? null : Instant.parse(submittedAt);
        return new Filed(rep, team, UUID.randomUUID(), status, at == null ? null : DUE, at,
                at == null ? null : !at.isAfter(DUE));
    }

    @Test
    void reps_without_a_submitted_report_are_missing_and_those_after_the_due_time_late() {
        ReportRollCall roll = ReportRollCall.of(MAY, DUE, 2, Instant.parse("2026-06-10T00:00:00Z"),
                List.of(new KnownRep("ann", "east-1"), new KnownRep("ben", "east-1"), new KnownRep("cal", "east-1"),
                        new KnownRep("dan", "east-1"), new KnownRep("eve", "west-1")),
                List.of(filed("ann", "east-1", ReportStatus.SUBMITTED, "2026-06-03T10:00:00Z"),
                        filed("ben", "east-1", ReportStatus.REVIEWED, "2026-06-04T01:00:00Z"),
                        filed("cal", "east-1", ReportStatus.DRAFT, null)));
        assertTrue(roll.pastDue());
        assertEquals(List.of("east-1", "west-1"), roll.teams().stream().map(TeamRoll::team).toList());
        TeamRoll east = roll.teams().get(0);
        assertEquals(4, east.reps());
        assertEquals(1, east.onTime(), "ann submitted on the due minute itself");
        assertEquals(List.of("cal:DRAFT", "dan:NONE"), east.missing().stream().map(m -> m.repId() + ":" + m.status()).toList());
        assertEquals(List.of("ben"), east.late().stream().map(ReportRollCall.Late::repId).toList());
        assertNull(east.missing().get(1).reportId());
        assertEquals(List.of("eve"), roll.teams().get(1).missing().stream().map(ReportRollCall.Missing::repId).toList());
    }

    @Test
    void a_rep_counts_in_the_team_of_their_report_and_reps_without_a_team_come_last() {
        ReportRollCall roll = ReportRollCall.of(MAY, DUE, 2, Instant.parse("2026-06-01T00:00:00Z"),
                List.of(new KnownRep("ann", "east-1"), new KnownRep("zed", null)),
                List.of(filed("ann", "west-1", ReportStatus.SUBMITTED, "2026-06-01T00:00:00Z")));
        assertFalse(roll.pastDue());
        assertEquals(2, roll.teams().size());
        assertEquals("west-1", roll.teams().get(0).team());
        assertEquals(1, roll.teams().get(0).onTime());
        assertNull(roll.teams().get(1).team());
        assertEquals("zed", roll.teams().get(1).missing().get(0).repId());
    }
}
