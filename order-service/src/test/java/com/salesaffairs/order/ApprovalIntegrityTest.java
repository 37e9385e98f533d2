package com.salesaffairs.order;

import static com.salesaffairs.order.OrderFixtures.aliceCustomer;
import static com.salesaffairs.order.OrderFixtures.aliceCustomerWithCredit;
import static com.salesaffairs.order.OrderFixtures.draft;
import static com.salesaffairs.order.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Approvals that cannot be bypassed: not by one's own delegate, not by one person clearing two steps. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class ApprovalIntegrityTest {

    private static String lend(String token, String role, String delegate) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"role\":\"" + role + "\",\"delegateUsername\":\"" + delegate + "\",\"validUntil\":\""
                        + Instant.now().plus(1, ChronoUnit.HOURS) + "\",\"reason\":\"holiday cover\"}")
                .when().post("/api/v1/delegations").then().statusCode(201).extract().path("id");
    }

    private static void revoke(String token, String delegation) {
        given().auth().oauth2(token).when().post("/api/v1/delegations/" + delegation + "/revoke");
    }

    private static io.restassured.response.ValidatableResponse approve(String token, String orderId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + orderId + "/approvals").then();
    }

    @Test
    void an_order_the_teams_manager_submits_goes_to_the_director_not_to_his_delegate() {
        String lent = lend(TestUsers.mike(), "sales-manager", "bob");
        try {
            String id = draft(TestUsers.mike(), aliceCustomer(), product("100.00", "50.00", 10), 1, "15", "PREPAID");
            given().auth().oauth2(TestUsers.mike()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200)
                    .body("status", equalTo("PENDING_APPROVAL"))
                    .body("approvals", hasSize(1))
                    .body("approvals[0].role", equalTo("sales-director"))
                    .body("approvals[0].reason", containsString("the team's manager submitted the order"));
            approve(TestUsers.mike(), id).statusCode(403);
            // Mike's authority lent to bob does not reach mike's own order.
            approve(TestUsers.bob(), id).statusCode(404);
            given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/orders?awaitingMyDecision=true").then()
                    .statusCode(200).body("items.id", not(hasItem(id)));
            approve(TestUsers.diana(), id).statusCode(200).body("status", equalTo("APPROVED"))
                    .body("approvals[0].decidedBy", equalTo("diana"));
        } finally {
            revoke(TestUsers.mike(), lent);
        }
    }

    @Test
    void one_person_approves_at_most_one_step_of_a_review() {
        String lent = lend(TestUsers.diana(), "sales-director", "mike");
        try {
            // 3 x 100,000 at 15%: the manager for the discount, the director for the total above 200,000.
            String id = draft(TestUsers.alice(), aliceCustomerWithCredit(), product("100000.00", "60000.00", 3), 3, "15",
                    "NET30");
            given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200)
                    .body("approvals.role", equalTo(java.util.List.of("sales-manager", "sales-director")));
            approve(TestUsers.mike(), id).statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
            approve(TestUsers.mike(), id).statusCode(403)
                    .body("detail", containsString("already approved the sales-manager step"));
            given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/orders?awaitingMyDecision=true").then()
                    .statusCode(200).body("items.id", not(hasItem(id)));
            given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id).then()
                    .body("status", equalTo("PENDING_APPROVAL"))
                    .body("approvals.find { it.role == 'sales-director' }.status", equalTo("PENDING"));
            approve(TestUsers.diana(), id).statusCode(200).body("status", equalTo("APPROVED"));
        } finally {
            revoke(TestUsers.diana(), lent);
        }
    }

    @Test
    void submitting_an_order_already_approved_is_a_conflict_not_a_stock_rule() {
        String sku = product("100.00", "50.00", 1);
        String id = draft(TestUsers.alice(), aliceCustomer(), sku, 1, "0", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(409);
        given().auth().oauth2(TestUsers.walt()).when().get("/api/v1/inventory/" + sku).then()
                .body("reserved", equalTo(1)).body("available", equalTo(0));
    }

    @Test
    void a_product_deactivated_while_the_order_was_a_draft_stops_its_submission() {
        String sku = product("100.00", "50.00", 5);
        String id = draft(TestUsers.alice(), aliceCustomer(), sku, 1, "0", "PREPAID");
        given().auth().oauth2(TestUsers.diana()).when().post("/api/v1/products/" + sku + "/deactivate").then().statusCode(200);
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(422)
                .body("rule", equalTo("order.sku-known")).body("detail", containsString(sku));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id).then().body("status", equalTo("DRAFT"));
        given().auth().oauth2(TestUsers.walt()).when().get("/api/v1/inventory/" + sku).then().body("reserved", equalTo(0));
    }

    @Test
    void a_director_lends_authority_to_an_executive_who_can_then_decide_and_no_one_else_without_it() {
        String lent = lend(TestUsers.diana(), "sales-director", "erin");
        try {
            String id = draft(TestUsers.alice(), aliceCustomer(), product("100.00", "50.00", 5), 1, "30", "PREPAID");
            given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200)
                    .body("approvals.role", equalTo(java.util.List.of("sales-director")));
            // The warehouse sees every order for its queue, but holds no approval authority.
            approve(TestUsers.walt(), id).statusCode(403);
            approve(TestUsers.sam(), id).statusCode(404);
            approve(TestUsers.erin(), id).statusCode(200).body("status", equalTo("APPROVED"))
                    .body("approvals[0].decidedBy", equalTo("erin")).body("approvals[0].onBehalfOf", equalTo("diana"));
        } finally {
            revoke(TestUsers.diana(), lent);
        }
    }
}
