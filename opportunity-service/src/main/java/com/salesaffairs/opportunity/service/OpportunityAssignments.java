package com.salesaffairs.opportunity.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.opportunity.domain.Assignment;
import com.salesaffairs.opportunity.domain.AssignmentPolicy;
import com.salesaffairs.opportunity.domain.AssignmentSuggestions.Ranking;
import com.salesaffairs.opportunity.domain.AssignmentSuggestions.Suggestion;
import com.salesaffairs.opportunity.domain.Opportunity;
import com.salesaffairs.opportunity.domain.OpportunityRules;
import com.salesaffairs.opportunity.messaging.OpportunityEvents;
import com.salesaffairs.opportunity.repository.AssignmentRepository;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.Scope;

/**
 * Assignment by the team's supervisor (policy 3.1), with the reason on the record and the
 * suggestions of {@link AssignmentAdvice} as they stood when the decision was made.
 */
@ApplicationScoped
@Transactional
public class OpportunityAssignments {
    private static final Logger LOG = Logger.getLogger(OpportunityAssignments.class);

    private final OpportunityAccess access;
    private final AssignmentRepository assignments;
    private final RepDirectory reps;
    private final OpportunityEvents events;
    private final AssignmentAdvice advice;
    private final Clock clock;

    public OpportunityAssignments(OpportunityAccess access, AssignmentRepository assignments, RepDirectory reps,
            OpportunityEvents events, AssignmentAdvice advice, Clock clock) {
        this.advice = advice;
        this.access = access;
        this.assignments = assignments;
        this.reps = reps;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The manager's decision, judged against the suggestions at this moment (computed here, never
     * taken from the client): whether the assignee was the top suggestion, with the scores and the
     * policy version.
     */
    public Assignment assign(UUID id, OptionalLong ifMatch, String assigneeId, String reason, Scope caller) {
        Opportunity o = access.forChange(id, ifMatch, caller);
        OpportunityAccess.requireSupervisor(o, caller, "assign");
        if (!o.isOpen()) {
            throw OpportunityRules.illegalTransition(o, "assigned");
        }
        if (reps.repInTeam(assigneeId, o.team()).isEmpty()) {
            throw OpportunityRules.violatedAt("opportunity.assignee-in-team", "assigneeId", "user " + assigneeId
                    + " is not known as a sales rep of team " + o.team()
                    + " (a rep becomes known here at their first request to this service)");
        }
        if (assigneeId.equals(o.assigneeId())) {
            throw ApiProblem.conflict("opportunity " + o.id() + " is already assigned to " + assigneeId);
        }
        Assignment a = record(o, assigneeId, caller.userId(), reason, advice.advise(o).ranking());
        LOG.infof("opportunity %s assigned to %s by %s (was %s, top suggestion followed: %s)", o.id(), assigneeId,
                caller.userId(), a.previousAssigneeId(), a.followedTopSuggestion());
        return a;
    }

    /**
     * At capture, in the capture's transaction: a team that {@code opportunity.assignment} names in
     * autoAssignTeams gets a manager's unassigned capture assigned to the top suggestion at once.
     * Without a rep to suggest it stays unassigned.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void autoAssign(Opportunity o, Scope caller) {
        if (o.assigneeId() != null) {
            return;
        }
        Ranking ranking = advice.advise(o).ranking();
        AssignmentPolicy policy = ranking.policy();
        if (!policy.autoAssigns(o.team())) {
            return;
        }
        if (ranking.top().isEmpty()) {
            LOG.infof("opportunity %s left unassigned: team %s auto-assigns but no rep can be suggested", o.id(), o.team());
            return;
        }
        String top = ranking.top().get().rep().repId();
        record(o, top, caller.userId(), "auto-assigned by " + AssignmentPolicy.KEY + " v" + policy.version(), ranking);
        LOG.infof("opportunity %s auto-assigned to %s under %s v%d", o.id(), top, AssignmentPolicy.KEY, policy.version());
    }

    private Assignment record(Opportunity o, String assigneeId, String by, String reason, Ranking ranking) {
        Optional<Suggestion> top = ranking.top();
        Boolean followed = top.map(t -> t.rep().repId().equals(assigneeId)).orElse(null);
        BigDecimal assigneeScore = ranking.of(assigneeId).map(Suggestion::displayScore).orElse(null);
        Instant now = clock.instant();
        String previous = o.assign(assigneeId, now);
        Assignment a = Assignment.of(o, previous, by, reason, followed, ranking.policy().version(), assigneeScore,
                top.map(t -> t.rep().repId()).orElse(null), top.map(Suggestion::displayScore).orElse(null), now);
        assignments.persist(a);
        assignments.flush();
        events.assigned(o, a);
        return a;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Assignment> history(UUID id, Scope caller) {
        access.visible(id, caller);
        return assignments.ofOpportunity(id);
    }
}
