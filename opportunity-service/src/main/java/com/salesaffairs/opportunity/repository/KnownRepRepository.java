package com.salesaffairs.opportunity.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.opportunity.domain.KnownRep;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class KnownRepRepository implements PanacheRepositoryBase<KnownRep, String> {

    /** Insert or refresh in one statement, so two first requests of a rep at once do not race on the key. */
    public void upsert(String userId, String username, String team, String region, Instant at) {
        getEntityManager().createNativeQuery("""
                INSERT INTO sales_rep (user_id, username, team, region, last_seen_at) VALUES (:id, :name, :team, :region, :at)
                ON CONFLICT (user_id) DO UPDATE SET username = EXCLUDED.username, team = EXCLUDED.team,
                    region = EXCLUDED.region, last_seen_at = EXCLUDED.last_seen_at""")
                .setParameter("id", userId).setParameter("name", username).setParameter("team", team)
                .setParameter("region", region).setParameter("at", at).executeUpdate();
    }

    public void forget(String userId) {
        getEntityManager().createNativeQuery("DELETE FROM sales_rep WHERE user_id = :id").setParameter("id", userId)
                .executeUpdate();
    }

    /** The team's known reps, by username then id. */
    public List<KnownRep> ofTeam(String team) {
        return list("team", Sort.by("username").and("userId"), team);
    }

    public Optional<KnownRep> inTeam(String userId, String team) {
        return findByIdOptional(userId).filter(r -> r.team().equals(team));
    }
}
