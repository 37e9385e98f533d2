package com.salesaffairs.aftersales;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/** Builds the world a case needs through the real paths: customer facts on Kafka, feedback over HTTP. */
final class AftersalesFixtures {
    static final String OPPORTUNITY_EVENTS = "sales.opportunity.events";
    static final String AFTERSALES_EVENTS = "sales.aftersales.events";
    static final String ORDER_EVENTS = "sales.order.events";

    private AftersalesFixtures() {
    }

    static String fact(String customerId, String name, String ownerId, String team, String region, int version) {
        return "{\"customerId\":\"" + customerId + "\",\"name\":\"" + name + "\",\"industry\":\"Machinery\","
                + "\"country\":\"CN\",\"city\":\"Hangzhou\",\"ownerId\":\"" + ownerId + "\",\"team\":\"" + team
                + "\",\"region\":\"" + region + "\",\"version\":" + version
                + ",\"registeredAt\":\"2026-11-01T00:00:00Z\",\"updatedAt\":\"2026-11-01T00:00:00Z\"}";
    }

    /** Publishes a customer fact as opportunity-service's relay would. */
    static void publishCustomer(String ceId, String type, String customerId, String fact) {
        Map<String, String> headers = EventProbe.cloudEventHeaders(ceId, "/opportunity-service", type, customerId);
        EventProbe.publish(OPPORTUNITY_EVENTS, customerId, headers, fact);
    }

    /** A customer registered in opportunity-service and replicated here. */
    static String customer(EntityManager em, String ownerId, String team, String region) {
        String id = UUID.randomUUID().toString();
        String name = "Customer " + id.substring(0, 8);
        publishCustomer(UUID.randomUUID().toString(), "sales.customer.registered.v1", id,
                fact(id, name, ownerId, team, region, 0));
        String replicated = eventually(() -> replicaName(em, id), n -> n != null);
        if (replicated == null) {
            throw new AssertionError("customer " + id + " was not replicated");
        }
        return id;
    }

    /** An order fact as order-service publishes it (the header every sales.order.* event carries). */
    static String orderFact(String orderId, String customerId, String ownerId, String team) {
        return "{\"orderId\":\"" + orderId + "\",\"orderNumber\":\"SO-2026-000123\",\"status\":\"PENDING_APPROVAL\","
                + "\"customerId\":\"" + customerId + "\",\"customerName\":\"Acme\",\"ownerId\":\"" + ownerId
                + "\",\"team\":\"" + team + "\",\"region\":\"east\",\"channel\":\"DIRECT\",\"currency\":\"CNY\","
                + "\"netAmount\":1000.00,\"costAmount\":700.00,\"submittedAt\":\"2026-11-30T02:00:00Z\"}";
    }

    static void publishOrder(String ceId, String type, String key, String fact) {
        Map<String, String> headers = EventProbe.cloudEventHeaders(ceId, "/order-service", type, key);
        EventProbe.publish(ORDER_EVENTS, key, headers, fact);
    }

    /** An order of the customer, submitted in order-service and replicated here. */
    static String order(EntityManager em, String customerId) {
        String id = UUID.randomUUID().toString();
        publishOrder(UUID.randomUUID().toString(), "sales.order.submitted.v1", id,
                orderFact(id, customerId, TestUsers.ALICE_ID, "east-1"));
        if (eventually(() -> orderCustomer(em, id), c -> c != null) == null) {
            throw new AssertionError("order " + id + " was not replicated");
        }
        return id;
    }

    static String orderCustomer(EntityManager em, String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("SELECT CAST(customer_id AS VARCHAR) FROM order_replica WHERE id = :id")
                .setParameter("id", UUID.fromString(orderId))
                .getResultStream().findFirst().orElse(null));
    }

    /** Validates an event's payload against its published JSON Schema (draft 2020-12). */
    static void assertMatchesSchema(EventProbe.Received event) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (var in = AftersalesFixtures.class.getClassLoader().getResourceAsStream("schemas/" + event.type() + ".json")) {
            if (in == null) {
                throw new AssertionError("no schema for " + event.type());
            }
            JsonSchema schema = factory.getSchema(in);
            Set<ValidationMessage> errors = schema.validate(new ObjectMapper().readTree(event.value()));
            if (!errors.isEmpty()) {
                throw new AssertionError(event.type() + " does not match its schema: " + errors + " in " + event.value());
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static String aliceCustomer(EntityManager em) {
        return customer(em, TestUsers.ALICE_ID, "east-1", "east");
    }

    static String replicaName(EntityManager em, String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("SELECT name FROM customer_replica WHERE id = :id")
                .setParameter("id", UUID.fromString(id))
                .getResultStream().findFirst().orElse(null));
    }

    static long casesWithSummary(EntityManager em, String summary) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM service_case WHERE summary = :s")
                .setParameter("s", summary).getSingleResult()).longValue());
    }

    static String feedbackBody(String customerId, String severity, String summary) {
        return "{\"customerId\":\"" + customerId + "\",\"channel\":\"PHONE\",\"category\":\"PRODUCT_QUALITY\","
                + "\"severity\":\"" + severity + "\",\"summary\":\"" + summary + "\"}";
    }

    /** Logs feedback and returns the new case's id. */
    static String logFeedback(String token, String customerId, String summary) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(feedbackBody(customerId, "MEDIUM", summary))
                .when().post("/api/v1/feedback")
                .then().statusCode(201).extract().path("id");
    }

    static <T> T eventually(Supplier<T> probe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = probe.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = probe.get();
        }
        return value;
    }
}
