package com.salesaffairs.reporting.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.salesaffairs.platform.security.Scope;
import com.salesaffairs.reporting.domain.ReportPeriod;
import com.salesaffairs.reporting.domain.ReportRollCall;
import com.salesaffairs.reporting.domain.ReportSchedule;
import com.salesaffairs.reporting.repository.RepFactsRepository;
import com.salesaffairs.reporting.repository.SalesReportRepository;

/** Missing and late reports of a period, per team, within the caller's reach. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportRollCallService {
    /**
     * A rep is expected to report for a period when they have a fact in the year up to its last day: a
     * rep who left long ago is not missing forever, one on a quiet month still is.
     */
    static final int KNOWN_REP_DAYS = 365;

    private final SalesReportRepository reports;
    private final RepFactsRepository facts;
    private final SalesReportService salesReports;
    private final Clock clock;

    public ReportRollCallService(SalesReportRepository reports, RepFactsRepository facts,
            SalesReportService salesReports, Clock clock) {
        this.reports = reports;
        this.facts = facts;
        this.salesReports = salesReports;
        this.clock = clock;
    }

    /** {@code caller}'s teams: a manager's own (none without a team claim), everyone's for director, executive, admin. */
    public ReportRollCall rollCall(ReportPeriod period, Scope caller) {
        ReportSchedule schedule = salesReports.activeSchedule();
        String team = caller.teamFilter();
        List<ReportRollCall.KnownRep> known = facts.knownReps(period.last(), KNOWN_REP_DAYS, team);
        List<ReportRollCall.Filed> filed = reports.ofPeriod(period.kind(), period.label(), team).stream()
                .map(ReportRollCall.Filed::of).toList();
        return ReportRollCall.of(period, schedule.dueAt(period), schedule.version(), clock.instant(), known, filed);
    }
}
