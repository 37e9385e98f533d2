package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.security.Scope;

/** Masked contact data leaves enough to tell entries apart and nothing to call or mail. */
class ContactMaskingTest {
    private static final ExportPolicy POLICY = new ExportPolicy(2, Set.of("contactName"),
            Set.of("registrationId", "email", "phone", "contactName", "contactPhone", "contactEmail"),
            Set.of("sales-rep", "sales-manager"), "data-steward", "sales-director", 72, 3);

    @Test
    void names_keep_the_first_letter_of_each_part_only() {
        assertEquals("L*** W***", ContactMasking.name("Li Wei"));
        assertEquals("王***", ContactMasking.name("王伟"));
        assertNull(ContactMasking.name(null));
    }

    @Test
    void phones_keep_the_last_four_digits_and_short_numbers_nothing() {
        assertEquals("***8000", ContactMasking.phone("+86 138 0013 8000"));
        assertEquals("***", ContactMasking.phone("110"));
    }

    @Test
    void emails_keep_the_first_letter_and_the_domain() {
        assertEquals("l***@acme.example", ContactMasking.email("li.wei@acme.example"));
        assertEquals("***", ContactMasking.email("not-an-address"));
    }

    @Test
    void registration_ids_keep_the_last_four_characters() {
        assertEquals("***CD4E", ContactMasking.registrationId("91330200MA2AB3CD4E"));
        assertEquals("***", ContactMasking.registrationId("123"));
    }

    private static CustomerDirectoryEntry entry(String owner, String team) {
        return new CustomerDirectoryEntry(UUID.randomUUID(), "Ningbo Pumps", "91330200MA2AB3CD4E", "ENTERPRISE", "Machinery",
                "CN", "Ningbo", "info@pumps.example", "+86 574 8765 4321",
                List.of(new CustomerContact("Li Wei", "Purchasing", "+86 138 0013 8000", "li.wei@pumps.example")), owner, team,
                "east", Instant.EPOCH, Instant.EPOCH, false);
    }

    @Test
    void the_owner_and_the_teams_manager_see_contacts_in_clear_everyone_else_masked() {
        Scope alice = new Scope("a1", "alice", "east-1", "east", Set.of("sales-rep"));
        Scope bob = new Scope("a2", "bob", "east-1", "east", Set.of("sales-rep"));
        Scope mike = new Scope("a4", "mike", "east-1", "east", Set.of("sales-manager"));
        Scope wendy = new Scope("a5", "wendy", "west-1", "west", Set.of("sales-manager"));
        Scope diana = new Scope("a6", "diana", null, null, Set.of("sales-director"));
        Scope dora = new Scope("ab", "dora", null, null, Set.of("data-steward"));
        CustomerDirectoryEntry alices = entry("a1", "east-1");

        assertFalse(alices.forCaller(alice, POLICY).masked());
        assertEquals("Li Wei", alices.forCaller(mike, POLICY).contacts().get(0).name());
        for (Scope other : List.of(bob, wendy, diana, dora)) {
            CustomerDirectoryEntry seen = alices.forCaller(other, POLICY);
            assertTrue(seen.masked(), other.username());
            assertEquals("L*** W***", seen.contacts().get(0).name());
            assertEquals("***8000", seen.contacts().get(0).phone());
            assertEquals("l***@pumps.example", seen.contacts().get(0).email());
            assertEquals("Purchasing", seen.contacts().get(0).title());
            assertEquals("***CD4E", seen.registrationId());
            assertEquals("***4321", seen.phone());
            assertEquals("i***@pumps.example", seen.email());
            assertEquals("Ningbo Pumps", seen.name());
        }
    }
}
