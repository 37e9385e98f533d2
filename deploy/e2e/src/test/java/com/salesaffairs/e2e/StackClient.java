package com.salesaffairs.e2e;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The running stack as a user sees it: Keycloak tokens by the password grant of {@code sales-cli},
 * the five services' base URLs and the Kafka bootstrap address. Defaults are the ports of
 * {@code deploy/local}; each can be pointed elsewhere with a system property ({@code e2e.keycloak.url},
 * {@code e2e.kafka.bootstrap}, {@code e2e.<service>.url}).
 */
public final class StackClient {
    public static final String PASSWORD = "sales123";
    /** The demo users' fixed ids (identity-config/README.md): the token's {@code sub}. */
    public static final String ALICE_ID = "00000000-0000-4000-8000-0000000000a1";
    public static final String REALM = "sales";
    public static final String CLI_CLIENT = "sales-cli";

    private static final Duration POLL_EVERY = Duration.ofMillis(250);
    /** A token is fetched again when less than this is left of its life (15 minutes in the realm). */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(60);

    /** Money compared as BigDecimal, never as double. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A request that hangs (e.g. a Kafka send on the request path while the broker is down) fails the test. */
    private static final RestAssuredConfig HTTP = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 5_000)
                    .setParam("http.socket.timeout", 30_000));

    /** The five services and their ports in deploy/local (docs/architecture.md). */
    public enum Service {
        OPPORTUNITY("opportunity-service", 8081),
        ORDER("order-service", 8082),
        AFTERSALES("aftersales-service", 8083),
        PERFORMANCE("performance-service", 8084),
        REPORTING("reporting-service", 8085);

        public final String serviceName;
        public final int port;

        Service(String serviceName, int port) {
            this.serviceName = serviceName;
            this.port = port;
        }

        public String baseUrl() {
            return System.getProperty("e2e." + serviceName + ".url", "http://127.0.0.1:" + port);
        }

        public String url(String path) {
            return baseUrl() + path;
        }
    }

    private record CachedToken(String accessToken, Instant expiresAt) {
    }

    private final String keycloakUrl;
    private final String kafkaBootstrap;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    public StackClient(String keycloakUrl, String kafkaBootstrap) {
        this.keycloakUrl = keycloakUrl;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    /** The stack of deploy/local (or what the system properties name). */
    public static StackClient local() {
        return new StackClient(System.getProperty("e2e.keycloak.url", "http://localhost:8180"),
                System.getProperty("e2e.kafka.bootstrap", "127.0.0.1:9092"));
    }

    public String keycloakUrl() {
        return keycloakUrl;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String tokenEndpoint(String realm) {
        return keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    /** A {@code sales} realm access token of a demo user, cached until shortly before it expires. */
    public String token(String username) {
        CachedToken cached = tokens.get(username);
        if (cached != null && Instant.now().plus(TOKEN_MARGIN).isBefore(cached.expiresAt())) {
            return cached.accessToken();
        }
        CachedToken fresh = passwordGrant(REALM, CLI_CLIENT, username, PASSWORD);
        tokens.put(username, fresh);
        return fresh.accessToken();
    }

    /** An access token of any realm and client by the password grant, never cached. */
    public String token(String realm, String clientId, String username, String password) {
        return passwordGrant(realm, clientId, username, password).accessToken();
    }

    private CachedToken passwordGrant(String realm, String clientId, String username, String password) {
        Response response = given().config(HTTP)
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("username", username)
                .formParam("password", password)
                .post(tokenEndpoint(realm));
        JsonNode body = expectStatus(response, 200, "password grant for " + username + " in realm " + realm);
        String accessToken = body.path("access_token").asText(null);
        if (accessToken == null) {
            throw new AssertionError("token response without access_token: " + response.asString());
        }
        return new CachedToken(accessToken, Instant.now().plusSeconds(body.path("expires_in").asLong(60)));
    }

    /** A request with the user's bearer token, sending and accepting JSON. */
    public RequestSpecification as(String username) {
        return anonymous().auth().oauth2(token(username));
    }

    /** A request without a token. */
    public RequestSpecification anonymous() {
        return given().config(HTTP).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** The body as JSON (money as BigDecimal) if the status is the expected one, else a failure showing the body. */
    public static JsonNode expectStatus(Response response, int status, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + ": expected HTTP " + status + " but got " + response.statusCode()
                    + " with body " + response.asString());
        }
        return json(response);
    }

    public static JsonNode json(Response response) {
        String body = response.asString();
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON (HTTP " + response.statusCode() + "): " + body, e);
        }
    }

    /** A money field as BigDecimal; fails if it is missing or not a JSON number. */
    public static BigDecimal money(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new AssertionError("'" + field + "' is not a JSON number in " + node);
        }
        return value.decimalValue();
    }

    /** The claims of a JWT, decoded without checking anything. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new AssertionError("not a compact JWS: " + parts.length + " parts");
        }
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("JWT payload is not JSON", e);
        }
    }

    /**
     * Polls {@code check} every 250 ms until it returns without an assertion failure (or runtime
     * exception, e.g. a refused connection) and returns its value; at the deadline the last
     * failure is thrown.
     */
    public static <T> T eventually(Duration timeout, Supplier<T> check) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                return check.get();
            } catch (AssertionError | RuntimeException failure) {
                if (!Instant.now().plus(POLL_EVERY).isBefore(deadline)) {
                    throw failure;
                }
            }
            pause(POLL_EVERY);
        }
    }

    /**
     * Sends {@code call} again (every 250 ms) while it answers 422 with the given {@code rule}, e.g.
     * while a replica built from events has not arrived yet; returns the first other answer, or the
     * last 422 at the deadline. The caller sends the same {@code Idempotency-Key} on each try.
     */
    public static Response retryWhileRule(Duration timeout, String rule, Supplier<Response> call) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Response response = call.get();
            if (response.statusCode() != 422 || !rule.equals(json(response).path("rule").asText(null))
                    || !Instant.now().plus(POLL_EVERY).isBefore(deadline)) {
                return response;
            }
            pause(POLL_EVERY);
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
