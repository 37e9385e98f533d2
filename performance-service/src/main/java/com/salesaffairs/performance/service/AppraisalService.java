package com.salesaffairs.performance.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.KpiScoring;
import com.salesaffairs.performance.domain.PeriodClosed;
import com.salesaffairs.performance.domain.ScorecardOfRep;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.Scope;

/**
 * Closing a month for appraisal: every rep with a fact booked in the month is scored with the
 * {@code performance.kpi} version in force, and the scorecards are frozen in appraisal_result (graded
 * reps; what {@link PeriodClosed} observers read) or appraisal_ungraded (no KPI could be scored). Facts
 * that arrive afterwards book into the next open month ({@link AppraisalCalendar}), so a closed
 * month never changes.
 */
@ApplicationScoped
@Transactional
public class AppraisalService {
    public static final String RULE_NOT_OVER = "appraisal.period-not-over";
    public static final String RULE_CLOSED = "appraisal.period-closed";
    private static final Logger LOG = Logger.getLogger(AppraisalService.class);

    public enum Status { OPEN, CLOSED }

    /** A month's appraisal: OPEN (results empty) or CLOSED with the frozen result of each rep the caller may see. */
    public record Appraisal(KpiPeriod period, Status status, String closedBy, Instant closedAt, Integer policyVersion,
            List<ScorecardOfRep> results) {
    }

    private final EntityManager em;
    private final AppraisalCalendar calendar;
    private final ScorecardService scorecards;
    private final Event<PeriodClosed> closedEvent;
    private final Clock clock;

    public AppraisalService(EntityManager em, AppraisalCalendar calendar, ScorecardService scorecards,
            Event<PeriodClosed> closedEvent, Clock clock) {
        this.em = em;
        this.calendar = calendar;
        this.scorecards = scorecards;
        this.closedEvent = closedEvent;
        this.clock = clock;
    }

    /** Closes a month that is over: 422 while it is not, 409 when it is closed already. */
    public Appraisal close(KpiPeriod period, String closedBy) {
        Instant now = clock.instant();
        if (now.isBefore(period.end())) {
            throw ApiProblem.ruleViolated(RULE_NOT_OVER, "period",
                    "the month " + period + " is not over yet (it ends " + period.end() + "); only a past month can be closed");
        }
        // Facts being booked finish first; new ones wait for the close and then book into the next month.
        calendar.lockForClose();
        if (calendar.isClosed(period)) {
            throw ApiProblem.duplicate(RULE_CLOSED, "the month " + period + " is already closed");
        }
        KpiScoring.Policy policy = scorecards.activePolicy();
        Instant closedAt = now.truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("INSERT INTO appraisal_period (period, closed_by, closed_at, kpi_policy_version)"
                + " VALUES (:p, :by, :at, :v)")
                .setParameter("p", period.toString()).setParameter("by", closedBy).setParameter("at", closedAt)
                .setParameter("v", policy.version()).executeUpdate();
        List<ScorecardOfRep> results = scorecards.compute(period, policy).stream()
                .map(r -> new ScorecardOfRep(r.repId(), r.team(), r.region(), r.scorecard().frozenAt(closedAt)))
                .toList();
        for (ScorecardOfRep r : results) {
            if (!r.scorecard().graded()) {
                em.createNativeQuery("INSERT INTO appraisal_ungraded (period, rep_id, team, region, scorecard,"
                        + " kpi_policy_version) VALUES (:p, :rep, CAST(:team AS varchar), CAST(:region AS varchar),"
                        + " CAST(:card AS jsonb), :v)")
                        .setParameter("p", period.toString()).setParameter("rep", r.repId())
                        .setParameter("team", r.team()).setParameter("region", r.region())
                        .setParameter("card", scorecards.write(r.scorecard())).setParameter("v", policy.version())
                        .executeUpdate();
                continue;
            }
            em.createNativeQuery("INSERT INTO appraisal_result (period, rep_id, team, region, score, grade, kpis,"
                    + " kpi_policy_version, scorecard) VALUES (:p, :rep, CAST(:team AS varchar), CAST(:region AS varchar),"
                    + " :score, :grade,"
                    + " CAST(:kpis AS jsonb), :v, CAST(:card AS jsonb))")
                    .setParameter("p", period.toString()).setParameter("rep", r.repId())
                    .setParameter("team", r.team()).setParameter("region", r.region())
                    .setParameter("score", r.scorecard().score()).setParameter("grade", r.scorecard().grade())
                    .setParameter("kpis", scorecards.write(r.scorecard().kpis())).setParameter("v", policy.version())
                    .setParameter("card", scorecards.write(r.scorecard())).executeUpdate();
        }
        closedEvent.fire(new PeriodClosed(period, closedBy, policy.version()));
        LOG.infof("appraisal month %s closed by %s: %d reps frozen with performance.kpi v%d", period, closedBy,
                results.size(), policy.version());
        return new Appraisal(period, Status.CLOSED, closedBy, closedAt, policy.version(), results);
    }

    /** The month's appraisal; results limited to the caller's scope (a rep their own, a manager their team's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Appraisal get(KpiPeriod period, Scope caller) {
        Optional<ScorecardService.Closed> closed = scorecards.closed(period);
        if (closed.isEmpty()) {
            return new Appraisal(period, Status.OPEN, null, null, null, List.of());
        }
        List<ScorecardOfRep> visible = scorecards.leaderboard(period, null).stream()
                .filter(r -> caller.sees(r.repId(), r.team())).toList();
        ScorecardService.Closed c = closed.get();
        return new Appraisal(period, Status.CLOSED, c.closedBy(), c.closedAt(), c.policyVersion(), visible);
    }
}
