package com.salesaffairs.performance.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.performance.domain.KpiContribution;
import com.salesaffairs.performance.domain.KpiFact;
import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.RepKpi;
import com.salesaffairs.performance.domain.TeamKpi;
import com.salesaffairs.performance.messaging.KpiEvents;
import com.salesaffairs.performance.repository.KpiFactRepository;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.Scope;

@ApplicationScoped
@Transactional
public class KpiService {
    private static final Logger LOG = Logger.getLogger(KpiService.class);

    private final KpiFactRepository facts;
    private final KpiEvents events;
    private final AppraisalCalendar calendar;
    private final Clock clock;

    public KpiService(KpiFactRepository facts, KpiEvents events, AppraisalCalendar calendar, Clock clock) {
        this.facts = facts;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Applies one order fact to the month it is booked in (its own, or the first open month after it
     * when that is closed for appraisal); runs in the inbox transaction of the event that carries it.
     * The answer's period is the booked month.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public RepKpi record(KpiContribution contribution) {
        KpiContribution booked = contribution.bookedIn(calendar.bookingPeriod(contribution.period()));
        // one writer of the rep's month at a time, so the published snapshot misses no survey, report or outcome
        facts.lockMonth(booked.repId(), booked.period());
        RepKpi kpi = RepKpi.of(facts.add(booked, clock.instant()));
        events.updated(kpi);
        LOG.infof("kpi of rep %s for %s now %s sales, %d orders, %d refunds", kpi.repId(), kpi.period(),
                kpi.figures().salesAmount().toPlainString(), kpi.figures().orderCount(), kpi.figures().refundCount());
        return kpi;
    }

    /**
     * A rep's month. A rep sees only their own, a manager the reps whose facts carry their team,
     * director, executive and admin everyone; anything else is 404, as if the rep did not exist.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RepKpi ofRep(String repId, KpiPeriod period, Scope caller) {
        Optional<KpiFact> inPeriod = facts.of(repId, period);
        // Without facts this month, the rep's last known team decides whether a manager may look.
        Optional<KpiFact> known = inPeriod.isPresent() ? inPeriod : facts.latest(repId);
        String team = known.map(KpiFact::team).orElse(null);
        if (!caller.sees(repId, team)) {
            throw ApiProblem.notFound("KPI of rep", repId);
        }
        return inPeriod.map(RepKpi::of)
                .orElseGet(() -> RepKpi.none(repId, period, team, known.map(KpiFact::region).orElse(null)));
    }

    /** A team's month: its manager, director, executive and admin; another team's manager gets 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamKpi ofTeam(String team, KpiPeriod period, Scope caller) {
        if (!caller.seesAll() && !caller.managesTeam(team)) {
            throw ApiProblem.notFound("team", team);
        }
        return TeamKpi.of(team, period, facts.ofTeam(team, period).stream().map(RepKpi::of).toList());
    }
}
