package com.salesaffairs.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.problem.ApiProblem;

class DelegationRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static Delegation managerCover() {
        return Delegation.grant("mike-id", "mike", "sales-manager", "east-1", "bob", NOW, NOW.plusSeconds(3600), "leave", NOW);
    }

    @Test
    void a_manager_delegation_covers_only_the_managers_team_and_role_inside_its_window() {
        Delegation d = managerCover();
        assertTrue(d.covers("sales-manager", "east-1", NOW));
        assertTrue(d.covers("sales-manager", "east-1", NOW.plusSeconds(3599)));
        assertFalse(d.covers("sales-manager", "east-1", NOW.plusSeconds(3600)));
        assertFalse(d.covers("sales-manager", "east-1", NOW.minusSeconds(1)));
        assertFalse(d.covers("sales-manager", "west-1", NOW));
        assertFalse(d.covers("sales-director", "east-1", NOW));
    }

    @Test
    void a_director_delegation_covers_every_team() {
        Delegation d = Delegation.grant("diana-id", "diana", "sales-director", null, "mike", NOW, NOW.plusSeconds(60), "x", NOW);
        assertTrue(d.covers("sales-director", "west-1", NOW));
    }

    @Test
    void revocation_ends_it_at_once_and_only_once() {
        Delegation d = managerCover();
        d.revoke("mike", NOW.plusSeconds(10));
        assertFalse(d.covers("sales-manager", "east-1", NOW.plusSeconds(11)));
        ApiProblem again = assertThrows(ApiProblem.class, () -> d.revoke("mike", NOW.plusSeconds(20)));
        assertEquals(409, again.status());
    }

    @Test
    void a_window_must_be_real_future_and_at_most_ninety_days() {
        assertEquals(400, assertThrows(ApiProblem.class, () -> Delegation.grant("m", "mike", "sales-manager", "east-1",
                "bob", NOW, NOW, "x", NOW)).status());
        assertEquals(400, assertThrows(ApiProblem.class, () -> Delegation.grant("m", "mike", "sales-manager", "east-1",
                "bob", NOW.minusSeconds(7200), NOW.minusSeconds(3600), "x", NOW)).status());
        assertEquals(422, assertThrows(ApiProblem.class, () -> Delegation.grant("m", "mike", "sales-manager", "east-1",
                "bob", NOW, NOW.plusSeconds(91L * 86400), "x", NOW)).status());
        assertEquals(400, assertThrows(ApiProblem.class, () -> Delegation.grant("m", "mike", "sales-manager", "east-1",
                "mike", NOW, NOW.plusSeconds(60), "x", NOW)).status());
    }
}
