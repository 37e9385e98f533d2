package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.Scope;

/** Every read is scoped: a rep their own facts, a manager their team's, the roles that see all any team. */
class TeamReachTest {
    private static Scope caller(String id, String team, String... roles) {
        return new Scope(id, id, team, null, Set.of(roles));
    }

    @Test
    void a_rep_reaches_their_own_facts_by_owner_whatever_team_they_carry() {
        TeamReach reach = TeamReach.of(caller("alice", "east-1", "sales-rep"));
        assertEquals(new TeamReach(false, "east-1", "alice"), reach);
        assertTrue(reach.ownOnly());
        assertFalse(reach.none());
        assertEquals(" AND f.owner_id = :reachOwner", reach.sql("f.team", "f.owner_id"));
        assertEquals(reach, TeamReach.of(caller("alice", "east-1", "sales-rep"), "east-1"));
        assertEquals(reach, TeamReach.of(caller("alice", "east-1", "sales-rep"), "  "));
    }

    @Test
    void a_rep_or_manager_naming_another_team_is_403() {
        for (Scope scope : new Scope[] { caller("alice", "east-1", "sales-rep"), caller("mike", "east-1", "sales-manager"),
                caller("nobody", null, "sales-manager") }) {
            ApiProblem refused = assertThrows(ApiProblem.class, () -> TeamReach.of(scope, "west-1"));
            assertEquals(403, refused.status());
            assertEquals("team", refused.toProblem("/x").violations().get(0).field());
        }
    }

    @Test
    void a_manager_reaches_their_team_and_one_without_a_team_nothing() {
        TeamReach mike = TeamReach.of(caller("mike", "east-1", "sales-manager"), "east-1");
        assertEquals(new TeamReach(false, "east-1", null), mike);
        assertEquals(" AND f.team = :reachTeam", mike.sql("f.team", "f.owner_id"));
        assertTrue(TeamReach.of(caller("nobody", null, "sales-manager")).none());
        // A manager who is also a rep reads the team, not only their own deals.
        assertEquals(mike, TeamReach.of(caller("mike", "east-1", "sales-manager", "sales-rep")));
    }

    @Test
    void the_roles_that_see_all_reach_every_team_or_the_one_they_name() {
        for (String role : new String[] { "sales-director", "executive", "admin", "data-steward" }) {
            assertEquals(TeamReach.ALL, TeamReach.of(caller("d", null, role)));
            assertEquals("", TeamReach.ALL.sql("f.team", "f.owner_id"));
            assertEquals(new TeamReach(false, "west-1", null), TeamReach.of(caller("d", null, role), " west-1 "));
        }
    }

    @Test
    void functional_roles_reach_nothing() {
        assertTrue(TeamReach.of(caller("fiona", null, "finance")).none());
        assertTrue(TeamReach.of(caller("fiona", null, "finance"), "east-1").none());
    }
}
