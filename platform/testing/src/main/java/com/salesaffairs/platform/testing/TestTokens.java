package com.salesaffairs.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signed access tokens shaped like the realm's (sub, preferred_username, realm_access.roles,
 * groups, team, region, aud sales-api), for service tests without Keycloak. The services under
 * test verify them with the test public key, issuer and audience, exactly as they verify
 * Keycloak's tokens in the running stack.
 */
public final class TestTokens {
    public static final String ISSUER = "https://keycloak.test/realms/sales";
    public static final String AUDIENCE = "sales-api";

    private TestTokens() {
    }

    public static Builder user(String username, String userId) {
        return new Builder(username, userId);
    }

    /** The public key in the form {@code quarkus.oidc.public-key} takes. */
    public static String publicKey() {
        return pemBody(read("test-keys/signing-key.pub.pem"));
    }

    public static final class Builder {
        private final String username;
        private final String userId;
        private final List<String> roles = new ArrayList<>();
        private String team;
        private String region;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private String keyFile = "test-keys/signing-key.pem";
        private long expiresIn = 900;

        private Builder(String username, String userId) {
            this.username = username;
            this.userId = userId;
        }

        public Builder roles(String... more) {
            roles.addAll(List.of(more));
            return this;
        }

        public Builder team(String team, String region) {
            this.team = team;
            this.region = region;
            return this;
        }

        public Builder issuer(String otherIssuer) {
            this.issuer = otherIssuer;
            return this;
        }

        public Builder audience(String otherAudience) {
            this.audience = otherAudience;
            return this;
        }

        /** Signed with a key the services do not trust. */
        public Builder forged() {
            this.keyFile = "test-keys/forger-key.pem";
            return this;
        }

        public Builder expired() {
            this.expiresIn = -600;
            return this;
        }

        /** Valid now, expiring after the given number of seconds. */
        public Builder expiresInSeconds(long seconds) {
            this.expiresIn = seconds;
            return this;
        }

        public String sign() {
            long now = System.currentTimeMillis() / 1000;
            JwtClaimsBuilder claims = Jwt.issuer(issuer)
                    .subject(userId)
                    .audience(audience)
                    .claim("preferred_username", username)
                    .claim("realm_access", java.util.Map.of("roles", roles))
                    .issuedAt(now - 5)
                    .expiresAt(now + expiresIn);
            if (team != null) {
                claims.claim("team", team).claim("region", region)
                        .groups(Set.of("/sales/" + region + "/" + team));
            }
            return claims.jws().keyId("test").sign(privateKey(keyFile));
        }
    }

    private static PrivateKey privateKey(String resource) {
        try {
            byte[] der = Base64.getDecoder().decode(pemBody(read(resource)));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load test key " + resource, e);
        }
    }

    private static String pemBody(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static String read(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
