package com.salesaffairs.opportunity.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.salesaffairs.opportunity.domain.AssignmentFairness;
import com.salesaffairs.opportunity.domain.CloseReason;
import com.salesaffairs.opportunity.domain.KnownRep;
import com.salesaffairs.opportunity.domain.OpportunitySource;
import com.salesaffairs.opportunity.domain.OpportunityStage;
import com.salesaffairs.opportunity.domain.WinLoss;
import com.salesaffairs.opportunity.repository.AssignmentRepository;
import com.salesaffairs.opportunity.repository.OpportunityRepository;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

/**
 * The analyses policy 3.1 asks of supervisors: whether assignment was fair, and what the closes
 * teach. A manager reads their own team; a director, executive or admin any team. Periods are UTC
 * days, both ends included.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OpportunityAnalytics {
    private final AssignmentRepository assignments;
    private final OpportunityRepository opportunities;
    private final RepDirectory reps;

    public OpportunityAnalytics(AssignmentRepository assignments, OpportunityRepository opportunities,
            RepDirectory reps) {
        this.assignments = assignments;
        this.opportunities = opportunities;
        this.reps = reps;
    }

    /** A period of whole UTC days, {@code from} and {@code to} both included. */
    public record Period(LocalDate from, LocalDate to) {
        Instant start() {
            return from.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    public record WinLossFilter(String team, OpportunitySource source, CloseReason reason, String competitor,
            WinLoss.GroupBy groupBy, String currency) {
    }

    public record Fairness(String team, List<KnownRep> knownReps, AssignmentFairness.Report report) {
    }

    public record WinLossResult(String team, WinLoss.Analysis analysis) {
    }

    public Fairness fairness(Scope caller, String team, Period period, String currency) {
        String scoped = team(caller, team);
        if (scoped == null) {
            throw ApiProblem.invalid("team", "is required: name the team whose assignments to judge");
        }
        List<KnownRep> known = reps.team(scoped);
        List<AssignmentFairness.Given> given = assignments.ofTeamBetween(scoped, period.start(), period.end()).stream()
                .map(a -> new AssignmentFairness.Given(a.assigneeId(), a.estimatedAmount(), a.currency(),
                        a.followedTopSuggestion(), a.assigneeScore()))
                .toList();
        return new Fairness(scoped, known,
                AssignmentFairness.of(known.stream().map(KnownRep::userId).toList(), given, currency));
    }

    public WinLossResult winLoss(Scope caller, Period period, WinLossFilter filter) {
        String scoped = team(caller, filter.team());
        List<WinLoss.Close> closes = opportunities.closedBetween(period.start(), period.end(), scoped, filter.source(),
                filter.reason(), filter.competitor()).stream()
                .map(o -> new WinLoss.Close(o.team(), o.source(), o.closeReason(), o.competitor(),
                        o.stage() == OpportunityStage.WON, o.capturedAt(), o.closedAt(), o.estimatedAmount(),
                        o.currency(), o.lessonsLearned()))
                .toList();
        return new WinLossResult(scoped, WinLoss.of(closes, filter.groupBy(), filter.currency()));
    }

    /**
     * The team the caller may analyse: a manager their own (another team is 404, as if it did not
     * exist), leadership any or, with none named, all (null).
     */
    private static String team(Scope caller, String team) {
        if (caller.seesAll()) {
            return team;
        }
        if (caller.hasRole(Roles.SALES_MANAGER) && caller.team() != null) {
            if (team != null && !team.equals(caller.team())) {
                throw ApiProblem.notFound("team", team);
            }
            return caller.team();
        }
        throw ApiProblem.forbidden("only a team's sales manager, a director, an executive or an admin may analyse it");
    }
}
