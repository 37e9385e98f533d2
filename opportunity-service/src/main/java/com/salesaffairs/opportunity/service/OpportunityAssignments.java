package com.salesaffairs.opportunity.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.opportunity.domain.Assignment;
import com.salesaffairs.opportunity.domain.Opportunity;
import com.salesaffairs.opportunity.domain.OpportunityRules;
import com.salesaffairs.opportunity.messaging.OpportunityEvents;
import com.salesaffairs.opportunity.repository.AssignmentRepository;
import com.salesaffairs.platform.security.Scope;

/**
 * Assignment by the team's supervisor (policy 3.1), with the reason on the record. Suggestions by
 * performance, ability and load come later and will fill {@code followedTopSuggestion}.
 */
@ApplicationScoped
@Transactional
public class OpportunityAssignments {
    private static final Logger LOG = Logger.getLogger(OpportunityAssignments.class);

    private final OpportunityAccess access;
    private final AssignmentRepository assignments;
    private final RepDirectory reps;
    private final OpportunityEvents events;
    private final Clock clock;

    public OpportunityAssignments(OpportunityAccess access, AssignmentRepository assignments, RepDirectory reps,
            OpportunityEvents events, Clock clock) {
        this.access = access;
        this.assignments = assignments;
        this.reps = reps;
        this.events = events;
        this.clock = clock;
    }

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
        Instant now = clock.instant();
        String previous = o.assign(assigneeId, now);
        Assignment a = Assignment.of(o, previous, caller.userId(), reason, null, null, now);
        assignments.persist(a);
        assignments.flush();
        events.assigned(o, a);
        LOG.infof("opportunity %s assigned to %s by %s (was %s)", o.id(), assigneeId, caller.userId(), previous);
        return a;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Assignment> history(UUID id, Scope caller) {
        access.visible(id, caller);
        return assignments.ofOpportunity(id);
    }
}
