package com.salesaffairs.reporting.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.platform.policy.PolicyStore;
import com.salesaffairs.platform.policy.PolicyVersion;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;
import com.salesaffairs.reporting.domain.ReportContent;
import com.salesaffairs.reporting.domain.ReportPeriod;
import com.salesaffairs.reporting.domain.ReportSchedule;
import com.salesaffairs.reporting.domain.ReportingPolicies;
import com.salesaffairs.reporting.domain.SalesReport;
import com.salesaffairs.reporting.messaging.ReportEvents;
import com.salesaffairs.reporting.repository.RepFactsRepository;
import com.salesaffairs.reporting.repository.SalesReportRepository;

/**
 * A rep's sales reports: drafted and revised by the rep, submitted once with the system's figures and
 * the due time of the schedule in force, reviewed by the team's manager or a director. One transaction
 * per command, the report locked before it is changed.
 */
@ApplicationScoped
@Transactional
public class SalesReportService {
    /** Figures are in the company's reporting currency; facts in another are not converted (as in the trend). */
    public static final String FIGURES_CURRENCY = "CNY";
    private static final Logger LOG = Logger.getLogger(SalesReportService.class);

    private final SalesReportRepository reports;
    private final RepFactsRepository facts;
    private final PolicyStore policies;
    private final ReportEvents events;
    private final Clock clock;

    public SalesReportService(SalesReportRepository reports, RepFactsRepository facts, PolicyStore policies,
            ReportEvents events, Clock clock) {
        this.reports = reports;
        this.facts = facts;
        this.policies = policies;
        this.events = events;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The reporting.schedule version in force now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportSchedule activeSchedule() {
        PolicyVersion v = policies.require(ReportingPolicies.SCHEDULE);
        return ReportSchedule.from(v.version, policies.read(v.content));
    }

    /** A new draft by the calling rep, for a period that has begun; one report per rep, kind and period. */
    public SalesReport draft(ReportPeriod period, ReportContent content, Scope rep) {
        Instant now = now();
        if (!period.begunBy(activeSchedule().today(now))) {
            throw ApiProblem.invalid("period", period.label() + " has not begun; a report covers days that have come");
        }
        Optional<SalesReport> earlier = reports.forRepAndPeriod(rep.userId(), period.kind(), period.label());
        if (earlier.isPresent()) {
            throw ApiProblem.duplicate("sales-report.one-per-period", "you already have report " + earlier.get().id()
                    + " for " + period.kind() + " " + period.label() + "; edit that one");
        }
        SalesReport r = SalesReport.draft(period, rep.userId(), rep.team(), rep.region(), content, now);
        reports.persist(r);
        reports.flush();
        LOG.infof("sales report %s drafted by %s for %s %s", r.id(), r.repId(), r.kind(), r.period().label());
        return r;
    }

    public SalesReport revise(UUID id, Optional<Long> ifMatch, ReportContent content, Scope rep) {
        SalesReport r = ownLocked(id, ifMatch, rep);
        r.revise(content, now());
        reports.flush();
        return r;
    }

    /**
     * Fixes the rep's figures for the period from the read models and the due time from the schedule in
     * force, judges on-time, and publishes {@code sales.report.submitted.v1} in the same transaction.
     */
    public SalesReport submit(UUID id, Optional<Long> ifMatch, Scope rep) {
        SalesReport r = ownLocked(id, ifMatch, rep);
        ReportSchedule schedule = activeSchedule();
        ReportPeriod period = r.period();
        r.submit(facts.figures(r.repId(), period, FIGURES_CURRENCY), schedule.dueAt(period), schedule.version(), now());
        reports.flush();
        events.submitted(r);
        LOG.infof("sales report %s submitted by %s for %s %s, due %s, on time %s", r.id(), r.repId(), r.kind(),
                period.label(), r.dueAt(), r.onTime());
        return r;
    }

    /** A manager reviews their team's reports, a director anyone's. */
    public SalesReport review(UUID id, Optional<Long> ifMatch, String comment, Scope reviewer) {
        SalesReport r = visible(id, reviewer);
        if (!reviewer.hasRole(Roles.SALES_DIRECTOR) && !reviewer.managesTeam(r.team())) {
            throw ApiProblem.notFound("sales report", id);
        }
        locked(r, ifMatch);
        r.review(comment, reviewer.userId(), now());
        reports.flush();
        LOG.infof("sales report %s reviewed by %s", r.id(), reviewer.userId());
        return r;
    }

    /** The report, if the caller may see it: the rep their own, a manager their team's, director, executive, admin all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SalesReport visible(UUID id, Scope caller) {
        SalesReport r = reports.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("sales report", id));
        if (!caller.sees(r.repId(), r.team())) {
            throw ApiProblem.notFound("sales report", id);
        }
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SalesReport> list(SalesReportRepository.Filter filter, PageParams page) {
        return reports.page(filter, page.offset(), page.size());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(SalesReportRepository.Filter filter) {
        return reports.count(filter);
    }

    /** Only the rep who wrote a report changes it; to anyone else it does not exist. */
    private SalesReport ownLocked(UUID id, Optional<Long> ifMatch, Scope rep) {
        SalesReport r = reports.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("sales report", id));
        if (rep.userId() == null || !rep.userId().equals(r.repId())) {
            throw ApiProblem.notFound("sales report", id);
        }
        return locked(r, ifMatch);
    }

    private SalesReport locked(SalesReport r, Optional<Long> ifMatch) {
        reports.getEntityManager().refresh(r, LockModeType.PESSIMISTIC_WRITE);
        if (ifMatch.isPresent() && ifMatch.get() != r.version()) {
            throw ApiProblem.preconditionFailed("sales report " + r.id() + " is at version " + r.version() + ", not "
                    + ifMatch.get());
        }
        return r;
    }
}
