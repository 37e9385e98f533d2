package com.salesaffairs.aftersales;

import static com.salesaffairs.aftersales.AftersalesFixtures.aliceCustomer;
import static com.salesaffairs.aftersales.AftersalesFixtures.casesWithSummary;
import static com.salesaffairs.aftersales.AftersalesFixtures.feedbackBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestTokens;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class FeedbackResourceTest {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private static String marker(String what) {
        return what + " " + UUID.randomUUID();
    }

    @Test
    void no_token_is_401_problem() {
        String customer = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(feedbackBody(customer, "LOW", "no token"))
                .when().post("/api/v1/feedback")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().when().get("/api/v1/cases").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_forged_token_is_401() {
        String forged = TestTokens.user("alice", TestUsers.ALICE_ID).roles("sales-rep").team("east-1", "east").forged().sign();
        given().auth().oauth2(forged).contentType(ContentType.JSON)
                .body(feedbackBody(UUID.randomUUID().toString(), "LOW", "forged"))
                .when().post("/api/v1/feedback")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(forged).when().get("/api/v1/cases").then().statusCode(401);
    }

    @Test
    void finance_cannot_log_feedback_and_nothing_is_written() {
        String customer = aliceCustomer(em);
        String summary = marker("finance attempt");
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body(feedbackBody(customer, "LOW", summary))
                .when().post("/api/v1/feedback")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/cases").then().statusCode(403);
        assertEquals(0, casesWithSummary(em, summary));
    }

    @Test
    void bad_input_is_400_naming_the_field_and_writes_no_case() {
        // A known customer, so that only the bad field stands between the request and a new case.
        String customer = aliceCustomer(em);
        String summary = marker("bad input");
        String valid = "\"channel\":\"EMAIL\",\"category\":\"DELIVERY\",\"severity\":\"HIGH\",\"summary\":\"" + summary + "\"";
        String[][] cases = {
                { "{" + valid + "}", "customerId" },
                { "{\"customerId\":\"" + customer + "\"," + valid + ",\"ownerId\":\"" + TestUsers.BOB_ID + "\"}", "ownerId" },
                { "{\"customerId\":\"" + customer + "\"," + valid.replace("HIGH", "URGENT") + "}", "severity" },
                { "{\"customerId\":\"" + customer + "\"," + valid.replace("EMAIL", "FAX") + "}", "channel" },
                { "{\"customerId\":\"" + customer + "\"," + valid.replace(summary, summary + "x".repeat(501)) + "}", "summary" },
                { "{\"customerId\":\"" + customer + "\"," + valid + ",\"details\":\"" + "d".repeat(4001) + "\"}", "details" },
                { "{\"customerId\":\"not-a-uuid\"," + valid + "}", "customerId" },
                { "{\"customerId\":\"" + customer + "\",\"channel\":\"EMAIL\",\"category\":\"DELIVERY\",\"severity\":\"HIGH\"}", "summary" },
        };
        for (String[] c : cases) {
            given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(c[0])
                    .when().post("/api/v1/feedback")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(c[1]));
        }
        assertEquals(0, casesWithSummary(em, summary));
        assertEquals(0, casesWithSummary(em, summary + "x".repeat(501)));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases?severity=URGENT")
                .then().statusCode(400).body("violations.field", hasItem("severity"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases?size=500")
                .then().statusCode(400).body("violations.field", hasItem("size"));
    }

    @Test
    void feedback_for_an_unknown_customer_is_422_customer_known() {
        String summary = marker("unknown customer");
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(feedbackBody(UUID.randomUUID().toString(), "LOW", summary))
                .when().post("/api/v1/feedback")
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("feedback.customer-known"));
        assertEquals(0, casesWithSummary(em, summary));
    }

    @Test
    void a_rep_of_another_team_gets_the_same_answer_as_for_an_unknown_customer() {
        String customer = aliceCustomer(em);
        String summary = marker("west rep");
        given().auth().oauth2(TestUsers.cindy()).contentType(ContentType.JSON).body(feedbackBody(customer, "LOW", summary))
                .when().post("/api/v1/feedback")
                .then().statusCode(422).body("rule", equalTo("feedback.customer-known"));
        given().auth().oauth2(TestUsers.wendy()).contentType(ContentType.JSON).body(feedbackBody(customer, "LOW", summary))
                .when().post("/api/v1/feedback")
                .then().statusCode(422).body("rule", equalTo("feedback.customer-known"));
        assertEquals(0, casesWithSummary(em, summary));
    }

    @Test
    void logged_feedback_opens_a_case_commits_the_event_in_the_outbox_and_publishes_it() throws Exception {
        String customer = aliceCustomer(em);
        String orderId = AftersalesFixtures.order(em, customer);
        String summary = marker("pump leaks");
        String body = "{\"customerId\":\"" + customer + "\",\"orderId\":\"" + orderId + "\",\"channel\":\"VISIT\","
                + "\"category\":\"PRODUCT_QUALITY\",\"severity\":\"HIGH\",\"summary\":\"" + summary + "\","
                + "\"details\":\"seal fails after two days\"}";
        ExtractableResponse<Response> created = given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/feedback")
                .then().statusCode(201)
                .body("caseNumber", matchesPattern("CS-\\d{4}-\\d{6}"))
                .body("status", equalTo("OPEN"))
                .body("ownerId", equalTo(TestUsers.ALICE_ID))
                .body("loggedBy", equalTo(TestUsers.ALICE_ID))
                .body("team", equalTo("east-1")).body("region", equalTo("east"))
                .body("slaPolicyVersion", equalTo(2))
                .body("kind", equalTo("COMPLAINT"))
                .body("version", equalTo(0))
                .extract();
        String id = created.path("id");
        assertEquals("/api/v1/cases/" + id, java.net.URI.create(created.header("Location")).getPath());
        Instant loggedAt = Instant.parse(created.path("loggedAt"));
        // HIGH under aftersales.sla v2: answer within 4 business hours, resolve within 24, on its calendar.
        JsonNode content = json.readTree(given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/policies/aftersales.sla")
                .then().statusCode(200).body("version", equalTo(2)).extract().asString()).get("content");
        com.salesaffairs.aftersales.domain.SlaDeadlines expected = com.salesaffairs.aftersales.domain.SlaPolicy.from(2, content)
                .deadlinesFor(com.salesaffairs.aftersales.domain.Severity.HIGH, loggedAt);
        assertEquals(expected.responseDueAt(), Instant.parse(created.path("responseDueAt")));
        assertEquals(expected.resolutionDueAt(), Instant.parse(created.path("resolutionDueAt")));
        assertEquals(String.valueOf(loggedAt.atZone(java.time.ZoneOffset.UTC).getYear()),
                created.<String>path("caseNumber").substring(3, 7));

        Number outboxRows = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = :id AND event_type = 'sales.feedback.logged.v1'"
                        + " AND topic = 'sales.aftersales.events' AND aggregate_type = 'case'")
                .setParameter("id", id).getSingleResult());
        assertEquals(1, outboxRows.intValue());

        EventProbe.Received event = EventProbe.await(AftersalesFixtures.AFTERSALES_EVENTS,
                r -> id.equals(r.key()) && "sales.feedback.logged.v1".equals(r.type()), Duration.ofSeconds(30));
        Map<String, String> h = event.headers();
        assertEquals("1.0", h.get("ce_specversion"));
        assertEquals("/aftersales-service", h.get("ce_source"));
        assertEquals(id, h.get("ce_subject"));
        assertEquals("application/json", h.get("content-type"));
        assertNotNull(UUID.fromString(h.get("ce_id")));
        assertNotNull(Instant.parse(h.get("ce_time")));
        assertNotNull(h.get("traceparent"));

        JsonNode p = json.readTree(event.value());
        assertEquals(List.of("caseId", "caseNumber", "customerId", "customerName", "orderId", "ownerId", "team", "region",
                "channel", "category", "severity", "summary", "loggedBy", "loggedAt", "responseDueAt", "resolutionDueAt", "kind"),
                iterable(p));
        AftersalesFixtures.assertMatchesSchema(event);
        assertEquals("COMPLAINT", p.get("kind").asText());
        assertEquals(id, p.get("caseId").asText());
        assertEquals(created.path("caseNumber"), p.get("caseNumber").asText());
        assertEquals(customer, p.get("customerId").asText());
        assertEquals(AftersalesFixtures.replicaName(em, customer), p.get("customerName").asText());
        assertEquals(orderId, p.get("orderId").asText());
        assertEquals(TestUsers.ALICE_ID, p.get("ownerId").asText());
        assertEquals("east-1", p.get("team").asText());
        assertEquals("east", p.get("region").asText());
        assertEquals("VISIT", p.get("channel").asText());
        assertEquals("PRODUCT_QUALITY", p.get("category").asText());
        assertEquals("HIGH", p.get("severity").asText());
        assertEquals(summary, p.get("summary").asText());
        assertEquals(TestUsers.ALICE_ID, p.get("loggedBy").asText());
        assertEquals(loggedAt, Instant.parse(p.get("loggedAt").asText()));
        assertEquals(Instant.parse(created.path("responseDueAt")), Instant.parse(p.get("responseDueAt").asText()));
        assertEquals(Instant.parse(created.path("resolutionDueAt")), Instant.parse(p.get("resolutionDueAt").asText()));
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void feedback_without_an_order_publishes_order_id_null() throws Exception {
        String customer = aliceCustomer(em);
        String id = AftersalesFixtures.logFeedback(TestUsers.alice(), customer, marker("no order"));
        EventProbe.Received event = EventProbe.await(AftersalesFixtures.AFTERSALES_EVENTS,
                r -> id.equals(r.key()) && "sales.feedback.logged.v1".equals(r.type()), Duration.ofSeconds(30));
        JsonNode p = json.readTree(event.value());
        assertEquals(true, p.has("orderId") && p.get("orderId").isNull(), event.value());
    }

    @Test
    void cases_are_scoped_other_team_gets_404_manager_and_agent_see_them() {
        String customer = aliceCustomer(em);
        String id = AftersalesFixtures.logFeedback(TestUsers.alice(), customer, marker("scoped"));
        given().auth().oauth2(TestUsers.cindy()).when().get("/api/v1/cases/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestUsers.wendy()).when().get("/api/v1/cases/" + id).then().statusCode(404);
        given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/cases/" + id).then().statusCode(404);
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .body("ownerId", equalTo(TestUsers.ALICE_ID)).header("ETag", equalTo("\"0\""));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .body("id", equalTo(id));
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/cases/" + id).then().statusCode(200);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("version", equalTo(0));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + UUID.randomUUID()).then().statusCode(404);

        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases?customerId=" + customer)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(TestUsers.cindy()).when().get("/api/v1/cases?customerId=" + customer)
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/cases?customerId=" + customer)
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/cases?customerId=" + customer)
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/cases?customerId=" + customer + "&status=OPEN&severity=MEDIUM")
                .then().statusCode(200).body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(20));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/cases?customerId=" + customer + "&severity=CRITICAL")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void a_teammate_may_log_for_the_team_the_case_stays_with_the_customers_rep() {
        String customer = aliceCustomer(em);
        String id = AftersalesFixtures.logFeedback(TestUsers.bob(), customer, marker("teammate"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id).then().statusCode(200)
                .body("ownerId", equalTo(TestUsers.ALICE_ID)).body("loggedBy", equalTo(TestUsers.BOB_ID));
        given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/cases/" + id).then().statusCode(200);
        String bySam = AftersalesFixtures.logFeedback(TestUsers.sam(), customer, marker("agent"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + bySam).then().statusCode(200)
                .body("loggedBy", equalTo(TestUsers.SAM_ID)).body("team", equalTo("east-1"));
    }

    @Test
    void same_idempotency_key_replays_the_same_case_and_a_different_body_is_422() {
        String customer = aliceCustomer(em);
        String key = UUID.randomUUID().toString();
        String summary = marker("idempotent");
        String first = given().auth().oauth2(TestUsers.alice()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(feedbackBody(customer, "LOW", summary))
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        String caseNumber = given().auth().oauth2(TestUsers.alice()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(feedbackBody(customer, "LOW", summary))
                .when().post("/api/v1/feedback")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/cases/" + first))
                .extract().path("caseNumber");
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + first).then().statusCode(200)
                .body("caseNumber", equalTo(caseNumber));
        given().auth().oauth2(TestUsers.alice()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(feedbackBody(customer, "CRITICAL", summary))
                .when().post("/api/v1/feedback")
                .then().statusCode(422).body("rule", equalTo("idempotency-key.reused"));
        assertEquals(1, casesWithSummary(em, summary));
    }
}
