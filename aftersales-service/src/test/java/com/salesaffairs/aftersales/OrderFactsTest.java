package com.salesaffairs.aftersales;

import static com.salesaffairs.aftersales.AftersalesFixtures.aliceCustomer;
import static com.salesaffairs.aftersales.AftersalesFixtures.casesWithSummary;
import static com.salesaffairs.aftersales.AftersalesFixtures.eventually;
import static com.salesaffairs.aftersales.AftersalesFixtures.orderCustomer;
import static com.salesaffairs.aftersales.AftersalesFixtures.orderFact;
import static com.salesaffairs.aftersales.AftersalesFixtures.publishOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

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
class OrderFactsTest {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private static String feedback(String customer, String orderId, String kind, String summary) {
        return "{\"customerId\":\"" + customer + "\",\"orderId\":\"" + orderId + "\",\"channel\":\"PHONE\","
                + "\"category\":\"DELIVERY\",\"severity\":\"LOW\",\"summary\":\"" + summary + "\""
                + (kind == null ? "" : ",\"kind\":\"" + kind + "\"") + "}";
    }

    private long inboxRows(String ceId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM inbox_event WHERE ce_id = :id AND consumer = 'order-replica'")
                .setParameter("id", UUID.fromString(ceId)).getSingleResult()).longValue());
    }

    @Test
    void feedback_may_name_an_order_of_its_customer_with_a_kind() throws Exception {
        String customer = aliceCustomer(em);
        String order = AftersalesFixtures.order(em, customer);
        String summary = "wrong parts " + UUID.randomUUID();
        String id = given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(feedback(customer, order, "RETURN", summary)).when().post("/api/v1/feedback")
                .then().statusCode(201).body("orderId", equalTo(order)).body("kind", equalTo("RETURN"))
                .extract().path("id");
        EventProbe.Received logged = EventProbe.await(AftersalesFixtures.AFTERSALES_EVENTS,
                r -> id.equals(r.key()) && "sales.feedback.logged.v1".equals(r.type()), Duration.ofSeconds(30));
        AftersalesFixtures.assertMatchesSchema(logged);
        assertEquals("RETURN", json.readTree(logged.value()).get("kind").asText());
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(feedback(customer, order, "PRAISE", summary)).when().post("/api/v1/feedback")
                .then().statusCode(400).body("violations.field", hasItem("kind"));
    }

    @Test
    void an_unknown_order_is_422_order_known_and_another_customers_order_is_422_order_customer() {
        String customer = aliceCustomer(em);
        String otherCustomer = aliceCustomer(em);
        String othersOrder = AftersalesFixtures.order(em, otherCustomer);
        String summary = "order check " + UUID.randomUUID();
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(feedback(customer, UUID.randomUUID().toString(), null, summary)).when().post("/api/v1/feedback")
                .then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("feedback.order-known")).body("violations.field", hasItem("orderId"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(feedback(customer, othersOrder, null, summary)).when().post("/api/v1/feedback")
                .then().statusCode(422).body("rule", equalTo("feedback.order-customer"));
        assertEquals(0, casesWithSummary(em, summary));
    }

    @Test
    void a_redelivered_order_fact_changes_nothing_and_later_facts_apply() {
        String customer = aliceCustomer(em);
        String order = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        publishOrder(ceId, "sales.order.submitted.v1", order, orderFact(order, customer, TestUsers.ALICE_ID, "east-1"));
        assertEquals(customer, eventually(() -> orderCustomer(em, order), c -> c != null));
        // The same event again with another body is a duplicate; a later fact is applied.
        publishOrder(ceId, "sales.order.submitted.v1", order,
                orderFact(order, UUID.randomUUID().toString(), TestUsers.CINDY_ID, "west-1"));
        String settled = UUID.randomUUID().toString();
        publishOrder(settled, "sales.order.settled.v1", order, orderFact(order, customer, TestUsers.ALICE_ID, "east-1"));
        assertEquals(1L, eventually(() -> inboxRows(settled), n -> n == 1L));
        assertEquals(customer, orderCustomer(em, order));
        assertEquals(1, inboxRows(ceId));
        String last = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("SELECT last_event FROM order_replica WHERE id = :id")
                .setParameter("id", UUID.fromString(order)).getSingleResult());
        assertEquals("sales.order.settled.v1", last);
    }

    @Test
    void order_event_types_aftersales_does_not_use_are_ignored() {
        String customer = aliceCustomer(em);
        String ignored = UUID.randomUUID().toString();
        String known = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        String ignoredCe = UUID.randomUUID().toString();
        // Same key, same partition: once the second is applied, the first has been handled.
        publishOrder(ignoredCe, "sales.order.drafted.v1", key, orderFact(ignored, customer, TestUsers.ALICE_ID, "east-1"));
        publishOrder(UUID.randomUUID().toString(), "sales.order.approved.v1", key,
                orderFact(known, customer, TestUsers.ALICE_ID, "east-1"));
        assertEquals(customer, eventually(() -> orderCustomer(em, known), c -> c != null));
        assertNull(orderCustomer(em, ignored));
        assertEquals(0, inboxRows(ignoredCe));
    }

    @Test
    void a_malformed_order_fact_goes_to_the_order_dead_letter_topic_with_the_reason() {
        String order = UUID.randomUUID().toString();
        publishOrder(UUID.randomUUID().toString(), "sales.order.submitted.v1", order,
                "{\"orderId\":\"" + order + "\",\"ownerId\":\"x\"}");
        EventProbe.Received dead = EventProbe.await("sales.order.events.dlq", r -> order.equals(r.key()),
                Duration.ofSeconds(30));
        assertTrue(dead.headers().getOrDefault("dead-letter-reason", "").contains("without customerId"),
                dead.headers().toString());
        assertNull(orderCustomer(em, order));
    }
}
