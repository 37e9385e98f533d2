package com.salesaffairs.opportunity.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.opportunity.domain.KnownRep;
import com.salesaffairs.opportunity.repository.KnownRepRepository;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The reps who may be assigned in each team, learnt from the tokens of reps who call this service
 * (it has no user directory). A rep becomes known at their first request and moves team at their
 * first request after the move; a user who no longer holds sales-rep is forgotten at theirs.
 */
@ApplicationScoped
public class RepDirectory {
    private static final String NOT_A_REP = "~not a rep~";

    private final KnownRepRepository reps;
    private final Clock clock;
    /** What this instance last wrote per user: a request that changes nothing costs no statement. */
    private final Map<String, String> lastWritten = new ConcurrentHashMap<>();

    public RepDirectory(KnownRepRepository reps, Clock clock) {
        this.reps = reps;
        this.clock = clock;
    }

    /**
     * Notes the caller. Its own transaction, committed before the request's work: a request that
     * then fails still makes the rep known, and the memo is written only after the commit.
     */
    public void noticed(Scope caller) {
        if (caller.userId() == null) {
            return;
        }
        boolean rep = caller.hasRole(Roles.SALES_REP) && caller.team() != null;
        String seenAs = rep ? caller.team() + '\n' + caller.region() + '\n' + caller.username() : NOT_A_REP;
        if (seenAs.equals(lastWritten.get(caller.userId()))) {
            return;
        }
        if (rep) {
            QuarkusTransaction.requiringNew().run(() -> reps.upsert(caller.userId(), caller.username(), caller.team(),
                    caller.region(), clock.instant()));
        } else if (caller.hasRole(Roles.SALES_MANAGER)) {
            // A rep promoted to manager stops being assignable; other roles were never reps here.
            QuarkusTransaction.requiringNew().run(() -> reps.forget(caller.userId()));
        }
        lastWritten.put(caller.userId(), seenAs);
    }

    /** The reps known in a team: who may be suggested and assigned. */
    public List<KnownRep> team(String team) {
        return reps.ofTeam(team);
    }

    public Optional<KnownRep> repInTeam(String userId, String team) {
        return reps.inTeam(userId, team);
    }
}
