package com.salesaffairs.order;

import static com.salesaffairs.order.OrderFixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * An order may name a won opportunity of its own customer: order-service learns opportunities
 * from opportunity-service's won, lost and reopened facts on sales.opportunity.events, published
 * here to the in-JVM broker as opportunity-service publishes them.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class OpportunityLinkTest {
    private static final String TOPIC = "sales.opportunity.events";

    @Inject
    EntityManager em;

    /** A fact as opportunity-service writes it: the opportunity as it now stands, with its version. */
    static String fact(String type, String opportunityId, String customerId, long version, String sku) {
        String stage = switch (type) {
            case "won" -> "WON";
            case "lost" -> "LOST";
            default -> "NEGOTIATION";
        };
        StringBuilder b = new StringBuilder("{\"opportunityId\":\"" + opportunityId + "\",\"customerId\":\"" + customerId
                + "\",\"customerName\":\"Customer\",\"title\":\"Pumps for the new plant\",\"source\":\"REFERRAL\","
                + "\"sourceDetail\":\"met at the fair\",\"productsOfInterest\":[],\"capturedBy\":\"" + TestUsers.MIKE_ID
                + "\",\"capturedAt\":\"2026-11-01T00:00:00Z\",\"assigneeId\":\"" + TestUsers.ALICE_ID
                + "\",\"team\":\"east-1\",\"region\":\"east\",\"stage\":\"" + stage + "\",\"probability\":"
                + ("won".equals(type) ? 100 : "lost".equals(type) ? 0 : 60) + ",\"probabilityPolicyVersion\":null,"
                + "\"estimatedAmount\":5000.00,\"currency\":\"CNY\",\"expectedCloseDate\":null,\"version\":" + version
                + ",\"recordedAt\":\"2026-11-20T00:00:00Z\"");
        if ("reopened".equals(type)) {
            b.append(",\"reopenedFrom\":\"WON\",\"reopenedBy\":\"" + TestUsers.MIKE_ID + "\",\"reopenedAt\":"
                    + "\"2026-11-21T00:00:00Z\",\"reason\":\"customer withdrew the budget\","
                    + "\"nextFollowUpAt\":\"2026-11-28T00:00:00Z\"");
        } else {
            b.append(",\"closedFromStage\":\"NEGOTIATION\",\"closedAt\":\"2026-11-20T00:00:00Z\",\"closedBy\":\""
                    + TestUsers.ALICE_ID + "\",\"cycleDays\":19,\"reason\":" + ("won".equals(type) ? "null" : "\"PRICE\"")
                    + ",\"competitor\":null");
        }
        if ("won".equals(type)) {
            b.append(",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":4,\"unitPrice\":1250.00},"
                    + "{\"sku\":\"" + sku + "\",\"quantity\":1,\"unitPrice\":null}]");
        }
        return b.append('}').toString();
    }

    /** Publishes a won, lost or reopened fact under the given ce_id; key and subject are the opportunity. */
    static void publish(String ceId, String type, String opportunityId, String customerId, long version, String sku) {
        Map<String, String> headers = EventProbe.cloudEventHeaders(ceId, "/opportunity-service",
                "sales.opportunity." + type + ".v1", opportunityId);
        EventProbe.publish(TOPIC, opportunityId, headers, fact(type, opportunityId, customerId, version, sku));
    }

    static String publish(String type, String opportunityId, String customerId, long version, String sku) {
        String ceId = UUID.randomUUID().toString();
        publish(ceId, type, opportunityId, customerId, version, sku);
        return ceId;
    }

    /** status, fact_version and the number of won lines of the replica row; null while unknown. */
    private Object[] replica(String opportunityId) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                SELECT o.status, o.fact_version, (SELECT COUNT(*) FROM opportunity_replica_line l
                                                  WHERE l.opportunity_id = o.id), o.customer_id, o.closed_at
                FROM opportunity_replica o WHERE o.id = :id""")
                .setParameter("id", UUID.fromString(opportunityId)).getResultStream().findFirst().orElse(null));
    }

    private static <T> T eventually(Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = probe.get();
        }
        return value;
    }

    /** Waits until the replica holds the opportunity at this fact version. */
    private void awaitVersion(String opportunityId, long version) throws InterruptedException {
        Object[] row = eventually(() -> replica(opportunityId),
                r -> r != null && ((Number) r[1]).longValue() == version);
        assertTrue(row != null && ((Number) row[1]).longValue() == version,
                "opportunity " + opportunityId + " not at v" + version + ": " + java.util.Arrays.toString(row));
    }

    /**
     * Waits until order-service has consumed everything published so far under this key: a customer
     * fact sent with the same key lands on the same partition, behind the records before it.
     */
    private static void consumedUpTo(String key) {
        String customerId = UUID.randomUUID().toString();
        String fact = "{\"customerId\":\"" + customerId + "\",\"name\":\"Barrier\",\"ownerId\":\"" + TestUsers.ALICE_ID
                + "\",\"team\":\"east-1\",\"region\":\"east\",\"version\":0,"
                + "\"registeredAt\":\"2026-11-01T00:00:00Z\",\"updatedAt\":\"2026-11-01T00:00:00Z\"}";
        EventProbe.publish(TOPIC, key, EventProbe.cloudEventHeaders(UUID.randomUUID().toString(),
                "/opportunity-service", "sales.customer.registered.v1", customerId), fact);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/customers/" + customerId + "/credit")
                    .then().extract().statusCode() == 200) {
                return;
            }
            OrderFixtures.sleep();
        }
        throw new AssertionError("the records under " + key + " were not consumed");
    }

    private static String body(String customerId, String opportunityId, String sku, int quantity) {
        return "{\"customerId\":\"" + customerId + "\",\"opportunityId\":"
                + (opportunityId == null ? "null" : "\"" + opportunityId + "\"")
                + ",\"channel\":\"DIRECT\",\"paymentTerms\":\"NET30\",\"shippingAddress\":\"1 Lake Rd, Hangzhou\","
                + "\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"discountPct\":0}]}";
    }

    private static io.restassured.response.ValidatableResponse create(String customerId, String opportunityId,
            String sku) {
        return given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(body(customerId, opportunityId, sku, 4)).when().post("/api/v1/orders").then();
    }

    @Test
    void an_order_naming_a_won_opportunity_of_its_customer_is_accepted_and_its_events_carry_it() throws Exception {
        String customer = OrderFixtures.aliceCustomerWithCredit();
        String sku = product("1250.00", "700.00", 10);
        String opportunity = UUID.randomUUID().toString();
        publish("won", opportunity, customer, 7, sku);
        awaitVersion(opportunity, 7);
        Object[] row = replica(opportunity);
        assertEquals("WON", row[0]);
        assertEquals(2, ((Number) row[2]).intValue(), "the won lines are kept");

        String id = create(customer, opportunity, sku).statusCode(201).body("opportunityId", equalTo(opportunity))
                .extract().path("id");
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id)
                .then().statusCode(200).body("opportunityId", equalTo(opportunity));
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("opportunityId", equalTo(opportunity));
        given().auth().oauth2(TestUsers.walt()).contentType(ContentType.JSON)
                .body("{\"carrier\":\"SF\",\"trackingNumber\":\"SF-OPP\",\"lines\":[{\"lineNo\":1,\"quantity\":4}]}")
                .when().post("/api/v1/orders/" + id + "/shipments").then().statusCode(201);
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/orders/" + id + "/invoices").then().statusCode(201);
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON)
                .body("{\"amount\":5000.00,\"method\":\"BANK_TRANSFER\",\"reference\":\"BT-OPP\"}")
                .when().post("/api/v1/orders/" + id + "/payments").then().statusCode(201)
                .body("orderStatus", equalTo("SETTLED"));

        ObjectMapper json = new ObjectMapper();
        for (String type : List.of("sales.order.submitted.v1", "sales.order.approved.v1", "sales.order.settled.v1")) {
            EventProbe.Received event = EventProbe.await("sales.order.events",
                    r -> id.equals(r.key()) && type.equals(r.type()), Duration.ofSeconds(20));
            JsonNode payload = json.readTree(event.value());
            assertEquals(opportunity, payload.path("opportunityId").asText(), type + ": " + event.value());
            OrderToCashTest.assertMatchesSchema(event);
        }

        // Several orders may name one won opportunity (a partial order, a later call-off).
        create(customer, opportunity, sku).statusCode(201).body("opportunityId", equalTo(opportunity));
        // An order without one stays as it always was.
        String plain = create(customer, null, sku).statusCode(201).extract().path("id");
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + plain)
                .then().statusCode(200).body("opportunityId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void an_opportunity_of_another_customer_or_not_won_is_refused_naming_the_rule() throws Exception {
        String customer = OrderFixtures.aliceCustomer();
        String other = OrderFixtures.aliceCustomer();
        String sku = product("100.00", "60.00", 20);
        String othersWon = UUID.randomUUID().toString();
        String lost = UUID.randomUUID().toString();
        publish("won", othersWon, other, 3, sku);
        publish("lost", lost, customer, 4, sku);
        awaitVersion(othersWon, 3);
        awaitVersion(lost, 4);
        assertEquals(0, ((Number) replica(lost)[2]).intValue(), "a lost opportunity has no won lines");

        create(customer, othersWon, sku).statusCode(422).body("rule", equalTo("order.opportunity-customer"))
                .body("violations.field", hasItem("opportunityId"));
        create(customer, lost, sku).statusCode(422).body("rule", equalTo("order.opportunity-won"))
                .body("violations.field", hasItem("opportunityId"));

        // Editing a draft checks the same rules; null removes the link.
        String draft = create(customer, null, sku).statusCode(201).extract().path("id");
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(body(customer, lost, sku, 2))
                .when().put("/api/v1/orders/" + draft).then().statusCode(422).body("rule", equalTo("order.opportunity-won"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(body(customer, othersWon, sku, 2))
                .when().put("/api/v1/orders/" + draft).then().statusCode(422)
                .body("rule", equalTo("order.opportunity-customer"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + draft)
                .then().statusCode(200).body("opportunityId", org.hamcrest.Matchers.nullValue())
                .body("lines[0].quantity", equalTo(4));

        // Not a UUID: a 400 naming the field, not a rule.
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(body(customer, "not-a-uuid", sku, 1)).when().post("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("opportunityId"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(body(customer, null, sku, 1).replace("\"opportunityId\":null", "\"opportunityId\":42"))
                .when().post("/api/v1/orders").then().statusCode(400).body("violations.field", hasItem("opportunityId"));
    }

    @Test
    void an_unknown_opportunity_is_refused_until_its_won_fact_arrives() throws Exception {
        String customer = OrderFixtures.aliceCustomer();
        String sku = product("100.00", "60.00", 20);
        String opportunity = UUID.randomUUID().toString();
        create(customer, opportunity, sku).statusCode(422).body("rule", equalTo("order.opportunity-known"))
                .body("violations.field", hasItem("opportunityId"))
                .body("detail", org.hamcrest.Matchers.containsString("retry"));

        publish("won", opportunity, customer, 2, sku);
        // What a client does: retry while the rule is order.opportunity-known.
        int status = eventually(() -> create(customer, opportunity, sku).extract().statusCode(), s -> s == 201);
        assertEquals(201, status);
    }

    @Test
    void an_opportunity_reopened_after_the_order_was_drafted_fails_the_submission_and_the_order_stays_a_draft()
            throws Exception {
        String customer = OrderFixtures.aliceCustomerWithCredit();
        String sku = product("100.00", "60.00", 20);
        String opportunity = UUID.randomUUID().toString();
        publish("won", opportunity, customer, 5, sku);
        awaitVersion(opportunity, 5);
        String id = create(customer, opportunity, sku).statusCode(201).extract().path("id");
        int version = given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id)
                .then().extract().path("version");

        publish("reopened", opportunity, customer, 6, sku);
        awaitVersion(opportunity, 6);
        Object[] row = replica(opportunity);
        assertEquals("REOPENED", row[0]);
        assertEquals(0, ((Number) row[2]).intValue(), "a reopened opportunity keeps no won lines");
        assertNull(row[4], "a reopened opportunity is not closed");

        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(422).body("rule", equalTo("order.opportunity-won"))
                .body("violations.field", hasItem("opportunityId"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/orders/" + id)
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("version", equalTo(version));
        // A new order cannot name it either; won again (a later version), it can be submitted.
        create(customer, opportunity, sku).statusCode(422).body("rule", equalTo("order.opportunity-won"));
        publish("won", opportunity, customer, 8, sku);
        awaitVersion(opportunity, 8);
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/orders/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void a_redelivered_won_fact_changes_nothing_and_an_older_fact_never_overrides_a_newer_one() throws Exception {
        String customer = OrderFixtures.aliceCustomer();
        String sku = product("100.00", "60.00", 20);
        String opportunity = UUID.randomUUID().toString();
        String wonCeId = publish("won", opportunity, customer, 5, sku);
        awaitVersion(opportunity, 5);

        // The won fact delivered again (same ce_id) and re-sent (new ce_id, same version) changes nothing:
        // nor does a lost fact older than it (v4) arriving late; then a newer reopen (v6) is applied.
        publish(wonCeId, "won", opportunity, customer, 5, sku);
        publish("won", opportunity, customer, 5, sku);
        publish("lost", opportunity, customer, 4, sku);
        consumedUpTo(opportunity);
        Number inboxRows = QuarkusTransaction.requiringNew().call(() -> (Number) em
                .createNativeQuery("SELECT COUNT(*) FROM inbox_event WHERE ce_id = :id")
                .setParameter("id", UUID.fromString(wonCeId)).getSingleResult());
        assertEquals(1, inboxRows.intValue());
        Object[] row = replica(opportunity);
        assertEquals("WON", row[0]);
        assertEquals(5L, ((Number) row[1]).longValue());
        assertEquals(2, ((Number) row[2]).intValue());
        create(customer, opportunity, sku).statusCode(201);

        // A reopen (v7) and then a late won fact of v6: the opportunity stays reopened.
        publish("reopened", opportunity, customer, 7, sku);
        awaitVersion(opportunity, 7);
        publish("won", opportunity, customer, 6, sku);
        consumedUpTo(opportunity);
        row = replica(opportunity);
        assertEquals("REOPENED", row[0]);
        assertEquals(7L, ((Number) row[1]).longValue());
        create(customer, opportunity, sku).statusCode(422).body("rule", equalTo("order.opportunity-won"));
    }

    @Test
    void other_opportunity_events_on_the_topic_are_skipped_without_an_inbox_row() throws Exception {
        String customer = OrderFixtures.aliceCustomer();
        String opportunity = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        EventProbe.publish(TOPIC, opportunity, EventProbe.cloudEventHeaders(ceId, "/opportunity-service",
                "sales.opportunity.stage-changed.v1", opportunity),
                "{\"opportunityId\":\"" + opportunity + "\",\"customerId\":\"" + customer + "\",\"version\":2}");
        consumedUpTo(opportunity);
        assertNull(replica(opportunity));
        Number inboxRows = QuarkusTransaction.requiringNew().call(() -> (Number) em
                .createNativeQuery("SELECT COUNT(*) FROM inbox_event WHERE ce_id = :id")
                .setParameter("id", UUID.fromString(ceId)).getSingleResult());
        assertEquals(0, inboxRows.intValue());
    }
}
