package com.salesaffairs.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.platform.config.SalesConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer-token authentication that verifies each distinct access token once: the first request
 * with a token goes through OIDC (signature, issuer, audience, expiry, roles), later requests with
 * the very same token reuse that identity until the token expires. Clients send one token for
 * minutes, so this takes the RSA check and the claim parsing off nearly every request. Runs just
 * before the OIDC mechanism; a request without a bearer token, or with one not seen before, is
 * OIDC's alone, so every refusal (forged, expired, wrong issuer or audience) is still OIDC's.
 */
@ApplicationScoped
public class CachedBearerAuthentication implements HttpAuthenticationMechanism {
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final OidcAuthenticationMechanism oidc;
    private final boolean enabled;
    private final VerifiedTokens verified;
    private final Counter hits;
    private final Counter misses;

    public CachedBearerAuthentication(OidcAuthenticationMechanism oidc, SalesConfig config, MeterRegistry meters) {
        this.oidc = oidc;
        SalesConfig.TokenCache settings = config.tokenCache();
        this.enabled = settings.enabled();
        this.verified = new VerifiedTokens(Clock.systemUTC(), settings.maxEntries(), settings.maxAge());
        this.hits = Counter.builder("sales.token.cache").tag("result", "hit")
                .description("requests whose bearer token had been verified before").register(meters);
        this.misses = Counter.builder("sales.token.cache").tag("result", "miss")
                .description("requests whose bearer token OIDC verified").register(meters);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = enabled ? bearerToken(context) : null;
        if (token == null) {
            return Uni.createFrom().nullItem(); // the OIDC mechanism, next in line, decides alone
        }
        Optional<SecurityIdentity> known = verified.find(token);
        if (known.isPresent()) {
            hits.increment();
            return Uni.createFrom().item(forRequest(known.get(), context));
        }
        misses.increment();
        return oidc.authenticate(context, identityProviderManager).invoke(identity -> remember(token, identity));
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return;
        }
        Object exp = identity.getAttribute(OidcUtils.QUARKUS_IDENTITY_EXPIRE_TIME);
        if (exp instanceof Number seconds) {
            // The cached copy holds no request of its own; each reuse gets the current one.
            verified.remember(token, QuarkusSecurityIdentity.builder(identity).addAttribute(ROUTING_CONTEXT, null)
                    .addAttribute(REQUEST_CONTEXT, null).build(), Instant.ofEpochSecond(seconds.longValue()));
        }
    }

    /** The cached identity bound to this request, as OIDC binds the identities it builds. */
    private static SecurityIdentity forRequest(SecurityIdentity identity, RoutingContext context) {
        return QuarkusSecurityIdentity.builder(identity).addAttribute(ROUTING_CONTEXT, context)
                .addAttribute(REQUEST_CONTEXT, context.get(REQUEST_CONTEXT)).build();
    }

    /**
     * The token exactly as OIDC reads it from the same header (after "Bearer " up to the end), so
     * the identity is remembered under the very string that was verified. A compact JWT has no
     * whitespace; anything else is left to OIDC alone.
     */
    private static String bearerToken(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        int space = header == null ? -1 : header.indexOf(' ');
        if (space <= 0 || !"Bearer".equalsIgnoreCase(header.substring(0, space))) {
            return null;
        }
        String token = header.substring(space + 1);
        if (token.isEmpty()) {
            return null;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) <= ' ') { // whitespace or a control character: not a compact JWT
                return null;
            }
        }
        return token;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }
}
