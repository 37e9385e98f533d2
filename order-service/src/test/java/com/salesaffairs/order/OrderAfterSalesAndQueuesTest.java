package com.salesaffairs.order;

import static com.salesaffairs.order.OrderFixtures.aliceCustomer;
import static com.salesaffairs.order.OrderFixtures.draft;
import static com.salesaffairs.order.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    /** A PREPAID order of one unit of each sku, paid, shipped and invoiced in full. */
    private static String settledLines(String amount, String... skus) {
        StringBuilder lines = new StringBuilder();
        for (String sku : skus) {
            lines.append(lines.length() == 0 ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"quantity\":1}");
        }
        String id = given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + aliceCustomer() + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\","
                        + "\"shippingAddress\":\"1 Lake Rd, Hangzhou\",\"lines\":[" + lines + "]}")
                .when().post("/api/v1/orders").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{\"amount\":" + amount + ",\"method\":\"CARD\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(201);
        StringBuilder all = new StringBuilder();
        for (int n = 1; n <= skus.length; n++) {
            all.append(n == 1 ? "" : ",").append("{\"lineNo\":").append(n).append(",\"quantity\":1}");
        }
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"T\",\"lines\":[" + all + "]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(201);
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/orders/" + id + "/invoices").then().statusCode(201);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id).then().body("status", equalTo("SETTLED"));
        return id;
    }

    private static io.restassured.response.ValidatableResponse refund(String orderId, String body) {
        return given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/orders/" + orderId + "/refunds").then();
    }

    @Test
    void a_refund_without_lines_is_spread_pro_rata_over_the_lines_to_the_cent_and_the_event_names_their_categories()
            throws Exception {
        String id = settledLines("300.00", product("100.00", "60.00", 1, "Pumps"), product("100.00", "40.00", 1, "Valves"),
                product("100.00", "70.00", 1, "Pumps"));
        // 100.00 over three lines of 100.00 each: 33.33, 33.33 and the rounding remainder 33.34 on the last.
        String refundId = refund(id, "{\"amount\":100.00,\"reason\":\"goodwill after a late delivery\"}").statusCode(201)
                .body("lines.lineNo", contains(1, 2, 3)).body("lines.category", contains("Pumps", "Valves", "Pumps"))
                .body("lines.amount", contains(33.33f, 33.33f, 33.34f)).extract().path("id");

        EventProbe.Received event = EventProbe.await("sales.order.events", r -> id.equals(r.key())
                && "sales.order.refunded.v1".equals(r.type()) && r.value().contains(refundId), Duration.ofSeconds(20));
        OrderToCashTest.assertMatchesSchema(event);
        JsonNode payload = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(event.value());
        BigDecimal sum = BigDecimal.ZERO;
        List<String> categories = new ArrayList<>();
        for (JsonNode line : payload.get("lines")) {
            sum = sum.add(line.get("netAmount").decimalValue());
            categories.add(line.get("category").asText());
            assertTrue(line.hasNonNull("sku"), line.toString());
        }
        assertEquals(0, new BigDecimal("100.00").compareTo(sum), payload.toString());
        assertEquals(0, new BigDecimal("100.00").compareTo(payload.get("amount").decimalValue()));
        assertEquals(List.of("Pumps", "Valves", "Pumps"), categories);
        assertEquals(0, new BigDecimal("33.34").compareTo(payload.get("lines").get(2).get("netAmount").decimalValue()));

        // The next refund is spread over what is left on each line: 66.67, 66.67, 66.66 of 200.00.
        refund(id, "{\"amount\":200.00,\"reason\":\"returned\"}").statusCode(201)
                .body("lines.amount", contains(66.67f, 66.67f, 66.66f));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id).then().body("refundedAmount", equalTo(300.0f));
    }

    @Test
    void a_refund_naming_its_lines_gives_back_no_more_than_each_line_sold_and_adds_up_to_its_amount() throws Exception {
        String id = settledLines("150.00", product("100.00", "60.00", 1, "Pumps"), product("50.00", "20.00", 1, "Valves"));
        refund(id, "{\"amount\":30.00,\"reason\":\"x\",\"lines\":[{\"lineNo\":2,\"amount\":20.00}]}").statusCode(400)
                .body("violations.field", hasItem("lines"));
        refund(id, "{\"amount\":60.00,\"reason\":\"x\",\"lines\":[{\"lineNo\":2,\"amount\":50.01},{\"lineNo\":1,\"amount\":9.99}]}")
                .statusCode(422).body("rule", equalTo("refund.line-amount")).body("violations.field", hasItem("lines[0].amount"));
        refund(id, "{\"amount\":20.00,\"reason\":\"x\",\"lines\":[{\"lineNo\":2,\"amount\":20.00,\"quantity\":2}]}")
                .statusCode(422).body("rule", equalTo("refund.line-quantity"));
        refund(id, "{\"amount\":20.00,\"reason\":\"x\",\"lines\":[{\"lineNo\":3,\"amount\":20.00}]}").statusCode(400);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id).then().body("refundedAmount", equalTo(0.0f));

        String refundId = refund(id, "{\"amount\":50.00,\"reason\":\"valve returned\",\"lines\":[{\"lineNo\":2,\"amount\":50.00,\"quantity\":1}]}")
                .statusCode(201).body("lines.size()", equalTo(1)).body("lines[0].category", equalTo("Valves"))
                .body("lines[0].quantity", equalTo(1)).body("lines[0].amount", equalTo(50.0f)).extract().path("id");
        EventProbe.Received event = EventProbe.await("sales.order.events", r -> id.equals(r.key())
                && "sales.order.refunded.v1".equals(r.type()) && r.value().contains(refundId), Duration.ofSeconds(20));
        OrderToCashTest.assertMatchesSchema(event);
        JsonNode line = new ObjectMapper().readTree(event.value()).get("lines").get(0);
        assertEquals("Valves", line.get("category").asText());
        assertEquals(1, line.get("quantity").asInt());
        // Nothing is left on the valve line: a further refund without lines goes to the pump line only.
        refund(id, "{\"amount\":0.01,\"reason\":\"x\",\"lines\":[{\"lineNo\":2,\"amount\":0.01}]}").statusCode(422)
                .body("rule", equalTo("refund.line-amount"));
        refund(id, "{\"amount\":10.00,\"reason\":\"scratch\"}").statusCode(201)
                .body("lines.lineNo", contains(1)).body("lines.amount", contains(10.0f));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id + "/refunds").then().statusCode(200)
                .body("items.lines.category", contains(List.of("Valves"), List.of("Pumps")));
    }

    @Test
    void shipments_and_refunds_recorded_before_they_kept_their_lines_show_them_completed_from_the_order() {
        String id = settledLines("150.00", product("100.00", "60.00", 1, "Pumps"), product("50.00", "20.00", 1, "Valves"));
        String refundId = refund(id, "{\"amount\":15.00,\"reason\":\"x\"}").statusCode(201).extract().path("id");
        // As rows written before: a shipment with line numbers and quantities only, a refund without lines.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE shipment SET lines = '[{\"lineNo\":1,\"quantity\":1},{\"lineNo\":2,\"quantity\":1}]'"
                    + " WHERE order_id = :id").setParameter("id", UUID.fromString(id)).executeUpdate();
            em.createNativeQuery("UPDATE refund SET lines = NULL WHERE order_id = :id")
                    .setParameter("id", UUID.fromString(id)).executeUpdate();
        });
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id + "/shipments").then().statusCode(200)
                .body("items[0].lines.sku", everyItem(org.hamcrest.Matchers.notNullValue()))
                .body("items[0].lines.amount", contains(100.0f, 50.0f));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id + "/refunds/" + refundId).then()
                .statusCode(200).body("lines.amount", contains(10.0f, 5.0f)).body("lines.category", contains("Pumps", "Valves"));
        // The next refund counts the old one as attributed so: 45.00 over 90.00 and 45.00 left.
        refund(id, "{\"amount\":45.00,\"reason\":\"y\"}").statusCode(201).body("lines.amount", contains(30.0f, 15.0f));
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
                    .then().statusCode(200).body("items.size()", equalTo(1)).body("total", equalTo(1))
                    .extract().path("items[0].id");
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
    void the_history_shipments_invoices_payments_and_refunds_of_an_order_are_pages_like_every_other_list() {
        String id = settled(product("40.00", "20.00", 5), 2, "80.00");
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{\"amount\":5.00,\"reason\":\"scratch\"}")
                .when().post("/api/v1/orders/" + id + "/refunds").then().statusCode(201);
        // CREATED, SUBMITTED, APPROVED, SHIPPED, INVOICED, PAYMENT_RECEIVED, SETTLED, REFUNDED
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id + "/history?page=0&size=3").then()
                .statusCode(200).body("page", equalTo(0)).body("size", equalTo(3)).body("total", equalTo(8))
                .body("items.action", contains("CREATED", "SUBMITTED", "APPROVED"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id + "/history?page=2&size=3").then()
                .statusCode(200).body("page", equalTo(2)).body("total", equalTo(8))
                .body("items.action", contains("SETTLED", "REFUNDED"));
        for (String kind : new String[] { "shipments", "invoices", "payments", "refunds" }) {
            given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/orders/" + id + "/" + kind).then().statusCode(200)
                    .body("page", equalTo(0)).body("size", equalTo(20)).body("total", equalTo(1))
                    .body("items.size()", equalTo(1)).body("items[0].orderId", equalTo(id));
            given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/orders/" + id + "/" + kind + "?page=1&size=1")
                    .then().statusCode(200).body("total", equalTo(1)).body("items.size()", equalTo(0));
            given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/orders/" + id + "/" + kind + "?size=201")
                    .then().statusCode(400).body("violations.field", hasItem("size"));
        }
        given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/orders/" + id + "/history?size=abc")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("size"));
        given().auth().oauth2(TestUsers.cindy()).when().get("/api/v1/orders/" + id + "/history").then().statusCode(404);
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
                { "/api/v1/delegations/" + UUID.randomUUID() + "/revoke", "alice" }, { order + "/short-close", "alice" },
                { order + "/short-close", "fiona" }, { "/api/v1/products/X-1/activate", "mike" } };
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
