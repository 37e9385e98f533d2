package com.salesaffairs.order;

import static com.salesaffairs.order.OrderFixtures.aliceCustomer;
import static com.salesaffairs.order.OrderFixtures.draft;
import static com.salesaffairs.order.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class OrderToCashTest {

    @Test
    void an_order_without_approvals_goes_from_draft_to_settled_and_finance_reads_it_all_from_events() throws Exception {
        String customer = OrderFixtures.aliceCustomerWithCredit();
        String sku = product("1250.00", "700.00", 10);
        String id = draft(TestUsers.alice(), customer, sku, 4, "0", "NET30");

        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("approvals.size()", equalTo(0))
                .body("approvalPolicyVersion", equalTo(1));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/inventory/" + sku)
                .then().statusCode(200).body("onHand", equalTo(10)).body("reserved", equalTo(4)).body("available", equalTo(6));

        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"SF1\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(201)
                .body("orderStatus", equalTo("PARTIALLY_SHIPPED"));
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"SF2\",\"lines\":[{\"lineNo\":1,\"quantity\":3}]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(201)
                .body("orderStatus", equalTo("SHIPPED"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/inventory/" + sku)
                .then().body("onHand", equalTo(6)).body("reserved", equalTo(0)).body("available", equalTo(6));

        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/orders/" + id + "/invoices").then().statusCode(201).body("amount", equalTo(5000.00f));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":2000.00,\"method\":\"BANK_TRANSFER\",\"reference\":\"BT-1\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(201)
                .body("orderStatus", equalTo("SHIPPED")).body("outstandingAmount", equalTo(3000.00f));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":3000.01,\"method\":\"BANK_TRANSFER\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(422)
                .body("rule", equalTo("payment.overpayment"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":3000.00,\"method\":\"BANK_TRANSFER\",\"reference\":\"BT-2\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(201)
                .body("orderStatus", equalTo("SETTLED"));

        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id + "/history").then().statusCode(200)
                .body("items.action", hasItems("CREATED", "SUBMITTED", "APPROVED", "SHIPPED", "INVOICED", "PAYMENT_RECEIVED", "SETTLED"))
                .body("items.find { it.action == 'SUBMITTED' }.policyKey", equalTo("order.approval"))
                .body("items.find { it.action == 'SUBMITTED' }.policyVersion", equalTo(1));

        EventProbe.Received settled = EventProbe.await("sales.order.events",
                r -> id.equals(r.key()) && "sales.order.settled.v1".equals(r.type()), Duration.ofSeconds(20));
        JsonNode p = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(settled.value());
        assertTrue(settled.value().contains("\"netAmount\":5000.00"), "money has two decimals: " + settled.value());
        assertEquals(id, settled.headers().get("ce_subject"));
        assertEquals("/order-service", settled.headers().get("ce_source"));
        assertEquals(customer, p.path("customerId").asText());
        assertEquals(TestUsers.ALICE_ID, p.path("ownerId").asText());
        assertEquals("east-1", p.path("team").asText());
        assertEquals("east", p.path("region").asText());
        assertEquals("DIRECT", p.path("channel").asText());
        assertEquals("CNY", p.path("currency").asText());
        assertEquals(0, new BigDecimal("5000.00").compareTo(p.path("netAmount").decimalValue()));
        assertEquals(0, new BigDecimal("2800.00").compareTo(p.path("costAmount").decimalValue()));
        assertTrue(p.hasNonNull("settledAt"));
        assertEquals("Pumps", p.path("lines").get(0).path("category").asText());
        assertEquals(4, p.path("lines").get(0).path("quantity").asInt());

        List<EventProbe.Received> all = EventProbe.all("sales.order.events", r -> id.equals(r.key()), Duration.ofSeconds(3));
        for (EventProbe.Received event : all) {
            assertMatchesSchema(event);
        }
        List<String> types = all.stream().map(EventProbe.Received::type).toList();
        assertEquals(List.of("sales.order.submitted.v1", "sales.order.approved.v1", "sales.order.shipped.v1",
                "sales.order.shipped.v1", "sales.order.invoiced.v1", "sales.order.payment-received.v1",
                "sales.order.payment-received.v1", "sales.order.settled.v1"), types);
    }

    @Test
    void the_events_of_a_request_continue_its_w3c_trace_each_as_a_span_of_its_own() {
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        String parentSpan = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String parent = "00-" + traceId + "-" + parentSpan + "-01";
        String id = draft(TestUsers.alice(), OrderFixtures.aliceCustomerWithCredit(), product("10.00", "5.00", 2), 2, "0",
                "NET30");
        given().auth().oauth2(TestUsers.alice()).header("traceparent", parent).when().post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("APPROVED"));

        for (String type : List.of("sales.order.submitted.v1", "sales.order.approved.v1")) {
            String traceparent = EventProbe.await("sales.order.events", r -> id.equals(r.key()) && type.equals(r.type()),
                    Duration.ofSeconds(20)).headers().get("traceparent");
            assertTrue(traceparent.matches("00-" + traceId + "-[0-9a-f]{16}-01"), type + ": " + traceparent);
            assertTrue(!traceparent.contains(parentSpan), type + " is a span of its own: " + traceparent);
        }

        // The next request without a traceparent starts a trace of its own.
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"TR-1\",\"lines\":[{\"lineNo\":1,\"quantity\":2}]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(201);
        String shipped = EventProbe.await("sales.order.events",
                r -> id.equals(r.key()) && "sales.order.shipped.v1".equals(r.type()), Duration.ofSeconds(20))
                .headers().get("traceparent");
        assertTrue(shipped.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01") && !shipped.contains(traceId), shipped);
    }

    /** Every published payload must match the JSON Schema the service publishes for its type. */
    static void assertMatchesSchema(EventProbe.Received event) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (var in = OrderToCashTest.class.getClassLoader().getResourceAsStream("schemas/" + event.type() + ".json")) {
            org.junit.jupiter.api.Assertions.assertNotNull(in, "no schema for " + event.type());
            JsonSchema schema = factory.getSchema(in);
            JsonNode payload = new ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(event.value());
            Set<ValidationMessage> errors = schema.validate(payload);
            assertTrue(errors.isEmpty(), event.type() + " breaks its schema: " + errors + " in " + event.value());
        }
    }

    @Test
    void a_discount_above_ten_percent_waits_for_the_team_manager_and_a_rejection_returns_it_to_the_rep() {
        String customer = aliceCustomer();
        String sku = product("100.00", "60.00", 50);
        String id = draft(TestUsers.alice(), customer, sku, 10, "15", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("PENDING_APPROVAL"))
                .body("approvals[0].role", equalTo("sales-manager")).body("approvals[0].status", equalTo("PENDING"));
        given().auth().oauth2(TestUsers.wendy()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(404);
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(403);
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(403);
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body("{\"decision\":\"REJECT\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(400)
                .body("violations[0].field", equalTo("comment"));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECT\",\"comment\":\"10% is the most we give this customer\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(200)
                .body("status", equalTo("REJECTED"));

        // The rep edits and resubmits: a fresh chain from the policy, and now nothing to approve.
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(OrderFixtures.orderBody(customer, sku, 10, "10", "PREPAID"))
                .when().put("/api/v1/orders/" + id).then().statusCode(200).body("netAmount", equalTo(900.00f));
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(OrderFixtures.orderBody(customer, sku, 10, "0", "PREPAID"))
                .when().put("/api/v1/orders/" + id).then().statusCode(409);
    }

    @Test
    void a_resubmitted_order_keeps_its_rejected_round_and_renumbers_its_edited_lines() {
        String customer = aliceCustomer();
        String a = product("100.00", "60.00", 50);
        String b = product("40.00", "20.00", 50);
        String id = given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(linesBody(customer, a + ":2:12", b + ":3:0"))
                .when().post("/api/v1/orders").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(linesBody(customer, b + ":1:0", a + ":2:12", b + ":4:5"))
                .when().put("/api/v1/orders/" + id).then().statusCode(200)
                .body("lines.lineNo", equalTo(List.of(1, 2, 3))).body("lines.sku", equalTo(List.of(b, a, b)));
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body("{\"decision\":\"REJECT\",\"comment\":\"too many lines\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(200);

        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(linesBody(customer, a + ":5:15"))
                .when().put("/api/v1/orders/" + id).then().statusCode(200);
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("PENDING_APPROVAL"));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(200)
                .body("status", equalTo("APPROVED"));

        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id).then().statusCode(200)
                .body("lines.lineNo", equalTo(List.of(1))).body("lines[0].quantity", equalTo(5))
                .body("netAmount", equalTo(425.00f))
                .body("approvals.round", equalTo(List.of(1, 2)))
                .body("approvals.status", equalTo(List.of("REJECTED", "APPROVED")))
                .body("approvals[0].comment", equalTo("too many lines"));
    }

    @Test
    void shipments_and_invoices_list_their_lines_with_the_net_amount_of_each_part_to_the_cent() {
        String a = product("33.33", "20.00", 5);
        String b = product("10.00", "6.00", 5);
        // line 1: 3 x 33.33 = 99.99; line 2: 3 x 10.00 less 3.33% = 29.00, a third of which is 9.666...
        String id = given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(linesBody(aliceCustomer(), a + ":3:0", b + ":3:3.33"))
                .when().post("/api/v1/orders").then().statusCode(201).body("netAmount", equalTo(128.99f)).extract().path("id");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{\"amount\":128.99,\"method\":\"CARD\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(201);

        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"L1\",\"lines\":[{\"lineNo\":1,\"quantity\":1},{\"lineNo\":2,\"quantity\":1}]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(201)
                .body("lines.lineNo", equalTo(List.of(1, 2))).body("lines.sku", equalTo(List.of(a, b)))
                .body("lines.quantity", equalTo(List.of(1, 1))).body("lines.amount", equalTo(List.of(33.33f, 9.67f)));
        String invoice = given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/orders/" + id + "/invoices").then().statusCode(201).body("amount", equalTo(43.00f))
                .body("lines.amount", equalTo(List.of(33.33f, 9.67f))).extract().header("Location");
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"L2\",\"lines\":[{\"lineNo\":2,\"quantity\":2},{\"lineNo\":1,\"quantity\":2}]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(201);
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/orders/" + id + "/invoices").then().statusCode(201).body("amount", equalTo(85.99f));

        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id + "/shipments").then().statusCode(200)
                .body("items[0].lines.amount", equalTo(List.of(33.33f, 9.67f)))
                .body("items[1].lines.lineNo", equalTo(List.of(2, 1)))
                .body("items[1].lines.sku", equalTo(List.of(b, a)))
                .body("items[1].lines.quantity", equalTo(List.of(2, 2)))
                // what is left of each line, so the parts of a line add up to it: 99.99 - 33.33, 29.00 - 9.67
                .body("items[1].lines.amount", equalTo(List.of(19.33f, 66.66f)));
        given().auth().oauth2(TestUsers.alice()).when().get(invoice).then().statusCode(200)
                .body("lines.lineNo", equalTo(List.of(1, 2))).body("lines.sku", equalTo(List.of(a, b)))
                .body("lines.quantity", equalTo(List.of(1, 1))).body("lines.amount", equalTo(List.of(33.33f, 9.67f)));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id + "/invoices").then()
                .body("items[1].lines.amount", hasItems(19.33f, 66.66f));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id).then().body("status", equalTo("SETTLED"));
    }

    /** An order body with lines given as "sku:quantity:discountPct". */
    private static String linesBody(String customerId, String... lines) {
        StringBuilder json = new StringBuilder("{\"customerId\":\"" + customerId + "\",\"channel\":\"DIRECT\","
                + "\"paymentTerms\":\"PREPAID\",\"shippingAddress\":\"1 Lake Rd, Hangzhou\",\"lines\":[");
        for (int i = 0; i < lines.length; i++) {
            String[] l = lines[i].split(":");
            json.append(i == 0 ? "" : ",").append("{\"sku\":\"").append(l[0]).append("\",\"quantity\":").append(l[1])
                    .append(",\"discountPct\":").append(l[2]).append('}');
        }
        return json.append("]}").toString();
    }

    @Test
    void a_large_discount_non_standard_terms_and_no_credit_need_director_finance_and_legal_in_parallel() {
        String customer = aliceCustomer();
        String sku = product("1000.00", "500.00", 20);
        String id = draft(TestUsers.alice(), customer, sku, 10, "30", "NET90");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("PENDING_APPROVAL"))
                .body("approvals.role", equalTo(List.of("sales-director", "finance", "order-reviewer")));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(403);
        given().auth().oauth2(TestUsers.rita()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(200)
                .body("status", equalTo("PENDING_APPROVAL"));
        given().auth().oauth2(TestUsers.diana()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\",\"comment\":\"strategic\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("shipBy", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(TestUsers.diana()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(409);
    }

    @Test
    void submission_rules_fail_with_422_naming_the_rule() {
        String customer = aliceCustomer();
        String sku = product("100.00", "60.00", 5);
        String overCap = draft(TestUsers.alice(), customer, sku, 1, "41", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + overCap + "/submit")
                .then().statusCode(422).body("rule", equalTo("order.discount-cap"));
        String tooMany = draft(TestUsers.alice(), customer, sku, 6, "0", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + tooMany + "/submit")
                .then().statusCode(422).body("rule", equalTo("order.stock-available"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).header("If-Match", "\"99\"")
                .body("{\"limit\":0,\"blocked\":true}")
                .when().put("/api/v1/customers/" + customer + "/credit").then().statusCode(412);
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{\"limit\":0,\"blocked\":true}")
                .when().put("/api/v1/customers/" + customer + "/credit").then().statusCode(200)
                .body("blocked", equalTo(true)).body("limit", equalTo(0.0f));
        String blocked = draft(TestUsers.alice(), customer, sku, 1, "0", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + blocked + "/submit")
                .then().statusCode(422).body("rule", equalTo("order.customer-blocked"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + blocked)
                .then().body("status", equalTo("DRAFT"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"channel\":\"DIRECT\",\"paymentTerms\":\"PREPAID\","
                        + "\"shippingAddress\":\"x\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1,\"unitPrice\":90.00}]}")
                .when().post("/api/v1/orders").then().statusCode(422).body("rule", equalTo("order.price-list"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(OrderFixtures.orderBody(customer, "NO-SUCH-SKU", 1, "0", "PREPAID"))
                .when().post("/api/v1/orders").then().statusCode(422).body("rule", equalTo("order.sku-known"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(OrderFixtures.orderBody(customer, sku, 1, "0", "PREPAID").replace("\"channel\"", "\"currency\":\"USD\",\"channel\""))
                .when().post("/api/v1/orders").then().statusCode(422).body("rule", equalTo("order.currency"));
    }

    @Test
    void a_prepaid_order_ships_only_once_paid_and_settles_when_invoiced() {
        String sku = product("50.00", "30.00", 5);
        String id = draft(TestUsers.alice(), aliceCustomer(), sku, 2, "0", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        String shipment = "{\"carrier\":\"SF\",\"trackingNumber\":\"P1\",\"lines\":[{\"lineNo\":1,\"quantity\":2}]}";
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON).body(shipment)
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(422)
                .body("rule", equalTo("shipment.prepaid-unpaid"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{\"amount\":100.00,\"method\":\"CARD\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(201).body("orderStatus", equalTo("APPROVED"));
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON).body(shipment)
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(201).body("orderStatus", equalTo("SHIPPED"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id).then().body("status", equalTo("SHIPPED"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/orders/" + id + "/invoices").then().statusCode(201);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id).then().body("status", equalTo("SETTLED"));
        EventProbe.await("sales.order.events", r -> id.equals(r.key()) && "sales.order.settled.v1".equals(r.type()),
                Duration.ofSeconds(20));
    }

    @Test
    void cancelling_an_approved_order_releases_its_stock() {
        String customer = aliceCustomer();
        String sku = product("10.00", "5.00", 3);
        String id = draft(TestUsers.alice(), customer, sku, 3, "0", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/inventory/" + sku).then().body("available", equalTo(0));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"reason\":\"customer withdrew\"}")
                .when().post("/api/v1/orders/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/inventory/" + sku)
                .then().body("available", equalTo(3)).body("reserved", equalTo(0));
        EventProbe.await("sales.order.events", r -> id.equals(r.key()) && "sales.order.cancelled.v1".equals(r.type()),
                Duration.ofSeconds(20));
    }

    private static io.restassured.response.ValidatableResponse cancel(String token, String orderId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"customer withdrew\"}")
                .when().post("/api/v1/orders/" + orderId + "/cancel").then();
    }

    @Test
    void a_prepaid_order_paid_and_then_withdrawn_is_cancelled_with_its_payment_due_back() throws Exception {
        String sku = product("10.00", "5.00", 2);
        String id = draft(TestUsers.alice(), aliceCustomer(), sku, 2, "0", "PREPAID");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":20.00,\"method\":\"BANK_TRANSFER\",\"reference\":\"PRE-" + id + "\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(201);
        // Money received becomes money owed back: not the rep's call.
        cancel(TestUsers.alice(), id).statusCode(403);
        cancel(TestUsers.mike(), id).statusCode(403);
        cancel(TestUsers.fiona(), id).statusCode(200)
                .body("status", equalTo("CANCELLED")).body("refundDue", equalTo(20.00f))
                .body("outstandingAmount", equalTo(0.00f));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/inventory/" + sku)
                .then().body("available", equalTo(2)).body("reserved", equalTo(0));
        EventProbe.Received cancelled = EventProbe.await("sales.order.events",
                r -> id.equals(r.key()) && "sales.order.cancelled.v1".equals(r.type()), Duration.ofSeconds(20));
        assertMatchesSchema(cancelled);
        JsonNode payload = new ObjectMapper().readTree(cancelled.value());
        assertEquals(0, new BigDecimal("20.00").compareTo(payload.get("paidAmount").decimalValue()));
        assertEquals(0, new BigDecimal("20.00").compareTo(payload.get("refundDue").decimalValue()));
    }

    @Test
    void a_cash_on_delivery_invoice_is_due_on_issue_and_a_new_fulfilment_policy_names_every_term() {
        String id = draft(TestUsers.alice(), OrderFixtures.aliceCustomerWithCredit(), product("10.00", "5.00", 1), 1, "0",
                "CASH_ON_DELIVERY");
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit").then().statusCode(200)
                .body("approvals.role", equalTo(List.of("order-reviewer")));
        given().auth().oauth2(TestUsers.rita()).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .when().post("/api/v1/orders/" + id + "/approvals").then().statusCode(200).body("status", equalTo("APPROVED"));
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"COD-1\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(201);
        // order.fulfilment v1 names no days for cash on delivery: due when issued, not a default 30 days later.
        String issued = given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/orders/" + id + "/invoices").then().statusCode(201).extract().path("issuedAt");
        given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/orders/" + id + "/invoices").then()
                .body("items[0].dueDate", equalTo(issued.substring(0, 10)));
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":{\"shipWithinBusinessDays\":3,\"paymentDueDays\":{\"PREPAID\":0,\"NET30\":30,"
                        + "\"NET60\":60,\"NET90\":90}},\"rationale\":\"same terms\"}")
                .when().post("/api/v1/policies/order.fulfilment/drafts").then().statusCode(400)
                .body("violations.field", hasItems("content.paymentDueDays.CASH_ON_DELIVERY",
                        "content.paymentDueDays.LETTER_OF_CREDIT"));
    }
}
