package com.salesaffairs.reporting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Who owes a report for one period, per team: reps reporting knows without a submitted report
 * (none at all, or still a draft) are missing; reps whose report came in after its due time are late.
 * A rep counts in the team of their report when they wrote one, else in the team of their latest fact.
 *
 * @param pastDue whether the period's due time has passed; before it, "missing" means "not yet in"
 */
public record ReportRollCall(ReportPeriod period, Instant dueAt, boolean pastDue, int scheduleVersion,
        List<TeamRoll> teams) {

    /** A rep reporting knows, with the team they were last seen in (null when the facts named none). */
    public record KnownRep(String repId, String team) {
    }

    /** A report written for the period, as the roll call needs it. */
    public record Filed(String repId, String team, UUID reportId, ReportStatus status, Instant dueAt,
            Instant submittedAt, Boolean onTime) {
        public static Filed of(SalesReport r) {
            return new Filed(r.repId(), r.team(), r.id(), r.status(), r.dueAt(), r.submittedAt(), r.onTime());
        }
    }

    /** A rep without a submitted report: {@code reportId} and DRAFT when they have a draft. */
    public record Missing(String repId, UUID reportId, String status) {
    }

    public record Late(String repId, UUID reportId, Instant dueAt, Instant submittedAt) {
    }

    /** One team's reps: how many are expected, how many were on time, who is missing, who was late. */
    public record TeamRoll(String team, int reps, int onTime, List<Missing> missing, List<Late> late) {
    }

    public static ReportRollCall of(ReportPeriod period, Instant dueAt, int scheduleVersion, Instant now,
            List<KnownRep> known, List<Filed> filed) {
        Map<String, Filed> byRep = new LinkedHashMap<>();
        filed.forEach(f -> byRep.put(f.repId(), f));
        Map<String, String> teamOf = new TreeMap<>();
        known.forEach(k -> teamOf.put(k.repId(), k.team()));
        filed.forEach(f -> teamOf.put(f.repId(), f.team()));
        // Sorted by team (no team last), then rep, so the answer is stable.
        Map<String, List<String>> repsByTeam = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        teamOf.forEach((rep, team) -> repsByTeam.computeIfAbsent(team, t -> new ArrayList<>()).add(rep));
        List<TeamRoll> teams = new ArrayList<>();
        repsByTeam.forEach((team, reps) -> {
            List<Missing> missing = new ArrayList<>();
            List<Late> late = new ArrayList<>();
            int onTime = 0;
            for (String rep : reps) {
                Filed f = byRep.get(rep);
                if (f == null) {
                    missing.add(new Missing(rep, null, "NONE"));
                } else if (f.status() == ReportStatus.DRAFT) {
                    missing.add(new Missing(rep, f.reportId(), ReportStatus.DRAFT.name()));
                } else if (Objects.equals(f.onTime(), Boolean.TRUE)) {
                    onTime++;
                } else {
                    late.add(new Late(rep, f.reportId(), f.dueAt(), f.submittedAt()));
                }
            }
            teams.add(new TeamRoll(team, reps.size(), onTime, List.copyOf(missing), List.copyOf(late)));
        });
        return new ReportRollCall(period, dueAt, now.isAfter(dueAt), scheduleVersion, List.copyOf(teams));
    }
}
