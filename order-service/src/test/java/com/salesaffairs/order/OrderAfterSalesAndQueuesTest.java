package com.salesaffairs.order;

import static com.salesaffairs.order.OrderFixtures.aliceCustomer;
import static com.salesaffairs.order.OrderFixtures.draft;
import static com.salesaffairs.order.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class OrderAfterSalesAndQueuesTest {

    @Inject
    EntityManager em;

    private static String settled(String sku, int quantity, String amount) {
        String id = draft(TestUsers.alice(), OrderFixtures.aliceCustomerWithCredit(), sku, quantity, "0", "NET30");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"T\",\"lines\":[{\"lineNo\":1,\"quantity\":" + quantity + "}]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(201);
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/orders/" + id + "/invoices").then().statusCode(201);
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{\"amount\":" + amount + ",\"method\":\"CARD\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(201).body("orderStatus", equalTo("SETTLED"));
        return id;
    }

    @Test
    void a_return_after_settlement_refunds_at_most_what_was_paid_and_tells_the_commission_side() {
        String id = settled(product("40.00", "20.00", 5), 2, "80.00");
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"amount\":10.00,\"reason\":\"x\"}")
                .when().post("/api/v1/orders/" + id + "/refunds").then().statusCode(403);
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":30.00,\"reason\":\"one unit returned damaged\"}")
                .when().post("/api/v1/orders/" + id + "/refunds").then().statusCode(201).body("amount", equalTo(30.0f));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":50.01,\"reason\":\"more\"}")
                .when().post("/api/v1/orders/" + id + "/refunds").then().statusCode(422)
                .body("rule", equalTo("refund.paid-amount"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{\"amount\":0,\"reason\":\"none\"}")
                .when().post("/api/v1/orders/" + id + "/refunds").then().statusCode(400)
                .body("violations.field", hasItem("amount"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id)
                .then().body("refundedAmount", equalTo(30.0f)).body("status", equalTo("SETTLED"));
        EventProbe.await("sales.order.events", r -> id.equals(r.key()) && "sales.order.refunded.v1".equals(r.type())
                && r.value().contains("\"amount\":30.00") && r.value().contains(TestUsers.ALICE_ID), Duration.ofSeconds(20));
    }

    @Test
    void every_location_a_create_answers_can_be_read_back_within_scope() {
        String sku = product("40.00", "20.00", 5);
        String id = settled(sku, 2, "80.00");
        String refund = given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":5.00,\"reason\":\"scratch\"}").when().post("/api/v1/orders/" + id + "/refunds")
                .then().statusCode(201).extract().header("Location");
        given().auth().oauth2(TestUsers.alice()).when().get(refund).then().statusCode(200).body("amount", equalTo(5.0f));
        for (String kind : new String[] { "shipments", "invoices", "payments", "refunds" }) {
            String entry = given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/orders/" + id + "/" + kind)
                    .then().statusCode(200).body("size()", equalTo(1)).extract().path("[0].id");
            given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id + "/" + kind + "/" + entry)
                    .then().statusCode(200).body("orderId", equalTo(id));
            given().auth().oauth2(TestUsers.cindy()).when().get("/api/v1/orders/" + id + "/" + kind + "/" + entry)
                    .then().statusCode(404);
            given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id + "/" + kind + "/" + UUID.randomUUID())
                    .then().statusCode(404);
        }
        given().auth().oauth2(TestUsers.walt()).when().get("/api/v1/orders/" + id + "/payments").then().statusCode(403);
    }

    @Test
    void orders_past_their_ship_by_date_are_listed_as_overdue_until_shipped() {
        String sku = product("10.00", "5.00", 4);
        String customer = OrderFixtures.aliceCustomerWithCredit();
        String late = draft(TestUsers.alice(), customer, sku, 2, "0", "NET30");
        String onTime = draft(TestUsers.alice(), customer, sku, 2, "0", "NET30");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + late + "/submit").then().statusCode(200);
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + onTime + "/submit").then().statusCode(200);
        // Time cannot be waited for in a test: move this order's deadline into the past instead.
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("UPDATE sales_order SET ship_by = current_date - 1 WHERE id = :id")
                .setParameter("id", UUID.fromString(late)).executeUpdate());
        given().auth().oauth2(TestUsers.walt()).when().get("/api/v1/orders?overdue=true&size=200").then().statusCode(200)
                .body("items.id", hasItem(late)).body("items.id", not(hasItem(onTime)));
        given().auth().oauth2(TestUsers.cindy()).when().get("/api/v1/orders?overdue=true&size=200").then().statusCode(200)
                .body("items.id", not(hasItem(late)));
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"T\",\"lines\":[{\"lineNo\":1,\"quantity\":2}]}")
                .when().post("/api/v1/orders/" + late + "/shipments").then().statusCode(201);
        given().auth().oauth2(TestUsers.walt()).when().get("/api/v1/orders?overdue=true&size=200").then()
                .body("items.id", not(hasItem(late)));
    }

    @Test
    void a_last_approval_that_cannot_reserve_stock_fails_cleanly_and_the_order_stays_pending() {
        String sku = product("100.00", "50.00", 3);
        String customer = aliceCustomer();
        String reviewed = draft(TestUsers.alice(), customer, sku, 3, "15", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + reviewed + "/submit")
                .then().body("status", equalTo("PENDING_APPROVAL"));
        // Meanwhile another order takes the stock.
        String rush = draft(TestUsers.alice(), customer, sku, 2, "0", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + rush + "/submit")
                .then().body("status", equalTo("APPROVED"));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + reviewed + "/approvals").then().statusCode(422)
                .body("rule", equalTo("order.stock-available"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + reviewed).then()
                .body("status", equalTo("PENDING_APPROVAL")).body("approvals[0].status", equalTo("PENDING"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/inventory/" + sku)
                .then().body("reserved", equalTo(2)).body("available", equalTo(1));
    }

    @Test
    void every_endpoint_refuses_a_caller_without_a_token_or_without_the_role() {
        String order = "/api/v1/orders/" + UUID.randomUUID();
        String[][] posts = {
                { "/api/v1/orders", "walt" }, { order + "/submit", "fiona" },
                { order + "/cancel", "walt" }, { order + "/shipments", "alice" }, { order + "/invoices", "walt" },
                { order + "/payments", "mike" }, { order + "/refunds", "diana" }, { "/api/v1/products", "walt" },
                { "/api/v1/inventory/receipts", "alice" }, { "/api/v1/delegations", "alice" },
                { "/api/v1/delegations/" + UUID.randomUUID() + "/revoke", "alice" } };
        for (String[] p : posts) {
            given().contentType(ContentType.JSON).body("{}").when().post(p[0]).then().statusCode(401);
            given().auth().oauth2(token(p[1])).contentType(ContentType.JSON).body("{}").when().post(p[0]).then()
                    .statusCode(403).contentType("application/problem+json");
        }
        // Approvals take any signed-in user (a delegation may name anyone); without a token they are 401 too.
        given().contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}").when().post(order + "/approvals").then()
                .statusCode(401);
        given().auth().oauth2(TestUsers.sam()).when().get(order + "/history").then().statusCode(403);
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"limit\":1,\"blocked\":false}")
                .when().put("/api/v1/customers/" + UUID.randomUUID() + "/credit").then().statusCode(403);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/customers/" + UUID.randomUUID() + "/credit")
                .then().statusCode(403);
    }

    private static String token(String user) {
        return switch (user) {
            case "alice" -> TestUsers.alice();
            case "mike" -> TestUsers.mike();
            case "diana" -> TestUsers.diana();
            case "fiona" -> TestUsers.fiona();
            case "walt" -> TestUsers.walt();
            default -> throw new IllegalArgumentException(user);
        };
    }
}
