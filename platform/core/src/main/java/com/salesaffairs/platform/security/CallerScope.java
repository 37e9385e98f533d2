package com.salesaffairs.platform.security;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The caller's {@link Scope}, read once per request from the verified access token. */
@RequestScoped
public class CallerScope {
    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public CallerScope(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    /** The caller of the current request. */
    public Scope get() {
        if (identity.isAnonymous()) {
            return new Scope(null, null, null, null, Set.of());
        }
        return new Scope(token.getSubject(), token.getClaim("preferred_username"), claim("team"), claim("region"),
                identity.getRoles());
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
