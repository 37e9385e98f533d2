package com.salesaffairs.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The identities built from bearer tokens whose signature, issuer, audience and lifetime were
 * verified, by the exact token string, until the token expires (and no longer than a maximum age,
 * so a signing key taken out of the realm stops being honoured soon). A token that differs in one
 * character, a forged signature included, is a different key and is verified afresh.
 */
final class VerifiedTokens {
    private record Entry(SecurityIdentity identity, Instant until) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxEntries;
    private final Duration maxAge;

    VerifiedTokens(Clock clock, int maxEntries, Duration maxAge) {
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
    }

    /** The identity verified for this token, while the token is still valid. */
    Optional<SecurityIdentity> find(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }

    /**
     * Remembers a verified identity until {@code expiresAt} (the token's {@code exp}) or the maximum
     * age, whichever is sooner. When full, expired entries are dropped first; if none has expired
     * the identity is not remembered, so the cache never grows past its bound.
     */
    void remember(String token, SecurityIdentity identity, Instant expiresAt) {
        Instant now = clock.instant();
        Instant until = expiresAt.isBefore(now.plus(maxAge)) ? expiresAt : now.plus(maxAge);
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= maxEntries) {
                return;
            }
        }
        entries.put(token, new Entry(identity, until));
    }

    int size() {
        return entries.size();
    }
}
