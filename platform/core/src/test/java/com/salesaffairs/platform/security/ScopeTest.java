package com.salesaffairs.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ScopeTest {
    private static final Scope ALICE = new Scope("alice-id", "alice", "east-1", "east", Set.of(Roles.SALES_REP));
    private static final Scope MIKE = new Scope("mike-id", "mike", "east-1", "east", Set.of(Roles.SALES_MANAGER));
    private static final Scope WENDY = new Scope("wendy-id", "wendy", "west-1", "west", Set.of(Roles.SALES_MANAGER));
    private static final Scope DIANA = new Scope("diana-id", "diana", null, null, Set.of(Roles.SALES_DIRECTOR));
    private static final Scope FIONA = new Scope("fiona-id", "fiona", null, null, Set.of(Roles.FINANCE));

    @Test
    void a_rep_sees_only_their_own_records() {
        assertTrue(ALICE.sees("alice-id", "east-1"));
        assertFalse(ALICE.sees("bob-id", "east-1"));
        assertEquals("alice-id", ALICE.ownerFilter());
        assertEquals("east-1", ALICE.teamFilter());
    }

    @Test
    void a_manager_sees_their_team_and_not_another() {
        assertTrue(MIKE.sees("alice-id", "east-1"));
        assertFalse(MIKE.sees("cindy-id", "west-1"));
        assertFalse(WENDY.sees("alice-id", "east-1"));
        assertNull(MIKE.ownerFilter());
        assertEquals("east-1", MIKE.teamFilter());
        assertTrue(MIKE.managesTeam("east-1"));
        assertFalse(ALICE.managesTeam("east-1"));
    }

    @Test
    void director_executive_and_admin_see_everything() {
        assertTrue(DIANA.sees("cindy-id", "west-1"));
        assertTrue(new Scope("e", "erin", null, null, Set.of(Roles.EXECUTIVE)).seesAll());
        assertTrue(new Scope("a", "admin", null, null, Set.of(Roles.ADMIN)).seesAll());
        assertNull(DIANA.teamFilter());
        assertNull(DIANA.ownerFilter());
    }

    @Test
    void a_functional_role_sees_a_queue_only_where_the_service_grants_it() {
        assertFalse(FIONA.sees("alice-id", "east-1"));
        assertTrue(FIONA.seesAllAs(Roles.FINANCE, Roles.WAREHOUSE));
        assertFalse(FIONA.seesAllAs(Roles.WAREHOUSE));
    }

    @Test
    void a_manager_without_a_team_claim_manages_no_team() {
        Scope orphan = new Scope("m", "m", null, null, Set.of(Roles.SALES_MANAGER));
        assertFalse(orphan.managesTeam(null));
        assertFalse(orphan.sees("x", null));
        assertEquals(Scope.NO_TEAM, orphan.teamFilter());
    }
}
