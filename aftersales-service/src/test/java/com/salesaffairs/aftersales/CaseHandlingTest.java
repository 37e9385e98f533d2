package com.salesaffairs.aftersales;

import static com.salesaffairs.aftersales.AftersalesFixtures.aliceCustomer;
import static com.salesaffairs.aftersales.AftersalesFixtures.assertMatchesSchema;
import static com.salesaffairs.aftersales.AftersalesFixtures.logFeedback;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.aftersales.domain.SlaClock;
import com.salesaffairs.aftersales.domain.SlaPolicy;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class CaseHandlingTest {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    private String newCase() {
        return logFeedback(TestUsers.alice(), aliceCustomer(em), "handling " + UUID.randomUUID());
    }

    private static ValidatableResponse act(String token, String id, String action, String body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/v1/cases/" + id + "/" + action).then();
    }

    private static ValidatableResponse act(String token, String id, String action, String body, String ifMatch) {
        return given().auth().oauth2(token).header("If-Match", ifMatch).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + id + "/" + action).then();
    }

    private JsonNode event(String type, String caseId) throws Exception {
        EventProbe.Received e = EventProbe.await(AftersalesFixtures.AFTERSALES_EVENTS,
                r -> caseId.equals(r.key()) && type.equals(r.type()), Duration.ofSeconds(30));
        assertMatchesSchema(e);
        return json.readTree(e.value());
    }

    private static final String ASSIGN_QUALITY = "{\"department\":\"QUALITY\",\"assigneeId\":\"" + TestUsers.SAM_ID
            + "\",\"note\":\"inspect the seals\"}";

    @Test
    void a_case_is_assigned_then_transferred_and_the_history_keeps_both() throws Exception {
        String id = newCase();
        act(TestUsers.sam(), id, "assign", ASSIGN_QUALITY).statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("department", equalTo("QUALITY"))
                .body("assigneeId", equalTo(TestUsers.SAM_ID)).header("ETag", equalTo("\"1\""));
        act(TestUsers.mike(), id, "assign", "{\"department\":\"TECHNICAL\",\"note\":\"needs an engineer\"}").statusCode(200)
                .body("department", equalTo("TECHNICAL")).body("assigneeId", nullValue());

        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id + "/history")
                .then().statusCode(200).body("total", equalTo(3))
                .body("items.action", equalTo(List.of("LOGGED", "ASSIGNED", "TRANSFERRED")))
                .body("items[1].department", equalTo("QUALITY")).body("items[1].actor", equalTo(TestUsers.SAM_ID))
                .body("items[1].text", equalTo("inspect the seals"))
                .body("items[2].department", equalTo("TECHNICAL")).body("items[2].actor", equalTo(TestUsers.MIKE_ID));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id + "/history?page=1&size=2")
                .then().statusCode(200).body("total", equalTo(3)).body("items.action", equalTo(List.of("TRANSFERRED")));
        given().auth().oauth2(TestUsers.cindy()).when().get("/api/v1/cases/" + id + "/history").then().statusCode(404);

        List<EventProbe.Received> assigned = EventProbe.all(AftersalesFixtures.AFTERSALES_EVENTS,
                r -> id.equals(r.key()) && "sales.case.assigned.v1".equals(r.type()), Duration.ofSeconds(5));
        assertEquals(2, assigned.size());
        assigned.forEach(AftersalesFixtures::assertMatchesSchema);
        JsonNode last = json.readTree(assigned.get(1).value());
        assertEquals("TECHNICAL", last.get("department").asText());
        assertTrue(last.get("transfer").asBoolean());
        assertEquals(TestUsers.MIKE_ID, last.get("assignedBy").asText());
        assertEquals(false, json.readTree(assigned.get(0).value()).get("transfer").asBoolean());
    }

    @Test
    void only_agents_the_customers_team_manager_and_the_director_assign() {
        String id = newCase();
        act(TestUsers.alice(), id, "assign", ASSIGN_QUALITY).statusCode(403).contentType("application/problem+json");
        act(TestUsers.fiona(), id, "assign", ASSIGN_QUALITY).statusCode(403);
        act(TestUsers.wendy(), id, "assign", ASSIGN_QUALITY).statusCode(404).contentType("application/problem+json");
        act(TestUsers.diana(), id, "assign", ASSIGN_QUALITY).statusCode(200);
        act(TestUsers.sam(), UUID.randomUUID().toString(), "assign", ASSIGN_QUALITY).statusCode(404);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id).then().body("version", equalTo(1));
    }

    @Test
    void bad_bodies_are_400_naming_the_field_and_change_nothing() {
        String id = newCase();
        act(TestUsers.sam(), id, "assign", "{\"department\":\"LEGAL\",\"note\":\"x\"}").statusCode(400)
                .body("violations.field", hasItem("department"));
        act(TestUsers.sam(), id, "assign", "{\"department\":\"SALES\"}").statusCode(400).body("violations.field", hasItem("note"));
        act(TestUsers.sam(), id, "comments", "{\"text\":\"  \"}").statusCode(400).body("violations.field", hasItem("text"));
        act(TestUsers.sam(), id, "comments", "{\"text\":\"x\",\"status\":\"CLOSED\"}").statusCode(400)
                .body("violations.field", hasItem("status"));
        act(TestUsers.sam(), id, "respond", "{}").statusCode(400).body("violations.field", hasItem("message"));
        act(TestUsers.sam(), id, "wait-for-customer", "{}").statusCode(400).body("violations.field", hasItem("reason"));
        act(TestUsers.sam(), id, "resolve", "{\"solution\":\"\"}").statusCode(400).body("violations.field", hasItem("solution"));
        act(TestUsers.sam(), id, "reopen", "{}").statusCode(400).body("violations.field", hasItem("reason"));
        act(TestUsers.sam(), id, "respond", "{\"message\":\"hi\"}", "not-a-version").statusCode(400)
                .body("violations.field", hasItem("If-Match"));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/cases?department=LEGAL").then().statusCode(400)
                .body("violations.field", hasItem("department"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id).then()
                .body("version", equalTo(0)).body("status", equalTo("OPEN"));
    }

    @Test
    void the_first_response_stops_the_response_clock_and_a_stale_if_match_is_412() {
        String id = newCase();
        act(TestUsers.alice(), id, "respond", "{\"message\":\"sorry, we are on it\"}", "\"0\"").statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("firstRespondedAt", notNullValue())
                .body("responseMet", equalTo(true)).header("ETag", equalTo("\"1\""));
        String first = given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id).then()
                .extract().path("firstRespondedAt");
        act(TestUsers.alice(), id, "respond", "{\"message\":\"late\"}", "\"0\"").statusCode(412)
                .contentType("application/problem+json");
        act(TestUsers.sam(), id, "respond", "{\"message\":\"second answer\"}", "W/\"1\"").statusCode(200)
                .body("firstRespondedAt", equalTo(first)).body("version", equalTo(2));
        act(TestUsers.cindy(), id, "respond", "{\"message\":\"not mine\"}").statusCode(404);
        act(TestUsers.bob(), id, "respond", "{\"message\":\"not mine\"}").statusCode(404);
        act(TestUsers.fiona(), id, "respond", "{\"message\":\"no\"}").statusCode(403);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id + "/history").then()
                .body("items.action", equalTo(List.of("LOGGED", "RESPONDED", "RESPONDED")))
                .body("items[1].customerContact", equalTo(true));
    }

    @Test
    void resolving_publishes_the_business_time_taken_and_confirming_closes_the_case() throws Exception {
        String id = newCase();
        act(TestUsers.sam(), id, "respond", "{\"message\":\"we will replace the seals\"}").statusCode(200);
        act(TestUsers.alice(), id, "resolve", "{\"solution\":\"seals replaced on site\"}").statusCode(200)
                .body("status", equalTo("RESOLVED")).body("solution", equalTo("seals replaced on site"))
                .body("resolutionMet", equalTo(true)).body("resolvedAt", notNullValue());
        act(TestUsers.alice(), id, "resolve", "{\"solution\":\"again\"}").statusCode(409)
                .contentType("application/problem+json");
        act(TestUsers.alice(), id, "assign", ASSIGN_QUALITY).statusCode(403);
        act(TestUsers.sam(), id, "assign", ASSIGN_QUALITY).statusCode(409);

        JsonNode resolved = event("sales.case.resolved.v1", id);
        assertEquals(TestUsers.ALICE_ID, resolved.get("resolvedBy").asText());
        assertTrue(resolved.get("responseMet").asBoolean());
        assertTrue(resolved.get("resolutionMet").asBoolean());
        assertTrue(resolved.get("resolutionBusinessMinutes").asLong() >= 0);
        assertEquals("MEDIUM", resolved.get("severity").asText());

        act(TestUsers.bob(), id, "confirm", null).statusCode(404);
        act(TestUsers.mike(), id, "confirm", null).statusCode(403);
        act(TestUsers.alice(), id, "confirm", null).statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedAt", notNullValue());
        act(TestUsers.sam(), id, "confirm", null).statusCode(409);
        act(TestUsers.sam(), id, "reopen", "{\"reason\":\"too late\"}").statusCode(409);
        act(TestUsers.sam(), id, "comments", "{\"text\":\"after closing\",\"customerContact\":false}").statusCode(409);
        JsonNode closed = event("sales.case.closed.v1", id);
        assertEquals(TestUsers.ALICE_ID, closed.get("confirmedBy").asText());
        assertTrue(closed.get("resolutionMet").asBoolean());
    }

    @Test
    void reopening_a_resolved_case_restarts_its_resolution_clock() throws Exception {
        String id = newCase();
        act(TestUsers.sam(), id, "confirm", null).statusCode(409);
        act(TestUsers.sam(), id, "reopen", "{\"reason\":\"never resolved\"}").statusCode(409);
        act(TestUsers.sam(), id, "resolve", "{\"solution\":\"replaced\"}").statusCode(200)
                .body("firstRespondedAt", notNullValue());
        act(TestUsers.alice(), id, "reopen", "{\"reason\":\"leaks again\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).body("resolvedAt", nullValue()).body("solution", nullValue());
        var view = given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id).then().extract();
        Instant restarted = Instant.parse(view.path("resolutionStartedAt"));
        SlaPolicy policy = activePolicy();
        assertEquals(policy.clock().deadline(restarted, 27), Instant.parse(view.path("resolutionDueAt")));
        JsonNode reopened = event("sales.case.reopened.v1", id);
        assertEquals("leaks again", reopened.get("reason").asText());
        assertEquals(view.<String>path("resolutionDueAt"), reopened.get("resolutionDueAt").asText());
    }

    private SlaPolicy activePolicy() {
        try {
            JsonNode p = json.readTree(given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/policies/aftersales.sla")
                    .then().statusCode(200).extract().asString());
            return SlaPolicy.from(p.get("version").asInt(), p.get("content"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void waiting_for_the_customer_pauses_the_resolution_clock_until_a_customer_contact() {
        String id = newCase();
        act(TestUsers.sam(), id, "respond", "{\"message\":\"please send photos\"}").statusCode(200);
        act(TestUsers.sam(), id, "wait-for-customer", "{\"reason\":\"photos of the leak\"}").statusCode(200)
                .body("status", equalTo("WAITING_FOR_CUSTOMER")).body("waitingSince", notNullValue());
        act(TestUsers.sam(), id, "wait-for-customer", "{\"reason\":\"again\"}").statusCode(409);
        // Three days of waiting, so the pause spans working time whenever the test runs.
        Instant since = Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("UPDATE service_case SET waiting_since = :t WHERE id = :id")
                .setParameter("t", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).setParameter("id", UUID.fromString(id))
                .executeUpdate());
        Instant dueBefore = Instant.parse(given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id)
                .then().extract().path("resolutionDueAt"));

        act(TestUsers.alice(), id, "comments", "{\"text\":\"left a voicemail\",\"customerContact\":false}").statusCode(200)
                .body("status", equalTo("WAITING_FOR_CUSTOMER"));
        act(TestUsers.alice(), id, "comments", "{\"text\":\"customer sent the photos\",\"customerContact\":true}")
                .statusCode(200).body("status", equalTo("IN_PROGRESS")).body("waitingSince", nullValue());

        var history = given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id + "/history").then()
                .body("items.action", equalTo(List.of("LOGGED", "RESPONDED", "WAITING_FOR_CUSTOMER", "COMMENTED",
                        "COMMENTED", "RESUMED")))
                .body("items[4].customerContact", equalTo(true)).extract();
        Instant resumedAt = Instant.parse(history.path("items[5].at"));
        SlaClock clock = activePolicy().clock();
        Instant dueAfter = Instant.parse(given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id)
                .then().extract().path("resolutionDueAt"));
        assertEquals(clock.resumed(dueBefore, since, resumedAt), dueAfter);
        assertTrue(dueAfter.isAfter(dueBefore), "three days of waiting hold working hours");
    }

    @Test
    void a_respond_ends_a_wait_too() {
        String id = newCase();
        act(TestUsers.alice(), id, "wait-for-customer", "{\"reason\":\"call back\"}").statusCode(200);
        act(TestUsers.alice(), id, "respond", "{\"message\":\"called back\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id + "/history").then()
                .body("items.action", equalTo(List.of("LOGGED", "WAITING_FOR_CUSTOMER", "RESPONDED", "RESUMED")));
    }

    @Test
    void an_agent_works_a_departments_queue_and_a_rep_only_sees_their_customers_cases() {
        String id = newCase();
        String other = newCase();
        act(TestUsers.sam(), id, "assign", "{\"department\":\"WAREHOUSE\",\"note\":\"replacement parts\"}").statusCode(200);
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/cases?department=WAREHOUSE&size=200").then()
                .statusCode(200).body("items.id", hasItem(id))
                .body("items.department", org.hamcrest.Matchers.everyItem(equalTo("WAREHOUSE")))
                .body("items.id", org.hamcrest.Matchers.not(hasItem(other)));
        given().auth().oauth2(TestUsers.cindy()).when().get("/api/v1/cases?department=WAREHOUSE&size=200").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/cases?department=WAREHOUSE&size=200").then()
                .statusCode(200).body("items.id", hasItem(id));
    }

    private static final String[][] ACTIONS = {
            { "assign", ASSIGN_QUALITY },
            { "comments", "{\"text\":\"note\",\"customerContact\":false}" },
            { "respond", "{\"message\":\"hello\"}" },
            { "wait-for-customer", "{\"reason\":\"photos\"}" },
            { "resolve", "{\"solution\":\"fixed\"}" },
            { "confirm", "{}" },
            { "reopen", "{\"reason\":\"again\"}" } };

    @Test
    void roles_that_do_not_work_cases_get_403_on_every_action_and_nothing_changes() {
        String id = newCase();
        for (String[] a : ACTIONS) {
            for (String token : List.of(TestUsers.fiona(), TestUsers.walt(), TestUsers.erin(), TestUsers.admin(),
                    TestUsers.paul())) {
                act(token, id, a[0], a[1]).statusCode(403).contentType("application/problem+json");
            }
        }
        // The 403s of single actions: a rep does not assign, a manager or director does not confirm.
        act(TestUsers.alice(), id, "assign", ASSIGN_QUALITY).statusCode(403);
        act(TestUsers.mike(), id, "confirm", "{}").statusCode(403);
        act(TestUsers.diana(), id, "confirm", "{}").statusCode(403);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id).then()
                .body("version", equalTo(0)).body("status", equalTo("OPEN"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id + "/history").then()
                .body("total", equalTo(1));
    }

    @Test
    void callers_outside_the_cases_scope_get_404_on_every_action_and_its_history() {
        String id = newCase();
        for (String[] a : ACTIONS) {
            act(TestUsers.cindy(), id, a[0], a[1]).statusCode(a[0].equals("assign") ? 403 : 404);
            act(TestUsers.wendy(), id, a[0], a[1]).statusCode(a[0].equals("confirm") ? 403 : 404);
            act(TestUsers.bob(), id, a[0], a[1]).statusCode(a[0].equals("assign") ? 403 : 404);
        }
        given().auth().oauth2(TestUsers.wendy()).when().get("/api/v1/cases/" + id + "/history").then().statusCode(404);
        given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/cases/" + id + "/history").then().statusCode(404);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id).then().body("version", equalTo(0));
    }

    @Test
    void a_stale_if_match_is_412_on_every_action_and_changes_nothing() {
        String id = newCase();
        act(TestUsers.sam(), id, "comments", "{\"text\":\"first\",\"customerContact\":false}").statusCode(200);
        for (String[] a : ACTIONS) {
            act(TestUsers.sam(), id, a[0], a[1], "\"0\"").statusCode(412).contentType("application/problem+json");
        }
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id).then()
                .body("version", equalTo(1)).body("status", equalTo("OPEN"));
    }
}
