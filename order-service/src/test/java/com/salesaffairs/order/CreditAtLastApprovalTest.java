package com.salesaffairs.order;

import static com.salesaffairs.order.OrderFixtures.aliceCustomer;
import static com.salesaffairs.order.OrderFixtures.draft;
import static com.salesaffairs.order.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.EntityStatistics;
import org.junit.jupiter.api.Test;

import com.salesaffairs.order.domain.Order;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Credit checked at submission is checked again when the last approval arrives (policy 3.2, 6.2). */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class CreditAtLastApprovalTest {
    @Inject
    SessionFactory orm;

    static void credit(String customer, String limit, boolean blocked) {
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"limit\":" + limit + ",\"blocked\":" + blocked + "}")
                .when().put("/api/v1/customers/" + customer + "/credit").then().statusCode(200);
    }

    static String aliceCustomerWithLimit(String limit) {
        String customer = aliceCustomer();
        credit(customer, limit, false);
        return customer;
    }

    /** An order of a customer well within credit, submitted with a 15% discount: the manager's step waits. */
    record Waiting(String customer, String sku, String id) {
    }

    static Waiting waitingForTheManager() {
        String customer = aliceCustomerWithLimit("1000000.00");
        String sku = product("100.00", "50.00", 5);
        String id = draft(TestUsers.alice(), customer, sku, 2, "15", "NET30");
        submit(id).body("status", equalTo("PENDING_APPROVAL"));
        return new Waiting(customer, sku, id);
    }

    static ValidatableResponse decide(String token, String id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then();
    }

    static ValidatableResponse submit(String id) {
        return given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200);
    }

    @Test
    void credit_used_up_while_an_order_waits_brings_finance_in_before_it_is_approved() {
        String customer = aliceCustomerWithLimit("1000.00");
        String sku = product("100.00", "50.00", 20);
        String waiting = draft(TestUsers.alice(), customer, sku, 6, "15", "NET30");
        submit(waiting).body("status", equalTo("PENDING_APPROVAL")).body("approvals.role", equalTo(List.of("sales-manager")));
        // Submitted meanwhile, another order counts the waiting one (510.00 + 600.00 > 1000.00): finance lets it through.
        String meanwhile = draft(TestUsers.alice(), customer, sku, 6, "0", "NET30");
        submit(meanwhile).body("status", equalTo("PENDING_APPROVAL")).body("approvals.role", equalTo(List.of("finance")));
        decide(TestUsers.fiona(), meanwhile).statusCode(200).body("status", equalTo("APPROVED"));

        // 600.00 approved meanwhile + 510.00 waiting = 1110.00 > 1000.00
        decide(TestUsers.mike(), waiting).statusCode(200).body("status", equalTo("PENDING_APPROVAL"))
                .body("approvals.role", equalTo(List.of("sales-manager", "finance")))
                .body("approvals.status", equalTo(List.of("APPROVED", "PENDING")))
                .body("approvals[1].reason", containsString("1110"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + waiting + "/history").then()
                .body("items.action", hasItem("CREDIT_REVIEW_ADDED"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/inventory/" + sku).then()
                .body("reserved", equalTo(6));

        decide(TestUsers.fiona(), waiting).statusCode(200).body("status", equalTo("APPROVED"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/inventory/" + sku).then()
                .body("reserved", equalTo(12));
    }

    static ValidatableResponse exposure(String customer, String amount) {
        return given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/customers/" + customer + "/credit").then()
                .statusCode(200).body("openExposure", equalTo(Float.parseFloat(amount)));
    }

    @Test
    void an_order_pending_approval_counts_against_the_next_ones_credit_and_rejected_cancelled_or_draft_orders_do_not() {
        String customer = aliceCustomerWithLimit("1000.00");
        String sku = product("100.00", "50.00", 30);
        String first = draft(TestUsers.alice(), customer, sku, 6, "15", "NET30");
        submit(first).body("status", equalTo("PENDING_APPROVAL")).body("approvals.role", equalTo(List.of("sales-manager")));
        exposure(customer, "510.00");

        // 510.00 pending + 600.00 = 1110.00 > 1000.00: the second needs finance although nothing is approved yet.
        String second = draft(TestUsers.alice(), customer, sku, 6, "0", "NET30");
        submit(second).body("status", equalTo("PENDING_APPROVAL")).body("approvals.role", equalTo(List.of("finance")))
                .body("approvals[0].reason", containsString("1110"));
        exposure(customer, "1110.00");

        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECT\",\"comment\":\"over the limit\"}")
                .when().post("/api/v1/orders/" + second + "/approvals").then().statusCode(200).body("status", equalTo("REJECTED"));
        exposure(customer, "510.00");
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECT\",\"comment\":\"10% at most\"}")
                .when().post("/api/v1/orders/" + first + "/approvals").then().statusCode(200).body("status", equalTo("REJECTED"));
        exposure(customer, "0.00");

        // Rejected orders and a draft count nothing: the full limit is there for the next one.
        draft(TestUsers.alice(), customer, sku, 9, "0", "NET30");
        String third = draft(TestUsers.alice(), customer, sku, 10, "0", "NET30");
        submit(third).body("status", equalTo("APPROVED")).body("approvals.size()", equalTo(0));
        exposure(customer, "1000.00");
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"reason\":\"customer withdrew\"}")
                .when().post("/api/v1/orders/" + third + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        exposure(customer, "0.00");
    }

    @Test
    void a_customer_blocked_while_an_order_waits_fails_its_last_approval_and_leaves_it_pending() {
        Waiting order = waitingForTheManager();
        credit(order.customer(), "1000000.00", true);

        decide(TestUsers.mike(), order.id()).statusCode(422).body("rule", equalTo("order.customer-blocked"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + order.id()).then()
                .body("status", equalTo("PENDING_APPROVAL")).body("approvals.status", equalTo(List.of("PENDING")));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/inventory/" + order.sku()).then()
                .body("reserved", equalTo(0));

        credit(order.customer(), "1000000.00", false);
        decide(TestUsers.mike(), order.id()).statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void finance_having_approved_this_round_is_not_asked_again() {
        String customer = aliceCustomer();
        String sku = product("100.00", "50.00", 5);
        String id = draft(TestUsers.alice(), customer, sku, 2, "15", "NET30");
        submit(id).body("approvals.role", equalTo(List.of("sales-manager", "finance")));
        decide(TestUsers.fiona(), id).statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
        decide(TestUsers.mike(), id).statusCode(200).body("status", equalTo("APPROVED"))
                .body("approvals.size()", equalTo(2));
    }

    @Test
    void the_last_approval_writes_the_order_row_once() {
        String id = waitingForTheManager().id();
        EntityStatistics orderRows = orm.getStatistics().getEntityStatistics(Order.class.getName());
        long before = orderRows.getUpdateCount();

        // Counting credit again must not flush the order half-approved and then write it a second time.
        decide(TestUsers.mike(), id).statusCode(200).body("status", equalTo("APPROVED"));
        assertEquals(1, orderRows.getUpdateCount() - before);
    }
}
