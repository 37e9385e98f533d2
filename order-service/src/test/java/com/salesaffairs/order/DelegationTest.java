package com.salesaffairs.order;

import static com.salesaffairs.order.OrderFixtures.aliceCustomer;
import static com.salesaffairs.order.OrderFixtures.draft;
import static com.salesaffairs.order.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class DelegationTest {

    private static String body(String role, String delegate, Instant from, Instant until) {
        return "{\"role\":\"" + role + "\",\"delegateUsername\":\"" + delegate + "\","
                + (from == null ? "" : "\"validFrom\":\"" + from + "\",") + "\"validUntil\":\"" + until
                + "\",\"reason\":\"holiday cover\"}";
    }

    private static String grant(String token, String role, String delegate, Instant from, Instant until) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body(role, delegate, from, until))
                .when().post("/api/v1/delegations").then().statusCode(201).extract().path("id");
    }

    /** An order of alice's with a 15% discount, waiting for the east-1 manager. */
    private static String pendingManagerApproval() {
        String id = draft(TestUsers.alice(), aliceCustomer(), product("100.00", "50.00", 10), 1, "15", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit")
                .then().body("status", equalTo("PENDING_APPROVAL"));
        return id;
    }

    private static int approveAsBob(String orderId) {
        return given().auth().oauth2(TestUsers.bob()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + orderId + "/approvals").then().extract().statusCode();
    }

    @Test
    void a_delegate_approves_on_behalf_of_the_manager_and_both_names_are_on_the_record() {
        String delegation = grant(TestUsers.mike(), "sales-manager", "bob", null, Instant.now().plus(1, ChronoUnit.HOURS));
        try {
            String id = pendingManagerApproval();
            given().auth().oauth2(TestUsers.bob()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                    .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("approvals[0].decidedBy", equalTo("bob"))
                    .body("approvals[0].onBehalfOf", equalTo("mike"));
            given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id + "/history").then()
                    .body("items.find { it.action == 'STEP_APPROVED' }.actor", equalTo("bob"))
                    .body("items.find { it.action == 'STEP_APPROVED' }.onBehalfOf", equalTo("mike"));
            given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/delegations?active=true").then().statusCode(200)
                    .body("items.id", hasItem(delegation));
        } finally {
            given().auth().oauth2(TestUsers.mike()).when().post("/api/v1/delegations/" + delegation + "/revoke");
        }
    }

    @Test
    void a_revoked_delegation_stops_working_at_once() {
        String delegation = grant(TestUsers.mike(), "sales-manager", "bob", null, Instant.now().plus(1, ChronoUnit.HOURS));
        String id = pendingManagerApproval();
        given().auth().oauth2(TestUsers.bob()).when().post("/api/v1/delegations/" + delegation + "/revoke")
                .then().statusCode(403);
        given().auth().oauth2(TestUsers.mike()).when().post("/api/v1/delegations/" + delegation + "/revoke")
                .then().statusCode(200).body("status", equalTo("REVOKED")).body("inForce", equalTo(false));
        // Without authority bob is back to a rep's view: the order is not his to see.
        org.junit.jupiter.api.Assertions.assertEquals(404, approveAsBob(id));
        given().auth().oauth2(TestUsers.mike()).when().post("/api/v1/delegations/" + delegation + "/revoke")
                .then().statusCode(409);
    }

    @Test
    void revoking_a_delegation_honours_if_match_and_answers_the_new_version_as_etag() {
        var granted = given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body(body("sales-manager", "bob", null, Instant.now().plus(1, ChronoUnit.HOURS)))
                .when().post("/api/v1/delegations").then().statusCode(201).extract();
        String id = granted.path("id");
        int version = granted.path("version");
        org.junit.jupiter.api.Assertions.assertEquals("\"" + version + "\"", granted.header("ETag"));
        try {
            given().auth().oauth2(TestUsers.mike()).header("If-Match", "\"" + (version + 1) + "\"")
                    .when().post("/api/v1/delegations/" + id + "/revoke").then().statusCode(412)
                    .contentType("application/problem+json");
            given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/delegations/" + id).then().statusCode(200)
                    .body("status", equalTo("ACTIVE")).body("inForce", equalTo(true)).body("version", equalTo(version))
                    .header("ETag", "\"" + version + "\"");
            given().auth().oauth2(TestUsers.mike()).header("If-Match", "\"" + version + "\"")
                    .when().post("/api/v1/delegations/" + id + "/revoke").then().statusCode(200)
                    .body("status", equalTo("REVOKED")).body("version", equalTo(version + 1))
                    .header("ETag", "\"" + (version + 1) + "\"");
        } finally {
            given().auth().oauth2(TestUsers.mike()).when().post("/api/v1/delegations/" + id + "/revoke");
        }
    }

    @Test
    void a_delegation_works_only_inside_its_window_and_its_team() {
        String later = grant(TestUsers.mike(), "sales-manager", "bob", Instant.now().plus(1, ChronoUnit.HOURS),
                Instant.now().plus(2, ChronoUnit.HOURS));
        String west = grant(TestUsers.wendy(), "sales-manager", "bob", null, Instant.now().plus(1, ChronoUnit.HOURS));
        try {
            String id = pendingManagerApproval();
            org.junit.jupiter.api.Assertions.assertEquals(404, approveAsBob(id));
        } finally {
            given().auth().oauth2(TestUsers.mike()).when().post("/api/v1/delegations/" + later + "/revoke");
            given().auth().oauth2(TestUsers.wendy()).when().post("/api/v1/delegations/" + west + "/revoke");
        }
    }

    @Test
    void only_a_holder_of_the_authority_can_lend_it_and_never_to_themselves() {
        Instant until = Instant.now().plus(1, ChronoUnit.HOURS);
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(body("sales-manager", "bob", null, until))
                .when().post("/api/v1/delegations").then().statusCode(403);
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body(body("sales-director", "bob", null, until))
                .when().post("/api/v1/delegations").then().statusCode(403);
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body(body("sales-manager", "mike", null, until))
                .when().post("/api/v1/delegations").then().statusCode(400)
                .body("violations[0].field", equalTo("delegateUsername"));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body(body("sales-manager", "bob", null, Instant.now().minus(1, ChronoUnit.HOURS)))
                .when().post("/api/v1/delegations").then().statusCode(400).body("violations[0].field", equalTo("validUntil"));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body(body("sales-manager", "bob", null, Instant.now().plus(120, ChronoUnit.DAYS)))
                .when().post("/api/v1/delegations").then().statusCode(422).body("rule", equalTo("delegation.max-length"));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body("{\"role\":\"sales-manager\",\"delegateUsername\":\"bob\",\"reason\":\"x\"}")
                .when().post("/api/v1/delegations").then().statusCode(400).body("violations[0].field", equalTo("validUntil"));
    }

    @Test
    void the_location_of_a_grant_is_the_delegation_for_its_two_parties_only() {
        String location = given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body(body("sales-manager", "bob", null, Instant.now().plus(1, ChronoUnit.HOURS)))
                .when().post("/api/v1/delegations").then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        try {
            for (String token : new String[] { TestUsers.mike(), TestUsers.bob(), TestUsers.diana() }) {
                given().auth().oauth2(token).when().get(location).then().statusCode(200)
                        .body("id", equalTo(id)).body("delegate", equalTo("bob")).body("delegator", equalTo("mike"));
            }
            given().auth().oauth2(TestUsers.cindy()).when().get(location).then().statusCode(404);
            given().auth().oauth2(TestUsers.wendy()).when().get(location).then().statusCode(404);
            given().auth().oauth2(TestUsers.walt()).when().get(location).then().statusCode(404);
        } finally {
            given().auth().oauth2(TestUsers.mike()).when().post("/api/v1/delegations/" + id + "/revoke");
        }
        // A delegate of any role sees what was lent to them.
        String toWalt = grant(TestUsers.mike(), "sales-manager", "walt", null, Instant.now().plus(1, ChronoUnit.HOURS));
        try {
            given().auth().oauth2(TestUsers.walt()).when().get("/api/v1/delegations?active=true").then().statusCode(200)
                    .body("items.id", hasItem(toWalt));
        } finally {
            given().auth().oauth2(TestUsers.mike()).when().post("/api/v1/delegations/" + toWalt + "/revoke");
        }
    }
}
