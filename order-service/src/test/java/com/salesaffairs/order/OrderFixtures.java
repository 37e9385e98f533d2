package com.salesaffairs.order;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.TestUsers;

import io.restassured.http.ContentType;

/** Builds the world an order needs through the real paths: a replicated customer, a product, stock. */
final class OrderFixtures {
    private OrderFixtures() {
    }

    /** Publishes a customer fact owned by the given rep and waits until order-service has it. */
    static String customer(String ownerId, String team, String region) {
        String id = UUID.randomUUID().toString();
        String fact = "{\"customerId\":\"" + id + "\",\"name\":\"Customer " + id.substring(0, 8) + "\",\"ownerId\":\""
                + ownerId + "\",\"team\":\"" + team + "\",\"region\":\"" + region + "\",\"version\":0,"
                + "\"registeredAt\":\"2026-11-01T00:00:00Z\",\"updatedAt\":\"2026-11-01T00:00:00Z\"}";
        EventProbe.publish("sales.opportunity.events", id, EventProbe.cloudEventHeaders(UUID.randomUUID().toString(),
                "/opportunity-service", "sales.customer.registered.v1", id), fact);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            int status = given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/customers/" + id + "/credit")
                    .then().extract().statusCode();
            if (status == 200) {
                return id;
            }
            sleep();
        }
        throw new AssertionError("customer " + id + " was not replicated");
    }

    static String aliceCustomer() {
        return customer(TestUsers.ALICE_ID, "east-1", "east");
    }

    /** Alice's customer with a credit line from finance: NET30 orders within it need no review. */
    static String aliceCustomerWithCredit() {
        String id = aliceCustomer();
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{\"limit\":1000000.00,\"blocked\":false}")
                .when().put("/api/v1/customers/" + id + "/credit").then().statusCode(200);
        return id;
    }

    /** A product at the given list price with stock in one warehouse. */
    static String product(String listPrice, String unitCost, int stock) {
        return product(listPrice, unitCost, stock, "Pumps");
    }

    /** A product of a category at the given list price with stock in one warehouse. */
    static String product(String listPrice, String unitCost, int stock, String category) {
        String sku = "T-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(TestUsers.diana()).contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "name", category + " " + sku, "category", category, "listPrice", listPrice,
                        "unitCost", unitCost, "currency", "CNY"))
                .when().post("/api/v1/products").then().statusCode(201);
        if (stock > 0) {
            given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                    .body(Map.of("sku", sku, "warehouse", "WH-EAST", "quantity", stock))
                    .when().post("/api/v1/inventory/receipts").then().statusCode(201);
        }
        return sku;
    }

    static String orderBody(String customerId, String sku, int quantity, String discountPct, String terms) {
        return "{\"customerId\":\"" + customerId + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"" + terms + "\","
                + "\"shippingAddress\":\"1 Lake Rd, Hangzhou\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":"
                + quantity + ",\"discountPct\":" + discountPct + "}]}";
    }

    static String draft(String token, String customerId, String sku, int quantity, String discountPct, String terms) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(orderBody(customerId, sku, quantity, discountPct, terms))
                .when().post("/api/v1/orders").then().statusCode(201).extract().path("id");
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
