package com.salesaffairs.opportunity.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.salesaffairs.opportunity.domain.AssignmentPolicy;
import com.salesaffairs.opportunity.domain.AssignmentSuggestions;
import com.salesaffairs.opportunity.domain.AssignmentSuggestions.Candidate;
import com.salesaffairs.opportunity.domain.AssignmentSuggestions.Ranking;
import com.salesaffairs.opportunity.domain.KnownRep;
import com.salesaffairs.opportunity.domain.Opportunity;
import com.salesaffairs.opportunity.domain.OpportunityRules;
import com.salesaffairs.opportunity.repository.OpportunityRepository;
import com.salesaffairs.opportunity.repository.RepKpiRepository;
import com.salesaffairs.platform.policy.PolicyStore;
import com.salesaffairs.platform.policy.PolicyVersion;
import com.salesaffairs.platform.security.Scope;

/**
 * Who should get an opportunity (policy 3.1: by results and ability, fairly): gathers each known rep
 * of its team's facts (KPI sales in the window, own closes, open load, products won) and ranks them
 * under the {@code opportunity.assignment} version in force.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AssignmentAdvice {
    private final OpportunityAccess access;
    private final RepDirectory reps;
    private final OpportunityRepository opportunities;
    private final RepKpiRepository kpis;
    private final PolicyStore policies;
    private final Clock clock;

    public AssignmentAdvice(OpportunityAccess access, RepDirectory reps, OpportunityRepository opportunities,
            RepKpiRepository kpis, PolicyStore policies, Clock clock) {
        this.access = access;
        this.reps = reps;
        this.opportunities = opportunities;
        this.kpis = kpis;
        this.policies = policies;
        this.clock = clock;
    }

    /** A ranking with the window it judged results over (months, both included, and its first instant). */
    public record Advice(Opportunity opportunity, Ranking ranking, YearMonth windowFrom, YearMonth windowTo,
            Instant windowStart, Instant computedAt) {
    }

    /** For the team's manager, a director or an admin; closed opportunities are not assigned, so not advised (409). */
    public Advice forOpportunity(UUID id, Scope caller) {
        Opportunity o = access.visible(id, caller);
        OpportunityAccess.requireSupervisor(o, caller, "see assignment suggestions for");
        if (!o.isOpen()) {
            throw OpportunityRules.illegalTransition(o, "assigned");
        }
        return advise(o);
    }

    public AssignmentPolicy policy() {
        PolicyVersion v = policies.require(AssignmentPolicy.KEY);
        return AssignmentPolicy.from(v.version, policies.read(v.content));
    }

    /** The team's known reps ranked for the opportunity; its current assignee is not a candidate. */
    public Advice advise(Opportunity o) {
        AssignmentPolicy policy = policy();
        Instant now = clock.instant();
        YearMonth from = policy.windowStart(now);
        YearMonth to = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Instant since = from.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<KnownRep> team = reps.team(o.team()).stream().filter(r -> !r.userId().equals(o.assigneeId())).toList();
        List<String> ids = team.stream().map(KnownRep::userId).toList();
        Map<String, Long> loads = opportunities.openLoads(ids);
        Map<String, long[]> closes = opportunities.closesSince(ids, null, since);
        long teamWins = 0;
        long teamLosses = 0;
        for (long[] wonLost : opportunities.closesSince(null, o.team(), since).values()) {
            teamWins += wonLost[0];
            teamLosses += wonLost[1];
        }
        Map<String, Set<String>> products = opportunities.productsWon(ids);
        Map<String, BigDecimal> sales = kpis.salesBetween(ids, from, to);
        List<Candidate> candidates = new ArrayList<>();
        for (KnownRep rep : team) {
            long[] wonLost = closes.getOrDefault(rep.userId(), new long[2]);
            candidates.add(new Candidate(rep.userId(), rep.username(), rep.region(),
                    loads.getOrDefault(rep.userId(), 0L).intValue(), sales.get(rep.userId()), (int) wonLost[0],
                    (int) wonLost[1], products.get(rep.userId())));
        }
        Ranking ranking = AssignmentSuggestions.rank(policy,
                new AssignmentSuggestions.Opening(o.region(), o.productsOfInterest()), candidates, (int) teamWins,
                (int) teamLosses);
        return new Advice(o, ranking, from, to, since, now);
    }
}
