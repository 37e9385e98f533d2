package com.salesaffairs.opportunity.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.opportunity.domain.Customer;
import com.salesaffairs.opportunity.domain.FollowUpPolicy;
import com.salesaffairs.opportunity.domain.Opportunity;
import com.salesaffairs.opportunity.domain.OpportunityRules;
import com.salesaffairs.opportunity.messaging.OpportunityEvents;
import com.salesaffairs.opportunity.repository.CustomerRepository;
import com.salesaffairs.opportunity.repository.OpportunityRepository;
import com.salesaffairs.opportunity.service.OpportunityCommands.CaptureInput;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

/** Obtaining opportunities (policy 3.1): registered promptly by the rep who found them, or by a manager for assignment. */
@ApplicationScoped
@Transactional
public class OpportunityCapture {
    private static final Logger LOG = Logger.getLogger(OpportunityCapture.class);

    private final OpportunityRepository opportunities;
    private final CustomerRepository customers;
    private final OpportunityAccess access;
    private final OpportunityEvents events;
    private final OpportunityAssignments assignments;
    private final Clock clock;

    public OpportunityCapture(OpportunityRepository opportunities, CustomerRepository customers,
            OpportunityAccess access, OpportunityEvents events, OpportunityAssignments assignments, Clock clock) {
        this.assignments = assignments;
        this.opportunities = opportunities;
        this.customers = customers;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A rep's capture is theirs to follow up; a manager's waits, unassigned, in the manager's team,
     * unless opportunity.assignment auto-assigns that team's captures to the top suggestion.
     */
    public Opportunity capture(CaptureInput input, Scope caller) {
        if (caller.team() == null) {
            throw OpportunityRules.violated("opportunity.owner-team", "only a member of a sales team can capture an opportunity");
        }
        Customer customer = customers.findByIdOptional(input.customerId())
                .filter(c -> caller.sees(c.ownerId(), c.team()))
                .orElseThrow(() -> OpportunityRules.violatedAt("opportunity.customer-known", "customerId",
                        "customer " + input.customerId() + " is unknown or not one of yours: register it first"));
        Instant now = clock.instant();
        if (input.details().expectedCloseDate() != null
                && input.details().expectedCloseDate().isBefore(now.atZone(ZoneOffset.UTC).toLocalDate())) {
            throw ApiProblem.invalid("expectedCloseDate", "must be today (UTC) or later");
        }
        FollowUpPolicy policy = access.followUpPolicy();
        Instant nextFollowUp = input.nextFollowUpAt() != null ? input.nextFollowUpAt() : policy.defaultNextFollowUp(now);
        String assignee = caller.hasRole(Roles.SALES_REP) ? caller.userId() : null;
        String region = input.region() != null ? input.region() : customer.region();
        Opportunity o = Opportunity.capture(input.details(), customer.id(), customer.name(), caller.team(), region,
                caller.userId(), assignee, nextFollowUp, policy, now);
        opportunities.persistAndFlush(o);
        events.created(o);
        LOG.infof("opportunity %s captured by %s in team %s for customer %s", o.id(), caller.userId(), o.team(),
                customer.id());
        assignments.autoAssign(o, caller);
        return o;
    }
}
