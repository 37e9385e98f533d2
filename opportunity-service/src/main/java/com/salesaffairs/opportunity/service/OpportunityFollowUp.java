package com.salesaffairs.opportunity.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.opportunity.domain.Activity;
import com.salesaffairs.opportunity.domain.Opportunity;
import com.salesaffairs.opportunity.domain.OpportunityStage;
import com.salesaffairs.opportunity.messaging.OpportunityEvents;
import com.salesaffairs.opportunity.repository.ActivityRepository;
import com.salesaffairs.opportunity.service.OpportunityCommands.ActivityInput;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Scope;

import io.quarkus.panache.common.Page;

/** Follow-up (policy 3.1: "promptly, as the system requires"): activities with the next step, and the stage they bring it to. */
@ApplicationScoped
@Transactional
public class OpportunityFollowUp {
    private static final Logger LOG = Logger.getLogger(OpportunityFollowUp.class);
    /** How far ahead of this server's clock a caller's clock may run before its "now" counts as future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final OpportunityAccess access;
    private final ActivityRepository activities;
    private final OpportunityEvents events;
    private final Clock clock;

    public OpportunityFollowUp(OpportunityAccess access, ActivityRepository activities, OpportunityEvents events,
            Clock clock) {
        this.access = access;
        this.activities = activities;
        this.events = events;
        this.clock = clock;
    }

    /** Logged by whoever works the opportunity; the opportunity's last contact and next follow-up move with it. */
    public Activity log(UUID id, ActivityInput input, Scope caller) {
        Opportunity o = access.forChange(id, OptionalLong.empty(), caller);
        OpportunityAccess.requireWorker(o, caller, "log activities on");
        Instant now = clock.instant();
        if (input.occurredAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiProblem.invalid("occurredAt", "must not be in the future");
        }
        o.logActivity(input.type(), input.occurredAt(), input.nextFollowUpAt(), now);
        Activity a = Activity.of(o.id(), input.type(), input.occurredAt(), input.summary(), input.nextStep(),
                input.nextFollowUpAt(), caller.userId(), now);
        activities.persist(a);
        activities.flush();
        events.activityLogged(o, a);
        LOG.infof("activity %s (%s) logged on opportunity %s by %s", a.id(), a.type(), o.id(), caller.userId());
        return a;
    }

    /** Between open stages, forward or back; the probability comes from the policy in force and its version is kept. */
    public Opportunity moveStage(UUID id, OptionalLong ifMatch, OpportunityStage stage, String note, Scope caller) {
        Opportunity o = access.forChange(id, ifMatch, caller);
        OpportunityAccess.requireWorker(o, caller, "move");
        OpportunityStage from = o.stage();
        o.moveTo(stage, access.followUpPolicy(), caller.userId(), clock.instant(), note);
        activities.flush();
        events.stageChanged(o, from, caller.userId());
        LOG.infof("opportunity %s moved from %s to %s by %s", o.id(), from, stage, caller.userId());
        return o;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Activity> list(UUID id, Scope caller, PageParams page) {
        access.visible(id, caller);
        return activities.ofOpportunity(id).page(Page.of(page.number(), page.size())).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(UUID id, Scope caller) {
        access.visible(id, caller);
        return activities.ofOpportunity(id).count();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Activity one(UUID id, UUID activityId, Scope caller) {
        access.visible(id, caller);
        return activities.findByIdOptional(activityId).filter(a -> a.opportunityId().equals(id))
                .orElseThrow(() -> ApiProblem.notFound("activity", activityId));
    }
}
