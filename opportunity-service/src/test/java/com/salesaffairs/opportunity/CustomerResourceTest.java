package com.salesaffairs.opportunity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestTokens;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class CustomerResourceTest {

    @Inject
    EntityManager em;

    private static String body(String name) {
        return "{\"name\":\"" + name + "\",\"industry\":\"Machinery\",\"country\":\"CN\",\"city\":\"Shanghai\"}";
    }

    private String register(String token, String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body(name))
                .when().post("/api/v1/customers")
                .then().statusCode(201).header("Location", containsString("/api/v1/customers/"))
                .extract().path("id");
    }

    private long customersNamed(String name) {
        return em.createQuery("SELECT COUNT(c) FROM Customer c WHERE c.name = :n", Long.class).setParameter("n", name)
                .getSingleResult();
    }

    @Test
    void no_token_is_401_problem() {
        given().contentType(ContentType.JSON).body(body("Nobody Ltd"))
                .when().post("/api/v1/customers")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void forged_other_audience_other_issuer_and_expired_tokens_are_401() {
        for (String token : new String[] {
                TestTokens.user("alice", TestUsers.ALICE_ID).roles("sales-rep").team("east-1", "east").forged().sign(),
                TestTokens.user("alice", TestUsers.ALICE_ID).roles("sales-rep").team("east-1", "east").audience("other-api").sign(),
                TestTokens.user("alice", TestUsers.ALICE_ID).roles("sales-rep").team("east-1", "east").issuer("https://evil.test/realms/sales").sign(),
                TestTokens.user("alice", TestUsers.ALICE_ID).roles("sales-rep").team("east-1", "east").expired().sign() }) {
            given().auth().oauth2(token).when().get("/api/v1/customers").then().statusCode(401);
        }
    }

    @Test
    void finance_cannot_register_customers() {
        String name = "Finance Attempt " + UUID.randomUUID();
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body(body(name))
                .when().post("/api/v1/customers")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, customersNamed(name));
    }

    @Test
    void bad_input_names_the_field_and_writes_nothing() {
        String name = "Bad Input " + UUID.randomUUID();
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"name\": \"" + name + "\",")
                .when().post("/api/v1/customers")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"ownerId\":\"someone-else\"}")
                .when().post("/api/v1/customers")
                .then().statusCode(400).body("violations.field", hasItem("ownerId"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"name\":[1,2]}")
                .when().post("/api/v1/customers")
                .then().statusCode(400).body("violations.field", hasItem("name"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"industry\":\"Machinery\",\"country\":\"china\"}")
                .when().post("/api/v1/customers")
                .then().statusCode(400).body("violations.field", hasItem("name")).body("violations.field", hasItem("country"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/customers?size=5000")
                .then().statusCode(400).body("violations.field", hasItem("size"));
        assertEquals(0, customersNamed(name));
    }

    @Test
    void registration_commits_the_event_in_the_outbox_and_publishes_it() {
        String name = "Acme Outbox " + UUID.randomUUID();
        String id = register(TestUsers.alice(), name);

        Number outboxRows = (Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = :id AND event_type = 'sales.customer.registered.v1'")
                .setParameter("id", id).getSingleResult();
        assertEquals(1, outboxRows.intValue());

        EventProbe.Received event = EventProbe.await("sales.opportunity.events",
                r -> id.equals(r.key()) && "sales.customer.registered.v1".equals(r.type()), Duration.ofSeconds(20));
        assertEquals("1.0", event.headers().get("ce_specversion"));
        assertEquals("/opportunity-service", event.headers().get("ce_source"));
        assertEquals(id, event.headers().get("ce_subject"));
        assertEquals("application/json", event.headers().get("content-type"));
        org.junit.jupiter.api.Assertions.assertNotNull(event.headers().get("traceparent"));
        org.junit.jupiter.api.Assertions.assertTrue(event.value().contains("\"team\":\"east-1\""), event.value());
        org.junit.jupiter.api.Assertions.assertTrue(event.value().contains(TestUsers.ALICE_ID), event.value());
    }

    @Test
    void the_event_continues_the_trace_of_the_request_that_caused_it() {
        String parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String id = given().auth().oauth2(TestUsers.alice()).header("traceparent", parent).contentType(ContentType.JSON)
                .body(body("Acme Traced " + UUID.randomUUID())).when().post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
        EventProbe.Received event = EventProbe.await("sales.opportunity.events",
                r -> id.equals(r.key()) && "sales.customer.registered.v1".equals(r.type()), Duration.ofSeconds(20));
        String traceparent = event.headers().get("traceparent");
        org.junit.jupiter.api.Assertions.assertTrue(
                traceparent.matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01"), traceparent);
        org.junit.jupiter.api.Assertions.assertNotEquals(parent, traceparent, "the event is a span of its own");

        // Without a traceparent the next request starts a trace of its own, not the last one's.
        String other = register(TestUsers.alice(), "Acme Untraced " + UUID.randomUUID());
        String fresh = EventProbe.await("sales.opportunity.events",
                r -> other.equals(r.key()) && "sales.customer.registered.v1".equals(r.type()), Duration.ofSeconds(20))
                .headers().get("traceparent");
        org.junit.jupiter.api.Assertions.assertFalse(fresh.contains("0af7651916cd43dd8448eb211c80319c"), fresh);
    }

    @Test
    void same_idempotency_key_replays_and_a_different_body_is_422() {
        String key = UUID.randomUUID().toString();
        String name = "Idem " + key;
        String first = given().auth().oauth2(TestUsers.alice()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(name))
                .when().post("/api/v1/customers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestUsers.alice()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(name))
                .when().post("/api/v1/customers")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .header("Location", containsString(first));
        given().auth().oauth2(TestUsers.alice()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(name + " changed"))
                .when().post("/api/v1/customers")
                .then().statusCode(422).body("rule", equalTo("idempotency-key.reused"));
        assertEquals(1, customersNamed(name));
        assertEquals(0, customersNamed(name + " changed"));
    }

    @Test
    void a_rep_of_another_team_or_a_teammate_gets_404_the_manager_sees_it() {
        String id = register(TestUsers.alice(), "Scoped " + UUID.randomUUID());
        given().auth().oauth2(TestUsers.cindy()).when().get("/api/v1/customers/" + id).then().statusCode(404);
        given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/customers/" + id).then().statusCode(404);
        given().auth().oauth2(TestUsers.wendy()).when().get("/api/v1/customers/" + id).then().statusCode(404);
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("ownerId", equalTo(TestUsers.ALICE_ID));
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/customers/" + id).then().statusCode(200);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void update_with_a_stale_if_match_is_412_and_a_good_one_publishes_updated() {
        String id = register(TestUsers.alice(), "Versioned " + UUID.randomUUID());
        String etag = given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/customers/" + id)
                .then().statusCode(200).extract().header("ETag");
        String newName = "Versioned renamed " + UUID.randomUUID();
        given().auth().oauth2(TestUsers.alice()).header("If-Match", etag).contentType(ContentType.JSON).body(body(newName))
                .when().put("/api/v1/customers/" + id)
                .then().statusCode(200).body("name", equalTo(newName)).header("ETag", notNullValue());
        given().auth().oauth2(TestUsers.alice()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(body(newName + " again"))
                .when().put("/api/v1/customers/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        EventProbe.await("sales.opportunity.events",
                r -> id.equals(r.key()) && "sales.customer.updated.v1".equals(r.type()) && r.value().contains(newName),
                Duration.ofSeconds(20));
    }

    @Test
    void lists_are_scoped_and_paged() {
        String mine = "Paged " + UUID.randomUUID();
        register(TestUsers.alice(), mine);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/customers?name=" + mine + "&size=1")
                .then().statusCode(200).body("total", equalTo(1)).body("size", equalTo(1)).body("items[0].name", equalTo(mine));
        given().auth().oauth2(TestUsers.cindy()).when().get("/api/v1/customers?name=" + mine)
                .then().statusCode(200).body("total", equalTo(0));
    }
}
