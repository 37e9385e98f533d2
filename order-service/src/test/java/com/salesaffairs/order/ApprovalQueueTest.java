package com.salesaffairs.order;

import static com.salesaffairs.order.OrderFixtures.draft;
import static com.salesaffairs.order.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** GET /api/v1/orders?awaitingMyDecision=true: each approver's queue, by role, team and delegation. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class ApprovalQueueTest {

    /** The ids in the caller's queue for one customer, in queue order. */
    private static List<String> queue(String token, String customer) {
        return given().auth().oauth2(token).when().get("/api/v1/orders?awaitingMyDecision=true&customerId=" + customer)
                .then().statusCode(200).extract().path("items.id");
    }

    private static String submitted(String token, String customer, String sku, String discount, String terms) {
        String id = draft(token, customer, sku, 1, discount, terms);
        given().auth().oauth2(token).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL"));
        return id;
    }

    @Test
    void each_approver_sees_the_orders_waiting_for_their_role_and_team_oldest_first() {
        String customer = OrderFixtures.aliceCustomerWithCredit();
        String sku = product("100.00", "50.00", 10);
        String forManager = submitted(TestUsers.alice(), customer, sku, "15", "PREPAID");
        String forDirector = submitted(TestUsers.alice(), customer, sku, "30", "PREPAID");
        String forReviewer = submitted(TestUsers.alice(), customer, sku, "0", "NET90");
        String alsoForManager = submitted(TestUsers.alice(), customer, sku, "12", "PREPAID");
        draft(TestUsers.alice(), customer, sku, 1, "15", "PREPAID");

        assertEquals(List.of(forManager, alsoForManager), queue(TestUsers.mike(), customer));
        assertEquals(List.of(forDirector), queue(TestUsers.diana(), customer));
        assertEquals(List.of(forReviewer), queue(TestUsers.rita(), customer));
        assertEquals(List.of(), queue(TestUsers.fiona(), customer));
        assertEquals(List.of(), queue(TestUsers.wendy(), customer), "another team's manager");
        assertEquals(List.of(), queue(TestUsers.alice(), customer), "a rep, and the orders are her own");
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/orders?awaitingMyDecision=true&customerId=" + customer)
                .then().body("total", equalTo(2));

        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + forManager + "/approvals").then().statusCode(200);
        assertEquals(List.of(alsoForManager), queue(TestUsers.mike(), customer), "decided orders leave the queue");

        String westCustomer = OrderFixtures.customer(TestUsers.CINDY_ID, "west-1", "west");
        String cindys = submitted(TestUsers.cindy(), westCustomer, sku, "15", "PREPAID");
        assertEquals(List.of(cindys), queue(TestUsers.wendy(), westCustomer));
        assertEquals(List.of(), queue(TestUsers.mike(), westCustomer));
    }

    @Test
    void a_delegate_sees_the_lent_queue_while_the_delegation_is_in_force_but_never_their_own_orders() {
        String customer = OrderFixtures.aliceCustomer();
        String sku = product("100.00", "50.00", 10);
        String alices = submitted(TestUsers.alice(), customer, sku, "15", "PREPAID");
        String bobsCustomer = OrderFixtures.customer(TestUsers.BOB_ID, "east-1", "east");
        String bobs = submitted(TestUsers.bob(), bobsCustomer, sku, "15", "PREPAID");
        assertEquals(List.of(), queue(TestUsers.bob(), customer));

        String delegation = given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body("{\"role\":\"sales-manager\",\"delegateUsername\":\"bob\",\"validUntil\":\""
                        + Instant.now().plus(1, ChronoUnit.HOURS) + "\",\"reason\":\"holiday cover\"}")
                .when().post("/api/v1/delegations").then().statusCode(201).extract().path("id");
        try {
            assertEquals(List.of(alices), queue(TestUsers.bob(), customer));
            assertEquals(List.of(), queue(TestUsers.bob(), bobsCustomer), "nobody approves their own order");
            given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/orders?awaitingMyDecision=true").then()
                    .body("items.id", hasItem(alices));
        } finally {
            given().auth().oauth2(TestUsers.mike()).when().post("/api/v1/delegations/" + delegation + "/revoke")
                    .then().statusCode(200);
        }
        assertEquals(List.of(), queue(TestUsers.bob(), customer), "revoked: the queue is gone at once");
        assertEquals(List.of(bobs), queue(TestUsers.mike(), bobsCustomer));
    }

    @Test
    void the_queue_takes_no_status_or_overdue_filter() {
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/orders?awaitingMyDecision=true&status=APPROVED")
                .then().statusCode(400).body("violations.field", hasItem("awaitingMyDecision"));
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/orders?awaitingMyDecision=true&overdue=true")
                .then().statusCode(400).body("violations.field", hasItem("awaitingMyDecision"));
    }
}
