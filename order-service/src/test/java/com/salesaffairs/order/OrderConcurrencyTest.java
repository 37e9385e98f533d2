package com.salesaffairs.order;

import static com.salesaffairs.order.OrderFixtures.aliceCustomer;
import static com.salesaffairs.order.OrderFixtures.draft;
import static com.salesaffairs.order.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class OrderConcurrencyTest {

    /** Fires the calls at the same moment and returns their status codes. */
    private static List<Integer> race(int n, Supplier<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return call.get();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Alice submits the orders at the same moment; returns their status codes. */
    private static List<Integer> submitAtOnce(List<String> ids) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return race(ids.size(), () -> given().auth().oauth2(TestUsers.alice())
                .when().post("/api/v1/orders/" + ids.get(next.getAndIncrement()) + "/submit").then().extract().statusCode());
    }

    private static void assertOneWins(List<Integer> statuses, int success) {
        assertEquals(1, statuses.stream().filter(s -> s == success).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(s -> s == success || s == 409 || s == 422), statuses.toString());
    }

    @Test
    void two_approvals_of_the_same_step_at_once_one_wins_the_other_is_409() throws Exception {
        String id = draft(TestUsers.alice(), aliceCustomer(), product("100.00", "50.00", 10), 2, "12", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit")
                .then().body("status", equalTo("PENDING_APPROVAL"));
        List<Integer> statuses = race(4, () -> given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVE\"}").when().post("/api/v1/orders/" + id + "/approvals").then()
                .extract().statusCode());
        assertOneWins(statuses, 200);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id)
                .then().body("status", equalTo("APPROVED")).body("approvals.size()", equalTo(1));
    }

    @Test
    void two_clerks_shipping_the_last_units_at_once_one_wins_and_stock_stays_consistent() throws Exception {
        String sku = product("100.00", "50.00", 3);
        String id = draft(TestUsers.alice(), OrderFixtures.aliceCustomerWithCredit(), sku, 3, "0", "NET30");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit")
                .then().body("status", equalTo("APPROVED"));
        List<Integer> statuses = race(3, () -> given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"T\",\"lines\":[{\"lineNo\":1,\"quantity\":3}]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().extract().statusCode());
        assertOneWins(statuses, 201);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/inventory/" + sku)
                .then().body("onHand", equalTo(0)).body("reserved", equalTo(0));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id)
                .then().body("status", equalTo("SHIPPED")).body("lines[0].shippedQuantity", equalTo(3));
    }

    @Test
    void two_orders_racing_for_the_last_stock_never_drive_it_negative() throws Exception {
        String sku = product("100.00", "50.00", 2);
        String customer = aliceCustomer();
        String a = draft(TestUsers.alice(), customer, sku, 2, "0", "PREPAID");
        String b = draft(TestUsers.alice(), customer, sku, 2, "0", "PREPAID");
        List<String> ids = List.of(a, b);
        List<Integer> statuses = submitAtOnce(ids);
        assertOneWins(statuses, 200);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/inventory/" + sku)
                .then().body("onHand", equalTo(2)).body("reserved", equalTo(2)).body("available", equalTo(0));
    }

    @Test
    void two_orders_submitted_at_once_count_each_other_against_the_credit_limit() throws Exception {
        String customer = aliceCustomer();
        fiona().body("{\"limit\":1000.00,\"blocked\":false}").when().put("/api/v1/customers/" + customer + "/credit")
                .then().statusCode(200);
        // Each within the limit alone (600.00 of 1000.00), not both; different products, so stock does not decide.
        List<String> ids = List.of(draft(TestUsers.alice(), customer, product("100.00", "50.00", 6), 6, "0", "NET30"),
                draft(TestUsers.alice(), customer, product("100.00", "50.00", 6), 6, "0", "NET30"));
        List<Integer> statuses = submitAtOnce(ids);
        assertEquals(List.of(200, 200), statuses);
        List<String> outcomes = ids.stream().map(id -> given().auth().oauth2(TestUsers.alice())
                .when().get("/api/v1/orders/" + id).then().extract().<String>path("status")).sorted().toList();
        assertEquals(List.of("APPROVED", "PENDING_APPROVAL"), outcomes);
    }

    /** An order of one unit at 100.00, shipped and invoiced: what finance takes payments for. */
    private static String invoicedOrder() {
        String id = draft(TestUsers.alice(), OrderFixtures.aliceCustomerWithCredit(), product("100.00", "50.00", 1), 1, "0",
                "NET30");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"T\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(201);
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/orders/" + id + "/invoices").then().statusCode(201);
        return id;
    }

    private static RequestSpecification fiona() {
        return given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON);
    }

    @Test
    void a_double_clicked_payment_is_taken_once() throws Exception {
        String id = invoicedOrder();
        List<Integer> statuses = race(3, () -> fiona().body("{\"amount\":100.00,\"method\":\"CARD\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().extract().statusCode());
        assertOneWins(statuses, 201);
        fiona().when().get("/api/v1/orders/" + id).then().body("paidAmount", equalTo(100.0f)).body("status", equalTo("SETTLED"));
    }

    @Test
    void a_double_clicked_partial_payment_with_its_remittance_reference_is_taken_once() throws Exception {
        String id = invoicedOrder();
        List<Integer> statuses = race(3, () -> fiona()
                .body("{\"amount\":40.00,\"method\":\"BANK_TRANSFER\",\"reference\":\"TRX-7781\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().extract().statusCode());
        assertEquals(List.of(201, 409, 409), statuses.stream().sorted().toList());
        fiona().body("{\"amount\":40.00,\"method\":\"BANK_TRANSFER\",\"reference\":\" trx-7781 \"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(409)
                .body("rule", equalTo("payment.duplicate-reference")).body("detail", containsString("trx-7781"));
        fiona().body("{\"amount\":40.00,\"method\":\"BANK_TRANSFER\",\"reference\":\"TRX-7790\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(201);
        fiona().when().get("/api/v1/orders/" + id).then().body("paidAmount", equalTo(80.0f))
                .body("status", equalTo("SHIPPED"));
        fiona().when().get("/api/v1/orders/" + id + "/payments").then().body("items.size()", equalTo(2))
                .body("items.reference", contains("TRX-7781", "TRX-7790"));
    }

    @Test
    void a_double_clicked_partial_payment_with_one_idempotency_key_is_taken_once() throws Exception {
        String id = invoicedOrder();
        String payment = "{\"amount\":40.00,\"method\":\"CARD\"}";
        List<Integer> statuses = race(3, () -> fiona().header("Idempotency-Key", "click-" + id).body(payment)
                .when().post("/api/v1/orders/" + id + "/payments").then().extract().statusCode());
        // The first is recorded; the others wait for it and replay its answer.
        assertEquals(List.of(201, 201, 201), statuses);
        fiona().when().get("/api/v1/orders/" + id + "/payments").then().body("items.size()", equalTo(1));
        fiona().when().get("/api/v1/orders/" + id).then().body("paidAmount", equalTo(40.0f));

        String first = fiona().when().get("/api/v1/orders/" + id + "/payments").then().extract().path("items[0].id");
        fiona().header("Idempotency-Key", "click-" + id).body(payment).when().post("/api/v1/orders/" + id + "/payments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .header("Location", endsWith("/payments/" + first));
        fiona().header("Idempotency-Key", "click-" + id).body("{\"amount\":45.00,\"method\":\"CARD\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(422)
                .body("rule", equalTo("idempotency-key.reused"));
        fiona().when().get("/api/v1/orders/" + id).then().body("paidAmount", equalTo(40.0f));
    }

    @Test
    void orders_submitted_at_once_that_the_stock_covers_are_all_approved() throws Exception {
        for (int round = 0; round < 3; round++) {
            String sku = product("10.00", "5.00", 6);
            String customer = aliceCustomer();
            List<String> ids = List.of(draft(TestUsers.alice(), customer, sku, 2, "0", "PREPAID"),
                    draft(TestUsers.alice(), customer, sku, 2, "0", "PREPAID"),
                    draft(TestUsers.alice(), customer, sku, 2, "0", "PREPAID"));
            // Each submission reads availability, then locks the rows to reserve: it must reserve from what it locked.
            assertEquals(List.of(200, 200, 200), submitAtOnce(ids));
            given().auth().oauth2(TestUsers.walt()).when().get("/api/v1/inventory/" + sku).then()
                    .body("reserved", equalTo(6)).body("available", equalTo(0));
        }
    }

    @Test
    void orders_shipping_the_same_skus_in_opposite_line_order_at_once_both_ship() throws Exception {
        for (int round = 0; round < 4; round++) {
            String x = product("10.00", "5.00", 4);
            String y = product("10.00", "5.00", 4);
            String customer = aliceCustomer();
            List<String> ids = List.of(twoLineOrder(customer, x, y), twoLineOrder(customer, y, x));
            AtomicInteger next = new AtomicInteger();
            List<Integer> statuses = race(2, () -> given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                    .body("{\"carrier\":\"SF\",\"trackingNumber\":\"T" + next.get() + "\","
                            + "\"lines\":[{\"lineNo\":1,\"quantity\":2},{\"lineNo\":2,\"quantity\":2}]}")
                    .when().post("/api/v1/orders/" + ids.get(next.getAndIncrement()) + "/shipments").then()
                    .extract().statusCode());
            // Stock rows are locked in sku order whatever the line order, so neither waits for the other in a cycle.
            assertEquals(List.of(201, 201), statuses);
            for (String sku : List.of(x, y)) {
                given().auth().oauth2(TestUsers.walt()).when().get("/api/v1/inventory/" + sku).then()
                        .body("onHand", equalTo(0)).body("reserved", equalTo(0));
            }
        }
    }

    /** An approved prepaid order of alice's, paid in full, for 2 units of each sku in the given line order. */
    private static String twoLineOrder(String customer, String first, String second) {
        String id = given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\","
                        + "\"shippingAddress\":\"1 Lake Rd\",\"lines\":[{\"sku\":\"" + first + "\",\"quantity\":2},"
                        + "{\"sku\":\"" + second + "\",\"quantity\":2}]}")
                .when().post("/api/v1/orders").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":40.00,\"method\":\"BANK_TRANSFER\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(201);
        return id;
    }
}
