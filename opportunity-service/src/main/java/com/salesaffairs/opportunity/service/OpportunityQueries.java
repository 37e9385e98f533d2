package com.salesaffairs.opportunity.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.salesaffairs.opportunity.domain.FollowUpPolicy;
import com.salesaffairs.opportunity.domain.Opportunity;
import com.salesaffairs.opportunity.domain.OpportunitySource;
import com.salesaffairs.opportunity.domain.OpportunityStage;
import com.salesaffairs.opportunity.domain.Pipeline;
import com.salesaffairs.opportunity.repository.OpportunityRepository;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Scope;

import io.quarkus.panache.common.Page;

/** Reading opportunities in the caller's scope: lists, the overdue list, the weighted pipeline. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OpportunityQueries {
    private final OpportunityRepository opportunities;
    private final OpportunityAccess access;
    private final Clock clock;

    public OpportunityQueries(OpportunityRepository opportunities, OpportunityAccess access, Clock clock) {
        this.opportunities = opportunities;
        this.access = access;
        this.clock = clock;
    }

    public record ListFilter(OpportunityStage stage, String assigneeId, boolean unassigned, UUID customerId,
            OpportunitySource source, boolean overdue) {
    }

    /** A page of opportunities, judged against one reading of the policy and the clock. */
    public record Listing(List<Opportunity> items, long total, FollowUpPolicy policy, Instant now) {
    }

    public Opportunity visible(UUID id, Scope caller) {
        return access.visible(id, caller);
    }

    public Listing list(Scope caller, ListFilter filter, PageParams page) {
        FollowUpPolicy policy = access.followUpPolicy();
        Instant now = clock.instant();
        OpportunityRepository.Filter f = new OpportunityRepository.Filter(filter.stage(), filter.assigneeId(),
                filter.unassigned(), filter.customerId(), filter.source(), filter.overdue() ? now : null,
                filter.overdue() ? policy.silentSince(now) : null, null);
        var query = opportunities.visible(OpportunityAccess.reach(caller), f);
        return new Listing(query.page(Page.of(page.number(), page.size())).list(), query.count(), policy, now);
    }

    public List<Pipeline.InCurrency> pipeline(Scope caller, String assigneeId, String team) {
        OpportunityRepository.Filter f = new OpportunityRepository.Filter(null, assigneeId, false, null, null, null,
                null, team);
        return Pipeline.of(opportunities.pipeline(OpportunityAccess.reach(caller), f));
    }

    public FollowUpPolicy policy() {
        return access.followUpPolicy();
    }

    public Instant now() {
        return clock.instant();
    }
}
