package com.salesaffairs.opportunity.service;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.opportunity.domain.FollowUpPolicy;
import com.salesaffairs.opportunity.domain.Opportunity;
import com.salesaffairs.opportunity.domain.OpportunityStage;
import com.salesaffairs.opportunity.messaging.OpportunityEvents;
import com.salesaffairs.platform.security.Scope;

/** Closing (policy 3.1: analyse before closing, so the next one succeeds more often) and reopening by a supervisor. */
@ApplicationScoped
@Transactional
public class OpportunityClosing {
    private static final Logger LOG = Logger.getLogger(OpportunityClosing.class);

    private final OpportunityAccess access;
    private final OpportunityEvents events;
    private final EntityManager em;
    private final Clock clock;

    public OpportunityClosing(OpportunityAccess access, OpportunityEvents events, EntityManager em, Clock clock) {
        this.access = access;
        this.events = events;
        this.em = em;
        this.clock = clock;
    }

    public Opportunity close(UUID id, OptionalLong ifMatch, Opportunity.ClosingReport report, Scope caller) {
        Opportunity o = access.forChange(id, ifMatch, caller);
        OpportunityAccess.requireWorker(o, caller, "close");
        o.close(report, caller.userId(), clock.instant());
        em.flush();
        events.closed(o);
        LOG.infof("opportunity %s closed %s by %s", o.id(), o.stage(), caller.userId());
        return o;
    }

    /** Back to the stage it was closed from, with the probability the policy in force gives that stage. */
    public Opportunity reopen(UUID id, OptionalLong ifMatch, String reason, Instant nextFollowUpAt, Scope caller) {
        Opportunity o = access.forChange(id, ifMatch, caller);
        OpportunityAccess.requireSupervisor(o, caller, "reopen");
        OpportunityStage closedAs = o.stage();
        Instant now = clock.instant();
        FollowUpPolicy policy = access.followUpPolicy();
        o.reopen(reason, policy, nextFollowUpAt != null ? nextFollowUpAt : policy.defaultNextFollowUp(now),
                caller.userId(), now);
        em.flush();
        events.reopened(o, closedAs, caller.userId(), reason.strip());
        LOG.infof("opportunity %s reopened from %s to %s by %s", o.id(), closedAs, o.stage(), caller.userId());
        return o;
    }
}
