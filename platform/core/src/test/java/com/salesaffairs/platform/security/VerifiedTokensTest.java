package com.salesaffairs.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class VerifiedTokensTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final TestClock clock = new TestClock();
    private final VerifiedTokens tokens = new VerifiedTokens(clock, 3, Duration.ofMinutes(5));

    private static SecurityIdentity identity(String name) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole("sales-rep").build();
    }

    @Test
    void a_token_is_recognised_until_the_second_it_expires_and_then_forgotten() {
        SecurityIdentity alice = identity("alice");
        tokens.remember("token-a", alice, T0.plusSeconds(60));

        clock.advance(Duration.ofSeconds(59));
        assertSame(alice, tokens.find("token-a").orElseThrow());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(tokens.find("token-a").isEmpty());
        assertEquals(0, tokens.size());
    }

    @Test
    void only_the_exact_token_matches() {
        tokens.remember("header.payload.signature", identity("alice"), T0.plusSeconds(60));

        assertTrue(tokens.find("header.payload.signaturf").isEmpty());
        assertTrue(tokens.find("header.payload.").isEmpty());
        assertTrue(tokens.find("header.payload.signature").isPresent());
    }

    @Test
    void a_long_lived_token_is_verified_again_after_the_maximum_age() {
        tokens.remember("token-a", identity("alice"), T0.plus(Duration.ofHours(10)));

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertTrue(tokens.find("token-a").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(tokens.find("token-a").isEmpty());
    }

    @Test
    void an_already_expired_token_is_not_remembered() {
        tokens.remember("token-a", identity("alice"), T0);
        tokens.remember("token-b", identity("bob"), T0.minusSeconds(1));

        assertEquals(0, tokens.size());
    }

    @Test
    void when_full_expired_tokens_make_room_and_live_ones_are_never_pushed_out() {
        tokens.remember("short-1", identity("a"), T0.plusSeconds(10));
        tokens.remember("short-2", identity("b"), T0.plusSeconds(10));
        tokens.remember("long", identity("c"), T0.plusSeconds(200));
        tokens.remember("refused", identity("d"), T0.plusSeconds(200));
        assertEquals(3, tokens.size());
        assertTrue(tokens.find("refused").isEmpty());

        clock.advance(Duration.ofSeconds(10));
        tokens.remember("admitted", identity("e"), T0.plusSeconds(200));
        assertEquals(2, tokens.size());
        assertTrue(tokens.find("admitted").isPresent());
        assertTrue(tokens.find("long").isPresent());
    }
}
