package com.salesaffairs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.e2e.StackClient.Service;

import io.restassured.response.Response;

/**
 * The real Keycloak with the realm from identity-config, and a service that trusts only its
 * {@code sales} realm: signature, issuer and audience are all checked (docs/security.md).
 */
class KeycloakTokenIT {
    private static final String CUSTOMERS = Service.OPPORTUNITY.url("/api/v1/customers");

    private final StackClient stack = StackClient.local();

    @Test
    void alice_token_carries_her_id_team_region_audience_and_role() {
        JsonNode claims = StackClient.claims(stack.token("alice"));

        assertEquals(StackClient.ALICE_ID, claims.path("sub").asText(), "sub is alice's fixed id: " + claims);
        assertEquals("alice", claims.path("preferred_username").asText());
        assertEquals(stack.keycloakUrl() + "/realms/sales", claims.path("iss").asText());
        assertEquals("east-1", claims.path("team").asText(), "team from group /sales/east/east-1: " + claims);
        assertEquals("east", claims.path("region").asText(), "region from group /sales/east/east-1: " + claims);
        assertTrue(audiences(claims).contains("sales-api"), "aud contains sales-api: " + claims.path("aud"));
        assertTrue(texts(claims.path("realm_access").path("roles")).contains("sales-rep"),
                "realm role sales-rep: " + claims.path("realm_access"));
    }

    @Test
    void alice_token_opens_the_customer_list() {
        Response response = stack.as("alice").get(CUSTOMERS);

        assertEquals(200, response.statusCode(), response.asString());
        assertTrue(StackClient.json(response).path("items").isArray(), "a page of customers: " + response.asString());
    }

    @Test
    void customer_list_without_token_is_401() {
        assertEquals(401, stack.anonymous().get(CUSTOMERS).statusCode());
    }

    @Test
    void token_with_alice_claims_but_a_signature_of_nobody_is_401() {
        String[] real = stack.token("alice").split("\\.");
        byte[] bogus = new byte[256];
        new SecureRandom().nextBytes(bogus);
        String forged = real[0] + "." + real[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(bogus);
        assertNotEquals(stack.token("alice"), forged);

        Response response = stack.anonymous().auth().oauth2(forged).get(CUSTOMERS);

        assertEquals(401, response.statusCode(), "header and claims are alice's, only the signature is forged");
    }

    @Test
    void token_of_master_realm_admin_is_401() {
        String masterAdmin = stack.token("master", "admin-cli", "admin", "admin");
        JsonNode claims = StackClient.claims(masterAdmin);
        assertEquals(stack.keycloakUrl() + "/realms/master", claims.path("iss").asText(),
                "a genuine Keycloak token of another realm: " + claims);

        Response response = stack.anonymous().auth().oauth2(masterAdmin).get(CUSTOMERS);

        assertEquals(401, response.statusCode(), "other issuer and audience than the sales realm's sales-api");
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isTextual() ? List.of(aud.asText()) : texts(aud);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
