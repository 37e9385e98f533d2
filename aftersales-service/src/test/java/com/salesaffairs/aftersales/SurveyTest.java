package com.salesaffairs.aftersales;

import static com.salesaffairs.aftersales.AftersalesFixtures.aliceCustomer;
import static com.salesaffairs.aftersales.AftersalesFixtures.assertMatchesSchema;
import static com.salesaffairs.aftersales.AftersalesFixtures.eventually;
import static com.salesaffairs.aftersales.AftersalesFixtures.logFeedback;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.aftersales.service.SurveyService;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class SurveyTest {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private static ValidatableResponse send(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/surveys").then();
    }

    private static ValidatableResponse answer(String surveyToken, String body) {
        return given().contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/surveys/" + surveyToken + "/responses").then();
    }

    private static ValidatableResponse listFor(String token, String customerId) {
        return given().auth().oauth2(token).when().get("/api/v1/surveys?customerId=" + customerId).then();
    }

    /** An order of the customer, replicated here; settledAt (when not null) from a sales.order.settled.v1 fact. */
    private String order(String customerId, Instant settledAt) {
        String id = AftersalesFixtures.order(em, customerId);
        if (settledAt != null) {
            String fact = AftersalesFixtures.orderFact(id, customerId, TestUsers.ALICE_ID, "east-1")
                    .replace("\"status\":\"PENDING_APPROVAL\"", "\"status\":\"SETTLED\"")
                    .replace("}", ",\"settledAt\":\"" + settledAt + "\"}");
            AftersalesFixtures.publishOrder(UUID.randomUUID().toString(), "sales.order.settled.v1", id, fact);
            if (eventually(() -> settledAt(id), s -> s != null) == null) {
                throw new AssertionError("order " + id + " was not settled in the replica");
            }
        }
        return id;
    }

    private Instant settledAt(String orderId) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT to_char(settled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                        + " FROM order_replica WHERE id = :id")
                .setParameter("id", UUID.fromString(orderId)).getResultList());
        String at = rows.isEmpty() ? null : (String) rows.get(0);
        return at == null ? null : Instant.parse(at);
    }

    private Object[] surveyRow(String surveyId) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em
                .createNativeQuery("SELECT status, score, likelihood, comment, token_hash FROM survey WHERE id = :id")
                .setParameter("id", UUID.fromString(surveyId)).getSingleResult());
    }

    private ExtractableResponse<Response> sendForOrder(String orderId) {
        return send(TestUsers.sam(), "{\"orderId\":\"" + orderId + "\"}").statusCode(201).extract();
    }

    private List<EventProbe.Received> completedEvents(String surveyId, Duration window) {
        return EventProbe.all(AftersalesFixtures.AFTERSALES_EVENTS,
                r -> surveyId.equals(r.key()) && "sales.survey.completed.v1".equals(r.type()), window);
    }

    @Test
    void confirming_a_case_sends_its_customer_a_survey_but_not_twice_within_30_days() {
        String customer = aliceCustomer(em);
        for (int i = 0; i < 2; i++) {
            String caseId = logFeedback(TestUsers.alice(), customer, "survey after closing " + i);
            given().auth().oauth2(TestUsers.sam()).contentType(ContentType.JSON).body("{\"solution\":\"replaced\"}")
                    .when().post("/api/v1/cases/" + caseId + "/resolve").then().statusCode(200);
            listFor(TestUsers.sam(), customer).statusCode(200).body("total", equalTo(i));
            given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/cases/" + caseId + "/confirm").then()
                    .statusCode(200);
            if (i == 0) {
                listFor(TestUsers.sam(), customer).statusCode(200).body("total", equalTo(1))
                        .body("items[0].trigger", equalTo("CASE_CLOSED")).body("items[0].caseId", equalTo(caseId))
                        .body("items[0].repId", equalTo(TestUsers.ALICE_ID)).body("items[0].team", equalTo("east-1"))
                        .body("items[0].status", equalTo("SENT")).body("items[0]", not(hasKey("token")));
            }
        }
        listFor(TestUsers.sam(), customer).statusCode(200).body("total", equalTo(1));
    }

    @Test
    void a_survey_sent_by_hand_returns_its_token_once_and_stores_only_its_hash() {
        String customer = aliceCustomer(em);
        String orderId = order(customer, null);
        var sent = sendForOrder(orderId);
        String token = sent.path("token");
        String id = sent.path("id");
        assertTrue(token.matches("[A-Za-z0-9_-]{43,}"), "URL-safe token of at least 256 bits: " + token);
        assertTrue(sent.header("Location").endsWith("/api/v1/surveys/" + id), sent.header("Location"));
        assertEquals("/api/v1/surveys/" + token + "/responses", sent.path("answerPath"));
        assertEquals(orderId, sent.path("orderId"));
        assertEquals(TestUsers.ALICE_ID, sent.path("repId"));
        assertEquals(Duration.ofDays(14),
                Duration.between(Instant.parse(sent.path("sentAt")), Instant.parse(sent.path("expiresAt"))));
        Object[] row = surveyRow(id);
        assertEquals(SurveyService.hash(token), row[4]);
        assertFalse(((String) row[4]).contains(token));

        String listed = given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/surveys?customerId=" + customer)
                .then().statusCode(200).body("total", equalTo(1)).extract().asString();
        assertFalse(listed.contains(token), "the list never shows the token");
        assertFalse(given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/surveys/" + id).then().statusCode(200)
                .extract().asString().contains(token));
    }

    @Test
    void a_second_survey_within_30_days_is_refused_as_too_soon() {
        String customer = aliceCustomer(em);
        String first = order(customer, null);
        String second = order(customer, null);
        sendForOrder(first);
        send(TestUsers.sam(), "{\"orderId\":\"" + second + "\"}").statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo("survey.too-soon"));
        String caseId = logFeedback(TestUsers.alice(), customer, "too soon by case");
        send(TestUsers.mike(), "{\"caseId\":\"" + caseId + "\"}").statusCode(422).body("rule", equalTo("survey.too-soon"));
        listFor(TestUsers.sam(), customer).body("total", equalTo(1));
        // 31 days later it may be sent again.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE survey SET sent_at = sent_at - INTERVAL '31 days' WHERE customer_id = :c")
                .setParameter("c", UUID.fromString(customer)).executeUpdate());
        send(TestUsers.mike(), "{\"caseId\":\"" + caseId + "\"}").statusCode(201).body("caseId", equalTo(caseId));
    }

    @Test
    void only_agents_and_managers_send_surveys_and_a_manager_only_for_the_team() {
        String customer = aliceCustomer(em);
        String caseId = logFeedback(TestUsers.alice(), customer, "who surveys");
        String body = "{\"caseId\":\"" + caseId + "\"}";
        send(TestUsers.alice(), body).statusCode(403).contentType("application/problem+json");
        send(TestUsers.diana(), body).statusCode(403);
        send(TestUsers.wendy(), body).statusCode(422).body("rule", equalTo("survey.subject-known"))
                .body("violations.field", hasItem("caseId"));
        send(TestUsers.sam(), "{\"caseId\":\"" + UUID.randomUUID() + "\"}").statusCode(422)
                .body("rule", equalTo("survey.subject-known"));
        send(TestUsers.sam(), "{}").statusCode(400).body("violations.field", hasItem("caseId"));
        send(TestUsers.sam(), "{\"caseId\":\"" + caseId + "\",\"orderId\":\"" + UUID.randomUUID() + "\"}").statusCode(400);
        send(TestUsers.sam(), "{\"caseId\":\"" + caseId + "\",\"repId\":\"x\"}").statusCode(400)
                .body("violations.field", hasItem("repId"));
        listFor(TestUsers.sam(), customer).body("total", equalTo(0));
        String id = send(TestUsers.mike(), body).statusCode(201).extract().path("id");

        listFor(TestUsers.mike(), customer).statusCode(200).body("total", equalTo(1));
        listFor(TestUsers.wendy(), customer).statusCode(200).body("total", equalTo(0));
        listFor(TestUsers.diana(), customer).statusCode(200).body("total", equalTo(1));
        listFor(TestUsers.alice(), customer).statusCode(403);
        given().auth().oauth2(TestUsers.wendy()).when().get("/api/v1/surveys/" + id).then().statusCode(404);
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/surveys/" + id).then().statusCode(200)
                .body("status", equalTo("SENT"));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/surveys?status=LOST").then().statusCode(400)
                .body("violations.field", hasItem("status"));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/surveys?status=SENT&customerId=" + customer).then()
                .statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/surveys?status=ANSWERED&customerId=" + customer)
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void an_answer_without_login_is_recorded_once_and_published_without_the_comment() throws Exception {
        String customer = aliceCustomer(em);
        var sent = sendForOrder(order(customer, null));
        String token = sent.path("token");
        String id = sent.path("id");

        answer(token, "{\"score\":6,\"likelihoodToRecommend\":9}").statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("score"));
        answer(token, "{\"score\":0,\"likelihoodToRecommend\":9}").statusCode(400).body("violations.field", hasItem("score"));
        answer(token, "{\"score\":4.5,\"likelihoodToRecommend\":9}").statusCode(400)
                .body("violations.field", hasItem("score"));
        answer(token, "{\"score\":4,\"likelihoodToRecommend\":11}").statusCode(400)
                .body("violations.field", hasItem("likelihoodToRecommend"));
        answer(token, "{\"score\":4,\"likelihoodToRecommend\":8.5}").statusCode(400)
                .body("violations.field", hasItem("likelihoodToRecommend"));
        answer(token, "{\"score\":4}").statusCode(400).body("violations.field", hasItem("likelihoodToRecommend"));
        answer(token, "{\"score\":4,\"likelihoodToRecommend\":9,\"comment\":\"" + "x".repeat(2001) + "\"}").statusCode(400)
                .body("violations.field", hasItem("comment"));
        answer(token.substring(0, token.length() - 2) + "zz", "{\"score\":4,\"likelihoodToRecommend\":9}").statusCode(404)
                .contentType("application/problem+json");
        answer("forged", "{\"score\":4,\"likelihoodToRecommend\":9}").statusCode(404);
        assertEquals("SENT", surveyRow(id)[0]);

        answer(token, "{\"score\":4,\"likelihoodToRecommend\":9,\"comment\":\"Quick replacement, thanks\"}")
                .statusCode(200).body("surveyId", equalTo(id)).body("score", equalTo(4));
        answer(token, "{\"score\":1,\"likelihoodToRecommend\":0,\"comment\":\"changed my mind\"}").statusCode(409)
                .contentType("application/problem+json").body("rule", equalTo("survey.answered"));
        Object[] row = surveyRow(id);
        assertEquals("ANSWERED", row[0]);
        assertEquals(4, ((Number) row[1]).intValue());
        assertEquals(9, ((Number) row[2]).intValue());
        assertEquals("Quick replacement, thanks", row[3]);
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/surveys/" + id).then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("score", equalTo(4)).body("likelihoodToRecommend", equalTo(9));

        EventProbe.Received event = EventProbe.await(AftersalesFixtures.AFTERSALES_EVENTS,
                r -> id.equals(r.key()) && "sales.survey.completed.v1".equals(r.type()), Duration.ofSeconds(30));
        assertMatchesSchema(event);
        JsonNode payload = json.readTree(event.value());
        assertEquals(customer, payload.get("customerId").asText());
        assertEquals(TestUsers.ALICE_ID, payload.get("repId").asText());
        assertEquals("east-1", payload.get("team").asText());
        assertEquals(4, payload.get("score").asInt());
        assertEquals(9, payload.get("likelihoodToRecommend").asInt());
        assertTrue(payload.get("caseId").isNull());
        assertFalse(event.value().contains("Quick replacement"), "the comment is personal data, not published");
        assertEquals(1, completedEvents(id, Duration.ofSeconds(3)).size());
    }

    @Test
    void an_expired_link_is_410_gone_and_records_nothing() {
        String customer = aliceCustomer(em);
        var sent = sendForOrder(order(customer, null));
        String id = sent.path("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE survey SET expires_at = now() - INTERVAL '1 minute' WHERE id = :id")
                .setParameter("id", UUID.fromString(id)).executeUpdate());
        answer(sent.path("token"), "{\"score\":5,\"likelihoodToRecommend\":10}").statusCode(410)
                .contentType("application/problem+json").body("rule", equalTo("survey.expired"));
        Object[] row = surveyRow(id);
        assertEquals("SENT", row[0]);
        assertEquals(null, row[1]);
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/surveys?status=EXPIRED&customerId=" + customer).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].answeredAt", nullValue());
        assertEquals(0, completedEvents(id, Duration.ofSeconds(2)).size());
    }

    @Test
    void of_two_simultaneous_answers_exactly_one_is_recorded() throws Exception {
        String customer = aliceCustomer(em);
        var sent = sendForOrder(order(customer, null));
        String token = sent.path("token");
        String id = sent.path("id");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int score : new int[] { 2, 5 }) {
                Callable<Integer> call = () -> {
                    start.await();
                    return answer(token, "{\"score\":" + score + ",\"likelihoodToRecommend\":5}").extract().statusCode();
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : results) {
                codes.add(f.get());
            }
            codes.sort(Integer::compare);
            assertEquals(List.of(200, 409), codes);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("ANSWERED", surveyRow(id)[0]);
        assertEquals(1, completedEvents(id, Duration.ofSeconds(5)).size());
    }

    private static ValidatableResponse issueLink(String token, String surveyId) {
        return given().auth().oauth2(token).when().post("/api/v1/surveys/" + surveyId + "/link").then();
    }

    private long linkIssues(String surveyId, String issuedBy) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM survey_link_issue WHERE survey_id = :id AND issued_by = :by")
                .setParameter("id", UUID.fromString(surveyId)).setParameter("by", issuedBy).getSingleResult())
                .longValue());
    }

    @Test
    void a_survey_sent_on_closing_gets_a_rotating_link_from_an_agent_or_the_teams_manager() {
        String customer = aliceCustomer(em);
        String caseId = logFeedback(TestUsers.alice(), customer, "survey link after closing");
        given().auth().oauth2(TestUsers.sam()).contentType(ContentType.JSON).body("{\"solution\":\"replaced\"}")
                .when().post("/api/v1/cases/" + caseId + "/resolve").then().statusCode(200);
        given().auth().oauth2(TestUsers.alice()).when().post("/api/v1/cases/" + caseId + "/confirm").then().statusCode(200);
        var listed = listFor(TestUsers.sam(), customer).statusCode(200).body("total", equalTo(1))
                .body("items[0].trigger", equalTo("CASE_CLOSED")).body("items[0].linkIssuedBy", nullValue()).extract();
        String id = listed.path("items[0].id");
        String expiresAt = listed.path("items[0].expiresAt");

        // roles and scope: nothing issued, nothing recorded
        issueLink(TestUsers.alice(), id).statusCode(403).contentType("application/problem+json");
        issueLink(TestUsers.diana(), id).statusCode(403);
        issueLink(TestUsers.wendy(), id).statusCode(404).contentType("application/problem+json");
        issueLink(TestUsers.sam(), UUID.randomUUID().toString()).statusCode(404);
        issueLink(TestUsers.sam(), "not-a-uuid").statusCode(400).body("violations.field", hasItem("id"));
        given().when().post("/api/v1/surveys/" + id + "/link").then().statusCode(401);
        assertEquals(0, linkIssues(id, TestUsers.WENDY_ID));

        var first = issueLink(TestUsers.sam(), id).statusCode(200).body("id", equalTo(id))
                .body("status", equalTo("SENT")).body("caseId", equalTo(caseId)).body("expiresAt", equalTo(expiresAt))
                .body("linkIssuedBy", equalTo(TestUsers.SAM_ID)).extract();
        String oldToken = first.path("token");
        assertTrue(oldToken.matches("[A-Za-z0-9_-]{43,}"), oldToken);
        assertEquals("/api/v1/surveys/" + oldToken + "/responses", first.path("answerPath"));
        assertEquals(SurveyService.hash(oldToken), surveyRow(id)[4]);

        // the team's manager rotates it: the previous link stops working, the expiry stays
        String newToken = issueLink(TestUsers.mike(), id).statusCode(200).body("expiresAt", equalTo(expiresAt))
                .body("linkIssuedBy", equalTo(TestUsers.MIKE_ID)).extract().path("token");
        assertFalse(newToken.equals(oldToken));
        answer(oldToken, "{\"score\":1,\"likelihoodToRecommend\":0}").statusCode(404)
                .contentType("application/problem+json");
        Object[] row = surveyRow(id);
        assertEquals("SENT", row[0]);
        assertEquals(null, row[1]);
        assertEquals(0, completedEvents(id, Duration.ofSeconds(2)).size());
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/surveys/" + id).then().statusCode(200)
                .body("linkIssuedBy", equalTo(TestUsers.MIKE_ID)).body("expiresAt", equalTo(expiresAt))
                .body("$", not(hasKey("token")));
        assertEquals(1, linkIssues(id, TestUsers.SAM_ID));
        assertEquals(1, linkIssues(id, TestUsers.MIKE_ID));

        answer(newToken, "{\"score\":5,\"likelihoodToRecommend\":9}").statusCode(200).body("surveyId", equalTo(id));
        issueLink(TestUsers.sam(), id).statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("survey.answered"));
        answer(newToken, "{\"score\":1,\"likelihoodToRecommend\":0}").statusCode(409);
        assertEquals(1, linkIssues(id, TestUsers.SAM_ID));
        assertEquals(1, completedEvents(id, Duration.ofSeconds(5)).size());
    }

    @Test
    void no_link_is_issued_for_an_expired_survey() {
        String customer = aliceCustomer(em);
        var sent = sendForOrder(order(customer, null));
        String id = sent.path("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE survey SET expires_at = now() - INTERVAL '1 minute' WHERE id = :id")
                .setParameter("id", UUID.fromString(id)).executeUpdate());
        issueLink(TestUsers.sam(), id).statusCode(410).contentType("application/problem+json")
                .body("rule", equalTo("survey.expired"));
        assertEquals(0, linkIssues(id, TestUsers.SAM_ID));
        answer(sent.path("token"), "{\"score\":5,\"likelihoodToRecommend\":10}").statusCode(410);
    }

    @Test
    void a_campaign_surveys_each_customer_with_a_settled_order_in_the_period_once_and_skips_recent_ones() {
        Instant day = Instant.parse("2026-08-10T00:00:00Z");
        String twice = aliceCustomer(em);
        order(twice, day.plusSeconds(3600));
        String latest = order(twice, day.plusSeconds(7200));
        String once = aliceCustomer(em);
        order(once, day.plusSeconds(600));
        String recent = aliceCustomer(em);
        String recentOrder = order(recent, day.plusSeconds(900));
        sendForOrder(recentOrder);
        String outside = aliceCustomer(em);
        order(outside, day.minusSeconds(60));
        assertEquals(day.plusSeconds(7200), settledAt(latest), "the replica keeps the fact's settledAt");

        String period = "{\"settledFrom\":\"2026-08-10T00:00:00Z\",\"settledTo\":\"2026-08-11T00:00:00Z\"}";
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(period)
                .when().post("/api/v1/survey-campaigns").then().statusCode(403);
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body(period)
                .when().post("/api/v1/survey-campaigns").then().statusCode(403);
        given().auth().oauth2(TestUsers.sam()).contentType(ContentType.JSON)
                .body("{\"settledFrom\":\"2026-08-11T00:00:00Z\",\"settledTo\":\"2026-08-10T00:00:00Z\"}")
                .when().post("/api/v1/survey-campaigns").then().statusCode(400)
                .body("violations.field", hasItem("settledFrom"));

        given().auth().oauth2(TestUsers.diana()).contentType(ContentType.JSON).body(period)
                .when().post("/api/v1/survey-campaigns").then().statusCode(200)
                .body("sent", equalTo(2)).body("skipped", equalTo(1)).body("surveys.size()", equalTo(2));
        listFor(TestUsers.sam(), twice).body("total", equalTo(1)).body("items[0].orderId", equalTo(latest))
                .body("items[0].trigger", equalTo("CAMPAIGN"));
        listFor(TestUsers.sam(), once).body("total", equalTo(1));
        listFor(TestUsers.sam(), recent).body("total", equalTo(1)).body("items[0].trigger", equalTo("MANUAL"));
        listFor(TestUsers.sam(), outside).body("total", equalTo(0));

        given().auth().oauth2(TestUsers.sam()).contentType(ContentType.JSON).body(period)
                .when().post("/api/v1/survey-campaigns").then().statusCode(200)
                .body("sent", equalTo(0)).body("skipped", equalTo(3));
    }
}
