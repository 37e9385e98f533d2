package com.salesaffairs.order;

import static com.salesaffairs.order.OrderFixtures.aliceCustomer;
import static com.salesaffairs.order.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class CatalogueTest {

    @Test
    void a_deactivated_product_cannot_be_ordered_until_it_is_active_again() {
        String sku = product("10.00", "5.00", 5);
        String customer = aliceCustomer();
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/products/" + sku + "/deactivate").then().statusCode(403);
        given().auth().oauth2(TestUsers.diana()).when().post("/api/v1/products/" + sku + "/deactivate")
                .then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(OrderFixtures.orderBody(customer, sku, 1, "0", "PREPAID"))
                .when().post("/api/v1/orders").then().statusCode(422).body("rule", equalTo("order.sku-known"));
        given().auth().oauth2(TestUsers.admin()).when().post("/api/v1/products/" + sku + "/activate")
                .then().statusCode(200).body("active", equalTo(true));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(OrderFixtures.orderBody(customer, sku, 1, "0", "PREPAID"))
                .when().post("/api/v1/orders").then().statusCode(201);
        given().auth().oauth2(TestUsers.diana()).when().post("/api/v1/products/NOPE-" + UUID.randomUUID() + "/deactivate")
                .then().statusCode(404);
    }

    @Test
    void activating_and_deactivating_a_product_honour_if_match_and_answer_the_new_version_as_etag() {
        String sku = product("10.00", "5.00", 0);
        int v0 = given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/products/" + sku).then().statusCode(200)
                .extract().path("version");
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/products/" + sku).then().header("ETag", "\"" + v0 + "\"");

        given().auth().oauth2(TestUsers.diana()).header("If-Match", "\"" + (v0 + 5) + "\"")
                .when().post("/api/v1/products/" + sku + "/deactivate").then().statusCode(412)
                .contentType("application/problem+json");
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/products/" + sku).then()
                .body("active", equalTo(true)).body("version", equalTo(v0));

        given().auth().oauth2(TestUsers.diana()).header("If-Match", "\"" + v0 + "\"")
                .when().post("/api/v1/products/" + sku + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false)).body("version", equalTo(v0 + 1)).header("ETag", "\"" + (v0 + 1) + "\"");
        // The version the first deactivation saw is stale now: the activation is refused and changes nothing.
        given().auth().oauth2(TestUsers.admin()).header("If-Match", "\"" + v0 + "\"")
                .when().post("/api/v1/products/" + sku + "/activate").then().statusCode(412);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/products/" + sku).then()
                .body("active", equalTo(false)).body("version", equalTo(v0 + 1));

        // Without If-Match the action still works, as every other action does.
        given().auth().oauth2(TestUsers.admin()).when().post("/api/v1/products/" + sku + "/activate").then().statusCode(200)
                .body("active", equalTo(true)).header("ETag", "\"" + (v0 + 2) + "\"");
        given().auth().oauth2(TestUsers.diana()).header("If-Match", "three")
                .when().post("/api/v1/products/" + sku + "/deactivate").then().statusCode(400)
                .body("violations.field", hasItem("If-Match"));
    }

    @Test
    void stock_is_known_per_warehouse_and_availability_says_what_is_short() {
        String sku = product("10.00", "5.00", 4);
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"warehouse\":\"WH-WEST\",\"quantity\":6}")
                .when().post("/api/v1/inventory/receipts").then().statusCode(201);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/inventory/" + sku).then().statusCode(200)
                .body("onHand", equalTo(10)).body("warehouses.warehouse", hasItem("WH-WEST"))
                .body("warehouses.find { it.warehouse == 'WH-EAST' }.available", equalTo(4));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/warehouses").then().statusCode(200)
                .body("warehouse", hasItem("WH-WEST")).body("warehouse", hasItem("WH-EAST"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":12}]}")
                .when().post("/api/v1/inventory/availability").then().statusCode(200)
                .body("allAvailable", equalTo(false)).body("lines[0].available", equalTo(10))
                .body("lines[0].shortBy", equalTo(2));
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"warehouse\":\"WH-WEST\",\"quantity\":0}")
                .when().post("/api/v1/inventory/receipts").then().statusCode(400).body("violations[0].field", equalTo("quantity"));
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"sku\":\"NO-SUCH\",\"warehouse\":\"WH-WEST\",\"quantity\":1}")
                .when().post("/api/v1/inventory/receipts").then().statusCode(422)
                .body("rule", equalTo("receipt.sku-known")).body("violations[0].field", equalTo("sku"));
        given().auth().oauth2(TestUsers.diana()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"name\":\"x\",\"category\":\"c\",\"listPrice\":1.00,\"unitCost\":1.00}")
                .when().post("/api/v1/products").then().statusCode(409);
        given().auth().oauth2(TestUsers.diana()).contentType(ContentType.JSON)
                .body("{\"sku\":\"N-" + UUID.randomUUID().toString().substring(0, 6) + "\",\"name\":\"x\",\"category\":\"c\",\"listPrice\":-1,\"unitCost\":1.001}")
                .when().post("/api/v1/products").then().statusCode(400)
                .body("violations.field", hasItem("listPrice")).body("violations.field", hasItem("unitCost"));
    }
}
