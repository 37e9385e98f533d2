package com.salesaffairs.opportunity;

import static com.salesaffairs.opportunity.OpportunityFixtures.capture;
import static com.salesaffairs.opportunity.OpportunityFixtures.captureBody;
import static com.salesaffairs.opportunity.OpportunityFixtures.customer;
import static com.salesaffairs.opportunity.OpportunityFixtures.etag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Policy 3.1 after capture: stages with their probability, assignment with a reason, follow-up, and closing only with an analysis. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class OpportunityLifecycleTest {
    private static final String ANALYSIS = "Globex offered 12% below list and a five-year warranty; we matched neither.";

    private static String lost(String reason, String competitor, String analysis) {
        return "{\"outcome\":\"LOST\",\"reason\":\"" + reason + "\"" + (competitor == null ? "" : ",\"competitor\":\""
                + competitor + "\"") + (analysis == null ? "" : ",\"analysis\":\"" + analysis + "\"")
                + ",\"lessonsLearned\":\"Offer the warranty in the first proposal\"}";
    }

    private static String move(String token, String id, String ifMatch, String stage) {
        return given().auth().oauth2(token).header("If-Match", ifMatch).contentType(ContentType.JSON)
                .body("{\"stage\":\"" + stage + "\"}").when().post("/api/v1/opportunities/" + id + "/stage")
                .then().statusCode(200).extract().header("ETag");
    }

    @Test
    void stages_move_either_way_with_if_match_and_each_move_is_kept_and_published() throws Exception {
        String id = capture(TestUsers.alice(), customer(TestUsers.alice()));
        String v0 = etag(TestUsers.alice(), id);
        String v1 = given().auth().oauth2(TestUsers.alice()).header("If-Match", v0).contentType(ContentType.JSON)
                .body("{\"stage\":\"NEGOTIATION\",\"note\":\"price talks\"}")
                .when().post("/api/v1/opportunities/" + id + "/stage")
                .then().statusCode(200).body("stage", equalTo("NEGOTIATION")).body("probability", equalTo(75))
                .body("probabilityPolicyVersion", equalTo(1)).extract().header("ETag");
        given().auth().oauth2(TestUsers.alice()).header("If-Match", v0).contentType(ContentType.JSON)
                .body("{\"stage\":\"PROPOSAL\"}").when().post("/api/v1/opportunities/" + id + "/stage")
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(TestUsers.alice()).header("If-Match", "three").contentType(ContentType.JSON)
                .body("{\"stage\":\"PROPOSAL\"}").when().post("/api/v1/opportunities/" + id + "/stage")
                .then().statusCode(400).body("violations.field", hasItem("If-Match"));
        move(TestUsers.mike(), id, v1, "NEEDS_ANALYSIS");
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"stage\":\"NEEDS_ANALYSIS\"}")
                .when().post("/api/v1/opportunities/" + id + "/stage").then().statusCode(409);
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"stage\":\"WON\"}")
                .when().post("/api/v1/opportunities/" + id + "/stage")
                .then().statusCode(400).body("violations.field", hasItem("stage"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"stage\":2}")
                .when().post("/api/v1/opportunities/" + id + "/stage")
                .then().statusCode(400).body("violations.field", hasItem("stage"));
        given().auth().oauth2(TestUsers.bob()).contentType(ContentType.JSON).body("{\"stage\":\"PROPOSAL\"}")
                .when().post("/api/v1/opportunities/" + id + "/stage").then().statusCode(404);
        given().auth().oauth2(TestUsers.erin()).contentType(ContentType.JSON).body("{\"stage\":\"PROPOSAL\"}")
                .when().post("/api/v1/opportunities/" + id + "/stage").then().statusCode(403);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/opportunities/" + id)
                .then().body("stageHistory.to", equalTo(java.util.List.of("QUALIFICATION", "NEGOTIATION", "NEEDS_ANALYSIS")))
                .body("stageHistory[1].note", equalTo("price talks"))
                .body("stageHistory[2].changedBy", equalTo(TestUsers.MIKE_ID)).body("probability", equalTo(25));

        JsonNode changed = OpportunityFixtures.assertMatchesSchema(OpportunityFixtures.event(id,
                "sales.opportunity.stage-changed.v1"));
        assertEquals("QUALIFICATION", changed.path("fromStage").asText());
        assertEquals("NEGOTIATION", changed.path("stage").asText());
        assertEquals(75, changed.path("probability").asInt());
    }

    @Test
    void closing_needs_the_analysis_and_for_a_win_a_line_closing_twice_is_409_and_only_a_manager_reopens() throws Exception {
        String id = capture(TestUsers.alice(), customer(TestUsers.alice()));
        move(TestUsers.alice(), id, etag(TestUsers.alice(), id), "PROPOSAL");
        String url = "/api/v1/opportunities/" + id;
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(lost("PRICE", null, "too dear"))
                .when().post(url + "/close").then().statusCode(422).body("rule", equalTo("opportunity.closing-analysis"))
                .body("violations.field", hasItem("analysis"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(lost("PRICE", null, null))
                .when().post(url + "/close").then().statusCode(422).body("rule", equalTo("opportunity.closing-analysis"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"outcome\":\"WON\",\"analysis\":\"" + ANALYSIS + "\",\"lessonsLearned\":\"x\",\"lines\":[]}")
                .when().post(url + "/close").then().statusCode(422).body("rule", equalTo("opportunity.won-lines"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(lost("COMPETITOR", null, ANALYSIS))
                .when().post(url + "/close").then().statusCode(400).body("violations.field", hasItem("competitor"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"outcome\":\"LOST\",\"analysis\":\"" + ANALYSIS + "\",\"lessonsLearned\":\"x\"}")
                .when().post(url + "/close").then().statusCode(400).body("violations.field", hasItem("reason"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(lost("EXPENSIVE", null, ANALYSIS))
                .when().post(url + "/close").then().statusCode(400).body("violations.field", hasItem("reason"));
        given().auth().oauth2(TestUsers.alice()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(lost("COMPETITOR", "Globex", ANALYSIS)).when().post(url + "/close").then().statusCode(412);

        given().auth().oauth2(TestUsers.alice()).header("If-Match", etag(TestUsers.alice(), id)).contentType(ContentType.JSON)
                .body(lost("COMPETITOR", "Globex", ANALYSIS)).when().post(url + "/close")
                .then().statusCode(200).body("stage", equalTo("LOST")).body("probability", equalTo(0))
                .body("closing.reason", equalTo("COMPETITOR")).body("closing.competitor", equalTo("Globex"))
                .body("closing.closedFromStage", equalTo("PROPOSAL")).body("closing.cycleDays", equalTo(0))
                .body("nextFollowUpAt", nullValue()).body("overdue", equalTo(false)).body("daysWithoutContact", nullValue());
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(lost("COMPETITOR", "Globex", ANALYSIS))
                .when().post(url + "/close").then().statusCode(409);
        JsonNode lostEvent = OpportunityFixtures.assertMatchesSchema(OpportunityFixtures.event(id, "sales.opportunity.lost.v1"));
        assertEquals("Globex", lostEvent.path("competitor").asText());
        assertEquals(TestUsers.ALICE_ID, lostEvent.path("assigneeId").asText());
        assertEquals(0, lostEvent.path("cycleDays").asInt());
        assertFalse(lostEvent.has("analysis"), "the written analysis stays in the service");

        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"reason\":\"budget approved\"}")
                .when().post(url + "/reopen").then().statusCode(403);
        given().auth().oauth2(TestUsers.wendy()).contentType(ContentType.JSON).body("{\"reason\":\"budget approved\"}")
                .when().post(url + "/reopen").then().statusCode(404);
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .when().post(url + "/reopen").then().statusCode(400).body("violations.field", hasItem("reason"));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body("{\"reason\":\"budget approved\"}")
                .when().post(url + "/reopen").then().statusCode(200).body("stage", equalTo("PROPOSAL"))
                .body("probability", equalTo(50)).body("closing", nullValue()).body("nextFollowUpAt", notNullValue());
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .when().post(url + "/reopen").then().statusCode(409);
        JsonNode reopened = OpportunityFixtures.assertMatchesSchema(OpportunityFixtures.event(id,
                "sales.opportunity.reopened.v1"));
        assertEquals("LOST", reopened.path("reopenedFrom").asText());
        assertEquals("budget approved", reopened.path("reason").asText());

        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"outcome\":\"WON\",\"analysis\":\"" + ANALYSIS + "\",\"lessonsLearned\":\"Warranty first\","
                        + "\"lines\":[{\"sku\":\"PUMP-200\",\"quantity\":2,\"unitPrice\":480.00},{\"sku\":\"VALVE-50\",\"quantity\":10}]}")
                .when().post(url + "/close").then().statusCode(200).body("stage", equalTo("WON"))
                .body("closing.lines[1].sku", equalTo("VALVE-50"));
        JsonNode won = OpportunityFixtures.assertMatchesSchema(OpportunityFixtures.event(id, "sales.opportunity.won.v1"));
        assertEquals(2, won.path("lines").size());
        assertEquals(0, won.path("lines").get(0).path("unitPrice").decimalValue().compareTo(new BigDecimal("480.00")));
        assertEquals("PROPOSAL", won.path("closedFromStage").asText());
        assertEquals("east-1", won.path("team").asText());
    }

    @Test
    void a_manager_assigns_only_to_a_known_rep_of_the_team_with_a_reason_on_the_record() throws Exception {
        // Reps become known to the service from their own requests.
        given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/opportunities").then().statusCode(200);
        given().auth().oauth2(TestUsers.cindy()).when().get("/api/v1/opportunities").then().statusCode(200);
        String id = given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body(captureBody(customer(TestUsers.alice()))).when().post("/api/v1/opportunities")
                .then().statusCode(201).extract().path("id");
        String url = "/api/v1/opportunities/" + id + "/assignment";
        String reason = "{\"assigneeId\":\"%s\",\"reason\":\"closed two pump deals in Ningbo this quarter\"}";
        for (String stranger : new String[] { TestUsers.CINDY_ID, "00000000-0000-4000-8000-00000000ffff", TestUsers.MIKE_ID }) {
            given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body(reason.formatted(stranger))
                    .when().post(url).then().statusCode(422).body("rule", equalTo("opportunity.assignee-in-team"))
                    .body("violations.field", hasItem("assigneeId"));
        }
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(reason.formatted(TestUsers.BOB_ID))
                .when().post(url).then().statusCode(403);
        given().auth().oauth2(TestUsers.wendy()).contentType(ContentType.JSON).body(reason.formatted(TestUsers.BOB_ID))
                .when().post(url).then().statusCode(404);
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body("{\"assigneeId\":\"" + TestUsers.BOB_ID + "\"}").when().post(url)
                .then().statusCode(400).body("violations.field", hasItem("reason"));
        given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/opportunities/" + id).then().statusCode(404);

        given().auth().oauth2(TestUsers.mike()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(reason.formatted(TestUsers.BOB_ID)).when().post(url)
                .then().statusCode(200).body("assigneeId", equalTo(TestUsers.BOB_ID)).body("assignedAt", notNullValue());
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body(reason.formatted(TestUsers.BOB_ID))
                .when().post(url).then().statusCode(409);
        given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/opportunities/" + id + "/assignments")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].assignedBy", equalTo(TestUsers.MIKE_ID))
                .body("items[0].previousAssigneeId", nullValue()).body("items[0].followedTopSuggestion", notNullValue())
                .body("items[0].policyVersion", notNullValue())
                .body("items[0].reason", equalTo("closed two pump deals in Ningbo this quarter"));
        JsonNode assigned = OpportunityFixtures.assertMatchesSchema(OpportunityFixtures.event(id,
                "sales.opportunity.assigned.v1"));
        assertEquals(TestUsers.BOB_ID, assigned.path("assigneeId").asText());
        assertTrue(assigned.path("previousAssigneeId").isNull());
        assertEquals(TestUsers.MIKE_ID, assigned.path("assignedBy").asText());
    }

    @Test
    void follow_up_moves_last_contact_and_next_date_and_the_overdue_list_shows_each_scope_its_own() throws Exception {
        String customer = customer(TestUsers.alice());
        String late = capture(TestUsers.alice(), customer);
        String fresh = capture(TestUsers.alice(), customer);
        String url = "/api/v1/opportunities/" + late + "/activities";
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String visit = "{\"type\":\"VISIT\",\"occurredAt\":\"" + tenDaysAgo + "\",\"summary\":\"Plant tour with Li Wei\","
                + "\"nextStep\":\"proposal\",\"nextFollowUpAt\":\"" + tenDaysAgo.plus(Duration.ofDays(1)) + "\"}";
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(visit.replace(tenDaysAgo.toString(), Instant.now().plus(Duration.ofDays(1)).toString()))
                .when().post(url).then().statusCode(400).body("violations.field", hasItem("occurredAt"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"type\":\"CALL\",\"occurredAt\":\"" + Instant.now() + "\",\"summary\":\"called\"}")
                .when().post(url).then().statusCode(400).body("violations.field", hasItem("nextFollowUpAt"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"type\":\"SMOKE_SIGNAL\",\"occurredAt\":\"" + Instant.now() + "\",\"summary\":\" \"}")
                .when().post(url).then().statusCode(400).body("violations.field", hasItem("type"));
        given().auth().oauth2(TestUsers.bob()).contentType(ContentType.JSON).body(visit).when().post(url).then().statusCode(404);
        given().auth().oauth2(TestUsers.erin()).contentType(ContentType.JSON).body(visit).when().post(url).then().statusCode(403);

        String activity = given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(visit)
                .when().post(url).then().statusCode(201).body("type", equalTo("VISIT")).extract().path("id");
        JsonPath now = given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/opportunities/" + late)
                .then().statusCode(200).body("overdue", equalTo(true)).body("daysWithoutContact", equalTo(10))
                .body("followUpPolicyVersion", equalTo(1)).extract().jsonPath();
        assertEquals(tenDaysAgo, Instant.parse(now.getString("lastContactAt")));
        assertEquals(tenDaysAgo.plus(Duration.ofDays(1)), Instant.parse(now.getString("nextFollowUpAt")));
        given().auth().oauth2(TestUsers.mike()).when().get(url).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].summary", equalTo("Plant tour with Li Wei")).body("items[0].id", equalTo(activity));
        given().auth().oauth2(TestUsers.alice()).when().get(url + "/" + activity).then().statusCode(200)
                .body("nextStep", equalTo("proposal"));

        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/opportunities?overdue=true&size=200")
                .then().statusCode(200).body("items.id", hasItem(late)).body("items.id", not(hasItem(fresh)));
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/opportunities?overdue=true&size=200")
                .then().statusCode(200).body("items.id", hasItem(late));
        given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/opportunities?overdue=true&size=200")
                .then().statusCode(200).body("items.id", not(hasItem(late)));
        given().auth().oauth2(TestUsers.wendy()).when().get("/api/v1/opportunities?overdue=true&size=200")
                .then().statusCode(200).body("items.id", not(hasItem(late)));

        // A call today with a date ahead takes it off the list.
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"type\":\"CALL\",\"occurredAt\":\"" + Instant.now().minusSeconds(60) + "\",\"summary\":\"agreed a date\","
                        + "\"nextFollowUpAt\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\"}")
                .when().post(url).then().statusCode(201);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/opportunities?overdue=true&size=200")
                .then().body("items.id", not(hasItem(late)));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/opportunities/" + late)
                .then().body("overdue", equalTo(false)).body("daysWithoutContact", equalTo(0));

        JsonNode logged = OpportunityFixtures.assertMatchesSchema(OpportunityFixtures.event(late,
                "sales.opportunity.activity-logged.v1"));
        assertEquals("VISIT", logged.path("activityType").asText());
        assertFalse(logged.toString().contains("Li Wei"), "summaries stay in the service");
    }

    @Test
    void the_weighted_pipeline_adds_amount_times_probability_within_the_callers_scope() {
        String customer = customer(TestUsers.alice());
        BigDecimal before = weighted(TestUsers.alice(), "", "PROPOSAL");
        String id = capture(TestUsers.alice(), customer);
        move(TestUsers.alice(), id, etag(TestUsers.alice(), id), "PROPOSAL");
        assertEquals(0, before.add(new BigDecimal("500.00")).compareTo(weighted(TestUsers.alice(), "", "PROPOSAL")));
        assertEquals(0, weighted(TestUsers.alice(), "", "PROPOSAL").compareTo(
                weighted(TestUsers.mike(), "?assigneeId=" + TestUsers.ALICE_ID, "PROPOSAL")));
        // Another team's manager asking for this team sees nothing of it.
        given().auth().oauth2(TestUsers.wendy()).when().get("/api/v1/opportunities/pipeline?team=east-1")
                .then().statusCode(200).body("currencies.size()", equalTo(0));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/opportunities/pipeline").then().statusCode(403);
        JsonPath pipeline = given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/opportunities/pipeline?team=east-1")
                .then().statusCode(200).extract().jsonPath();
        BigDecimal stages = pipeline.getList("currencies[0].stages.weightedAmount", BigDecimal.class).stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, stages.compareTo(new BigDecimal(pipeline.getString("currencies[0].weightedAmount"))));
    }

    private static BigDecimal weighted(String token, String query, String stage) {
        JsonPath p = given().auth().oauth2(token).when().get("/api/v1/opportunities/pipeline" + query)
                .then().statusCode(200).extract().jsonPath();
        if (p.getList("currencies").isEmpty()) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(p.getString("currencies.find { it.currency == 'CNY' }.stages.find { it.stage == '" + stage
                + "' }.weightedAmount"));
    }
}
