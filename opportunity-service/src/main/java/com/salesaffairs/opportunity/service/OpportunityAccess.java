package com.salesaffairs.opportunity.service;

import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.salesaffairs.opportunity.domain.FollowUpPolicy;
import com.salesaffairs.opportunity.domain.Opportunity;
import com.salesaffairs.opportunity.repository.OpportunityRepository;
import com.salesaffairs.platform.policy.PolicyStore;
import com.salesaffairs.platform.policy.PolicyVersion;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

/**
 * Who sees and works an opportunity (docs/security.md): a rep what is assigned to them or what they
 * captured, a manager their team's, director, executive and admin all; everything else is 404.
 * Shared by the command groups, with the policy in force.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OpportunityAccess {
    private final OpportunityRepository opportunities;
    private final PolicyStore policies;

    public OpportunityAccess(OpportunityRepository opportunities, PolicyStore policies) {
        this.opportunities = opportunities;
        this.policies = policies;
    }

    public Opportunity visible(UUID id, Scope caller) {
        Opportunity o = opportunities.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("opportunity", id));
        if (!sees(o, caller)) {
            throw ApiProblem.notFound("opportunity", id);
        }
        return o;
    }

    /** Locks the row, then loads it in scope and checks If-Match: the second of two changes sees the first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Opportunity forChange(UUID id, OptionalLong ifMatch, Scope caller) {
        opportunities.lock(id);
        Opportunity o = visible(id, caller);
        if (ifMatch.isPresent() && ifMatch.getAsLong() != o.version()) {
            throw ApiProblem.preconditionFailed("opportunity " + id + " is at version " + o.version() + ", not "
                    + ifMatch.getAsLong());
        }
        return o;
    }

    /** The assignee works it; the team's manager, a director or an admin may act for them. */
    public static void requireWorker(Opportunity o, Scope caller, String action) {
        boolean assignee = caller.userId() != null && caller.userId().equals(o.assigneeId());
        if (!assignee && !caller.managesTeam(o.team()) && !caller.hasAnyRole(Roles.SALES_DIRECTOR, Roles.ADMIN)) {
            throw ApiProblem.forbidden("only the assignee, the team's manager, a director or an admin may " + action
                    + " this opportunity");
        }
    }

    /** The team's manager, a director or an admin. */
    public static void requireSupervisor(Opportunity o, Scope caller, String action) {
        if (!caller.managesTeam(o.team()) && !caller.hasAnyRole(Roles.SALES_DIRECTOR, Roles.ADMIN)) {
            throw ApiProblem.forbidden("only the team's manager, a director or an admin may " + action
                    + " this opportunity");
        }
    }

    public static boolean sees(Opportunity o, Scope caller) {
        if (caller.seesAll()) {
            return true;
        }
        if (caller.hasRole(Roles.SALES_MANAGER) && caller.team() != null && caller.team().equals(o.team())) {
            return true;
        }
        return caller.userId() != null && (caller.userId().equals(o.assigneeId()) || caller.userId().equals(o.capturedBy()));
    }

    /** The reach of a caller's lists, the same rule as {@link #sees}. */
    public static OpportunityRepository.Reach reach(Scope caller) {
        if (caller.seesAll()) {
            return new OpportunityRepository.Reach(null, null);
        }
        if (caller.hasRole(Roles.SALES_MANAGER) && caller.team() != null) {
            return new OpportunityRepository.Reach(caller.team(), null);
        }
        return new OpportunityRepository.Reach(null, caller.userId());
    }

    /** The follow-up policy in force; its version is stamped on what it decides. */
    public FollowUpPolicy followUpPolicy() {
        PolicyVersion v = policies.require(FollowUpPolicy.KEY);
        return FollowUpPolicy.from(v.version, policies.read(v.content));
    }
}
