package com.salesaffairs.order;

import static com.salesaffairs.order.OrderFixtures.aliceCustomer;
import static com.salesaffairs.order.OrderFixtures.aliceCustomerWithCredit;
import static com.salesaffairs.order.OrderFixtures.draft;
import static com.salesaffairs.order.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A partially shipped order closed on what has shipped, then invoiced and settled on that. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class ShortCloseTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static ValidatableResponse shortClose(String token, String id, String ifMatch) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"reason\":\"customer keeps what was delivered\"}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/v1/orders/" + id + "/short-close").then();
    }

    private static void ship(String id, String lines) {
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"SC\",\"lines\":[" + lines + "]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(201);
    }

    private static ValidatableResponse order(String id) {
        return given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id).then().statusCode(200);
    }

    private static ValidatableResponse stock(String sku) {
        return given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/inventory/" + sku).then().statusCode(200);
    }

    /** Two lines, 3 x 33.33 = 99.99 and 3 x 10.00 less 3.33% = 29.00 (128.99), NET30, approved; 5 of each in stock. */
    private static String[] approvedTwoLines() {
        String a = product("33.33", "20.00", 5);
        String b = product("10.00", "6.01", 5);
        String id = given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + aliceCustomerWithCredit() + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"NET30\","
                        + "\"shippingAddress\":\"1 Lake Rd, Hangzhou\",\"lines\":[{\"sku\":\"" + a + "\",\"quantity\":3},"
                        + "{\"sku\":\"" + b + "\",\"quantity\":3,\"discountPct\":3.33}]}")
                .when().post("/api/v1/orders").then().statusCode(201).body("netAmount", equalTo(128.99f)).extract().path("id");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        return new String[] { id, a, b };
    }

    @Test
    void a_short_closed_order_cancels_the_rest_releases_its_stock_and_is_invoiced_and_settled_on_what_shipped_to_the_cent()
            throws Exception {
        String[] o = approvedTwoLines();
        String id = o[0];
        ship(id, "{\"lineNo\":1,\"quantity\":1},{\"lineNo\":2,\"quantity\":2}");
        stock(o[1]).body("onHand", equalTo(4)).body("reserved", equalTo(2));
        stock(o[2]).body("onHand", equalTo(3)).body("reserved", equalTo(1));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{\"lines\":[{\"lineNo\":1,\"quantity\":1}]}")
                .when().post("/api/v1/orders/" + id + "/invoices").then().statusCode(201).body("amount", equalTo(33.33f));
        int version = order(id).body("status", equalTo("PARTIALLY_SHIPPED")).extract().path("version");

        // Shipped: 1 of line 1 (33.33) and 2 of line 2 (29.00 x 2/3 = 19.33): the order is worth 52.66 now.
        shortClose(TestUsers.mike(), id, "\"" + version + "\"").statusCode(200)
                .header("ETag", "\"" + (version + 1) + "\"")
                .body("status", equalTo("SHIPPED")).body("netAmount", equalTo(52.66f))
                .body("outstandingAmount", equalTo(52.66f)).body("invoicedAmount", equalTo(33.33f))
                .body("lines.cancelledQuantity", contains(2, 1)).body("lines.netAmount", contains(33.33f, 19.33f))
                .body("shortClosedAt", notNullValue());
        stock(o[1]).body("onHand", equalTo(4)).body("reserved", equalTo(0)).body("available", equalTo(4));
        stock(o[2]).body("onHand", equalTo(3)).body("reserved", equalTo(0)).body("available", equalTo(3));
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"X\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(409);

        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/orders/" + id + "/invoices").then().statusCode(201).body("amount", equalTo(19.33f));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":52.67,\"method\":\"BANK_TRANSFER\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(422).body("rule", equalTo("payment.overpayment"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":52.66,\"method\":\"BANK_TRANSFER\",\"reference\":\"SC-" + id + "\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(201).body("orderStatus", equalTo("SETTLED"))
                .body("outstandingAmount", equalTo(0.0f));
        order(id).body("status", equalTo("SETTLED")).body("netAmount", equalTo(52.66f)).body("invoicedAmount", equalTo(52.66f))
                .body("paidAmount", equalTo(52.66f));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id + "/history?size=200").then()
                .body("items.action", hasItem("SHORT_CLOSED"))
                .body("items.find { it.action == 'SHORT_CLOSED' }.actor", equalTo("mike"));

        EventProbe.Received closed = EventProbe.await("sales.order.events",
                r -> id.equals(r.key()) && "sales.order.short-closed.v1".equals(r.type()), Duration.ofSeconds(20));
        OrderToCashTest.assertMatchesSchema(closed);
        JsonNode p = JSON.readTree(closed.value());
        assertEquals(id, p.get("orderId").asText());
        assertEquals(TestUsers.ALICE_ID, p.get("ownerId").asText());
        assertEquals("east-1", p.get("team").asText());
        assertEquals("east", p.get("region").asText());
        assertEquals("CNY", p.get("currency").asText());
        assertEquals("mike", p.get("shortClosedBy").asText());
        assertEquals("customer keeps what was delivered", p.get("reason").asText());
        assertEquals(0, new BigDecimal("52.66").compareTo(p.get("netAmount").decimalValue()));
        assertEquals(0, new BigDecimal("128.99").compareTo(p.get("netAmountBefore").decimalValue()));
        // what did not ship was worth 99.99 - 33.33 and 29.00 - 19.33: together 128.99 - 52.66
        assertEquals(List.of(1, 2), List.of(p.get("lines").get(0).get("lineNo").asInt(), p.get("lines").get(1).get("lineNo").asInt()));
        assertEquals(o[1], p.get("lines").get(0).get("sku").asText());
        assertEquals(2, p.get("lines").get(0).get("quantityCancelled").asInt());
        assertEquals(1, p.get("lines").get(1).get("quantityCancelled").asInt());
        assertEquals(0, new BigDecimal("66.66").compareTo(p.get("lines").get(0).get("netAmountCancelled").decimalValue()));
        assertEquals(0, new BigDecimal("9.67").compareTo(p.get("lines").get(1).get("netAmountCancelled").decimalValue()));

        // The settlement reports what was sold: the shipped units and what they were worth.
        EventProbe.Received settled = EventProbe.await("sales.order.events",
                r -> id.equals(r.key()) && "sales.order.settled.v1".equals(r.type()), Duration.ofSeconds(20));
        OrderToCashTest.assertMatchesSchema(settled);
        JsonNode s = JSON.readTree(settled.value());
        assertEquals(0, new BigDecimal("52.66").compareTo(s.get("netAmount").decimalValue()));
        assertEquals(List.of(1, 2), List.of(s.get("lines").get(0).get("quantity").asInt(), s.get("lines").get(1).get("quantity").asInt()));
        assertEquals(0, new BigDecimal("52.66").compareTo(s.get("lines").get(0).get("netAmount").decimalValue()
                .add(s.get("lines").get(1).get("netAmount").decimalValue())));
        // cost: 20.00 of line 1; 18.03 x 2/3 = 12.02 of line 2
        assertEquals(0, new BigDecimal("32.02").compareTo(s.get("costAmount").decimalValue()), s.toString());
    }

    @Test
    void only_the_teams_manager_a_director_or_an_admin_short_closes_and_a_stale_version_changes_nothing() {
        String[] o = approvedTwoLines();
        String id = o[0];
        ship(id, "{\"lineNo\":1,\"quantity\":3}");
        int version = order(id).body("status", equalTo("PARTIALLY_SHIPPED")).extract().path("version");

        shortClose(TestUsers.alice(), id, null).statusCode(403).contentType("application/problem+json");
        shortClose(TestUsers.fiona(), id, null).statusCode(403);
        shortClose(TestUsers.walt(), id, null).statusCode(403);
        // Another team's manager does not see the order at all.
        shortClose(TestUsers.wendy(), id, null).statusCode(404);
        shortClose(TestUsers.diana(), id, "\"" + (version - 1) + "\"").statusCode(412);
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .when().post("/api/v1/orders/" + id + "/short-close").then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        order(id).body("status", equalTo("PARTIALLY_SHIPPED")).body("version", equalTo(version))
                .body("netAmount", equalTo(128.99f)).body("lines.cancelledQuantity", contains(0, 0));
        stock(o[2]).body("reserved", equalTo(3));

        // The director closes it without If-Match; line 2 shipped nothing and sells nothing now.
        shortClose(TestUsers.diana(), id, null).statusCode(200).body("status", equalTo("SHIPPED"))
                .body("netAmount", equalTo(99.99f)).body("lines.cancelledQuantity", contains(0, 3))
                .body("lines.netAmount", contains(99.99f, 0.0f));
        stock(o[2]).body("reserved", equalTo(0)).body("available", equalTo(5));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{\"amount\":99.99,\"method\":\"CARD\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(201).body("orderStatus", equalTo("SHIPPED"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/orders/" + id + "/invoices").then().statusCode(201).body("amount", equalTo(99.99f));
        order(id).body("status", equalTo("SETTLED"));
    }

    @Test
    void only_a_partially_shipped_order_is_short_closed() {
        String[] o = approvedTwoLines();
        String id = o[0];
        // Nothing shipped yet: cancel it instead.
        shortClose(TestUsers.mike(), id, null).statusCode(409).contentType("application/problem+json");
        ship(id, "{\"lineNo\":1,\"quantity\":3},{\"lineNo\":2,\"quantity\":3}");
        // Everything shipped: nothing to close.
        shortClose(TestUsers.mike(), id, null).statusCode(409);
        order(id).body("status", equalTo("SHIPPED")).body("netAmount", equalTo(128.99f));

        String draft = draft(TestUsers.alice(), aliceCustomer(), product("10.00", "5.00", 1), 1, "0", "PREPAID");
        shortClose(TestUsers.mike(), draft, null).statusCode(409);
    }

    @Test
    void an_order_paid_beyond_what_shipped_is_not_short_closed() {
        String sku = product("10.00", "5.00", 4);
        String id = draft(TestUsers.alice(), aliceCustomer(), sku, 4, "0", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{\"amount\":40.00,\"method\":\"CARD\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(201);
        ship(id, "{\"lineNo\":1,\"quantity\":1}");
        shortClose(TestUsers.mike(), id, null).statusCode(422).body("rule", equalTo("short-close.paid-amount"));
        order(id).body("status", equalTo("PARTIALLY_SHIPPED")).body("netAmount", equalTo(40.0f));
        stock(sku).body("reserved", equalTo(3));
    }
}
