package com.salesaffairs.order;

import static com.salesaffairs.order.OrderFixtures.aliceCustomer;
import static com.salesaffairs.order.OrderFixtures.draft;
import static com.salesaffairs.order.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestTokens;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class OrderSecurityAndInputTest {

    @Inject
    EntityManager em;

    private long ordersOf(String customerId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM sales_order WHERE customer_id = :c")
                .setParameter("c", UUID.fromString(customerId)).getSingleResult()).longValue();
    }

    @Test
    void no_token_forged_token_and_wrong_roles_are_refused() {
        given().when().get("/api/v1/orders").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user("alice", TestUsers.ALICE_ID).roles("sales-rep").team("east-1", "east")
                .forged().sign()).when().get("/api/v1/orders").then().statusCode(401);
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/orders").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"sku\":\"X-1\",\"name\":\"x\",\"category\":\"c\",\"listPrice\":1,\"unitCost\":1}")
                .when().post("/api/v1/products").then().statusCode(403);
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"limit\":1000,\"blocked\":false}")
                .when().put("/api/v1/customers/" + UUID.randomUUID() + "/credit").then().statusCode(403);
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/orders").then().statusCode(403);
    }

    @Test
    void other_team_and_teammates_get_404_functional_roles_see_the_queue() {
        String customer = aliceCustomer();
        String sku = product("10.00", "5.00", 0);
        String id = draft(TestUsers.alice(), customer, sku, 1, "0", "PREPAID");
        given().auth().oauth2(TestUsers.cindy()).when().get("/api/v1/orders/" + id).then().statusCode(404);
        given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/orders/" + id).then().statusCode(404);
        given().auth().oauth2(TestUsers.wendy()).when().get("/api/v1/orders/" + id).then().statusCode(404);
        given().auth().oauth2(TestUsers.cindy()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(404);
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/orders/" + id).then().statusCode(200);
        given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/orders/" + id).then().statusCode(200);
        given().auth().oauth2(TestUsers.mike()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(403);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders?customerId=" + customer)
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/orders?customerId=" + customer)
                .then().statusCode(200).body("total", equalTo(0));
        // Bob cannot order for Alice's customer either: it is not his to know.
        given().auth().oauth2(TestUsers.cindy()).contentType(ContentType.JSON)
                .body(OrderFixtures.orderBody(customer, sku, 1, "0", "PREPAID"))
                .when().post("/api/v1/orders").then().statusCode(422).body("rule", equalTo("order.customer-known"));
    }

    @Test
    void bad_input_is_400_naming_the_field_and_writes_nothing() {
        String customer = aliceCustomer();
        String sku = product("10.00", "5.00", 0);
        String[][] cases = {
                { "{\"customerId\":\"" + customer + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\",\"shippingAddress\":\"x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":0}]}", "lines[0].quantity" },
                { "{\"customerId\":\"" + customer + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\",\"shippingAddress\":\"x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":-3}]}", "lines[0].quantity" },
                { "{\"customerId\":\"" + customer + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\",\"shippingAddress\":\"x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1,\"discountPct\":101}]}", "lines[0].discountPct" },
                { "{\"customerId\":\"" + customer + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\",\"shippingAddress\":\"x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1,\"unitPrice\":10.001}]}", "lines[0].unitPrice" },
                { "{\"customerId\":\"" + customer + "\",\"channel\":\"FAX\",\"paymentTerms\":\"PREPAID\",\"shippingAddress\":\"x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", "channel" },
                { "{\"customerId\":\"" + customer + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\",\"shippingAddress\":\"x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":\"two\"}]}", "lines[0].quantity" },
                { "{\"customerId\":\"" + customer + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\",\"shippingAddress\":\"x\",\"lines\":[]}", "lines" },
                { "{\"customerId\":\"" + customer + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", "shippingAddress" },
                { "{\"customerId\":\"" + customer + "\",\"status\":\"SETTLED\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\",\"shippingAddress\":\"x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", "status" },
                { "{\"customerId\":\"" + customer + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\",\"requestedShipDate\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\",\"shippingAddress\":\"x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", "requestedShipDate" },
                { "{\"customerId\":\"" + customer + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\",\"shippingAddress\":\"x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2.7}]}", "lines[0].quantity" },
                { "{\"customerId\":\"" + customer + "\",\"channel\":3,\"paymentTerms\":\"PREPAID\",\"shippingAddress\":\"x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", "channel" },
                { "{\"customerId\":\"" + customer + "\",\"channel\":\"DIRECT\",\"paymentTerms\":0,\"shippingAddress\":\"x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", "paymentTerms" },
                { "{\"customerId\":\"not-a-uuid\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\",\"shippingAddress\":\"x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}", "customerId" },
        };
        for (String[] c : cases) {
            given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(c[0])
                    .when().post("/api/v1/orders")
                    .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(c[1]));
        }
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"customerId\":")
                .when().post("/api/v1/orders").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders?size=201")
                .then().statusCode(400).body("violations.field", hasItem("size"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders?page=20000000&size=200")
                .then().statusCode(400).body("violations.field", hasItem("page"));
        // Not a number at all: a 400 naming the parameter, not the JAX-RS default of a bare 404.
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders?size=abc")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("size"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders?page=-1")
                .then().statusCode(400).body("violations.field", hasItem("page"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders?page=1&size=5")
                .then().statusCode(200).body("page", equalTo(1)).body("size", equalTo(5));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders?status=LOST")
                .then().statusCode(400).body("violations.field", hasItem("status"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders?customerId=42")
                .then().statusCode(400).body("violations.field", hasItem("customerId"));
        String dear = product("999999999999.00", "1.00", 0);
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(OrderFixtures.orderBody(customer, dear, 2, "0", "PREPAID"))
                .when().post("/api/v1/orders").then().statusCode(422).body("rule", equalTo("order.amount-limit"));
        // 1,000,000 units at 99.99% off: the total is small, the cost of the goods beyond what can be booked.
        String costly = product("1000000.00", "1000000.00", 0);
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(OrderFixtures.orderBody(customer, costly, 1_000_000, "99.99", "PREPAID"))
                .when().post("/api/v1/orders").then().statusCode(422).body("rule", equalTo("order.amount-limit"))
                .body("detail", org.hamcrest.Matchers.containsString("cost"));
        assertEquals(0, ordersOf(customer));
    }

    @Test
    void a_requested_ship_date_of_today_or_later_is_taken_and_a_later_one_becomes_the_ship_by_date() {
        String customer = OrderFixtures.aliceCustomerWithCredit();
        String sku = product("10.00", "5.00", 5);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate later = today.plusDays(30);
        String body = OrderFixtures.orderBody(customer, sku, 1, "0", "NET30").replace("\"channel\"",
                "\"requestedShipDate\":\"" + later + "\",\"channel\"");
        String id = given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/orders").then().statusCode(201).body("requestedShipDate", equalTo(later.toString()))
                .extract().path("id");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("shipBy", equalTo(later.toString()));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(body.replace(later.toString(), today.toString()))
                .when().post("/api/v1/orders").then().statusCode(201);
    }

    @Test
    void shipping_more_than_is_left_and_paying_an_unshipped_draft_are_refused() {
        String customer = OrderFixtures.aliceCustomerWithCredit();
        String sku = product("10.00", "5.00", 5);
        String id = draft(TestUsers.alice(), customer, sku, 2, "0", "NET30");
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"1\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(409);
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"1\",\"lines\":[{\"lineNo\":1,\"quantity\":3}]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(422)
                .body("rule", equalTo("shipment.quantity-left")).body("violations.field", hasItem("lines[0].quantity"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":1.005,\"method\":\"CASH\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(400)
                .body("violations.field", hasItem("amount"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":1.00,\"method\":\"CASH\",\"receivedAt\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(400)
                .body("violations.field", hasItem("receivedAt"));
        // Java takes the year -300000, PostgreSQL cannot store it: bad input, not a 500.
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":1.00,\"method\":\"CASH\",\"receivedAt\":\"-300000-01-01T00:00:00Z\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id)
                .then().body("paidAmount", equalTo(0.0f)).body("lines[0].shippedQuantity", equalTo(0));
    }

    @Test
    void a_stale_if_match_is_412() {
        String customer = aliceCustomer();
        String sku = product("10.00", "5.00", 5);
        String id = draft(TestUsers.alice(), customer, sku, 1, "0", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).header("If-Match", "\"99\"")
                .when().post("/api/v1/orders/" + id + "/submit").then().statusCode(412);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void an_approval_decision_given_by_its_position_is_refused_not_read_as_approve() {
        String id = draft(TestUsers.alice(), aliceCustomer(), product("100.00", "50.00", 5), 1, "15", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL"));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body("{\"decision\":0}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(400)
                .body("violations.field", hasItem("decision"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id).then()
                .body("status", equalTo("PENDING_APPROVAL")).body("approvals[0].status", equalTo("PENDING"));
    }

    @Test
    void a_created_order_carries_its_version_as_etag_in_the_first_answer_and_in_the_replay() {
        String body = OrderFixtures.orderBody(aliceCustomer(), product("10.00", "5.00", 5), 1, "0", "PREPAID");
        String key = "create-" + java.util.UUID.randomUUID();
        var first = given().auth().oauth2(TestUsers.alice()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/orders").then().statusCode(201).extract();
        int version = first.path("version");
        String etag = first.header("ETag");
        assertEquals("\"" + version + "\"", etag);
        given().auth().oauth2(TestUsers.alice()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/orders").then().statusCode(201).header("ETag", equalTo(etag))
                .body("id", equalTo(first.path("id")));
        given().auth().oauth2(TestUsers.alice()).header("If-Match", etag)
                .when().post("/api/v1/orders/" + first.path("id") + "/submit").then().statusCode(200);
    }
}
