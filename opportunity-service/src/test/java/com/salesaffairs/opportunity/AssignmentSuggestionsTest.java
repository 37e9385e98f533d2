package com.salesaffairs.opportunity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/** Policy 3.1, assignment by results and ability: suggestions from KPI facts, closes, load and match, and what the manager did with them. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class AssignmentSuggestionsTest {
    private static final String TOPIC = "sales.performance.events";
    private static final List<String> PRODUCTS = List.of("PUMP-200");

    @Inject
    EntityManager em;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).config(RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private static JsonPath suggestions(String token, String id) {
        return as(token).when().get("/api/v1/opportunities/" + id + "/assignment-suggestions").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath awaitSuggestions(String token, String id, Predicate<JsonPath> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath s = suggestions(token, id);
        while (!done.test(s) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            s = suggestions(token, id);
        }
        assertTrue(done.test(s), "suggestions never reached the expected state: " + s.prettify());
        return s;
    }

    private static String thisMonth() {
        return YearMonth.now(ZoneOffset.UTC).toString();
    }

    private static String kpi(String repId, String team, String period, String sales, Instant updatedAt) {
        return "{\"repId\":\"" + repId + "\",\"period\":\"" + period + "\",\"team\":\"" + team + "\",\"region\":\"east\","
                + "\"currency\":\"CNY\",\"salesAmount\":" + sales + ",\"costAmount\":0.00,\"grossMargin\":" + sales
                + ",\"orderCount\":1,\"refundCount\":0,\"updatedAt\":\"" + updatedAt + "\"}";
    }

    private static void publish(String ceId, String type, String repId, String payload) {
        Map<String, String> headers = EventProbe.cloudEventHeaders(ceId, "/performance-service", type, repId);
        EventProbe.publish(TOPIC, repId, headers, payload);
    }

    private long inboxRows(String ceId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM inbox_event WHERE ce_id = CAST(:id AS uuid)")
                .setParameter("id", ceId).getSingleResult()).longValue());
    }

    private void awaitInbox(String ceId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (inboxRows(ceId) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(1, inboxRows(ceId), "event " + ceId + " was never applied");
    }

    private static int policyVersion() {
        return given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/opportunity.assignment")
                .then().statusCode(200).extract().path("version");
    }

    @Test
    void kpi_facts_from_the_broker_move_the_ranking_and_every_score_shows_its_components() throws Exception {
        FreshTeam team = FreshTeam.of(2);
        String id = team.capture(team.customer(), "1000.00", "MARKET_RESEARCH", PRODUCTS);

        // Nothing known yet: equal scores, so the tie goes to the lower load, then the username.
        JsonPath before = suggestions(team.manager().token(), id);
        assertEquals(team.rep(0).id(), before.getString("suggestions[0].repId"));
        assertEquals(policyVersion(), before.getInt("policyVersion"));
        assertEquals("opportunity.assignment", before.getString("policyKey"));
        assertEquals(0, new BigDecimal("0.4").compareTo(before.get("suggestions[0].score")), before.prettify());
        assertEquals(0, new BigDecimal("0.4").compareTo(before.get("suggestions[1].score")));
        assertEquals("NEUTRAL", before.getString("suggestions[0].data.winRateSource"));
        assertEquals(0, before.getInt("suggestions[0].data.winRateSampleSize"));
        assertEquals(25, before.getInt("suggestions[0].data.capacity"));
        assertEquals(0, before.getInt("suggestions[0].data.openLoad"));
        assertEquals(thisMonth(), before.getString("window.toMonth"));

        String bobsEvent = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), "sales.kpi.updated.v1", team.rep(0).id(),
                kpi(team.rep(0).id(), team.name(), thisMonth(), "1000.00", Instant.now()));
        publish(bobsEvent, "sales.kpi.updated.v1", team.rep(1).id(),
                kpi(team.rep(1).id(), team.name(), thisMonth(), "5000.00", Instant.now()));

        JsonPath after = awaitSuggestions(team.manager().token(), id,
                s -> team.rep(1).id().equals(s.getString("suggestions[0].repId"))
                        && s.get("suggestions[1].data.salesInWindow") != null);
        // b: performance 1 x 0.4 + win rate 0.5 x 0.3 + free capacity 1 x 0.2 + match 0.5 x 0.1 = 0.8
        assertEquals(0, new BigDecimal("0.8").compareTo(after.get("suggestions[0].score")), after.prettify());
        assertEquals(0, new BigDecimal("0.48").compareTo(after.get("suggestions[1].score")));
        assertEquals("performance", after.getString("suggestions[1].components[0].name"));
        assertEquals(0, new BigDecimal("0.2").compareTo(after.get("suggestions[1].components[0].value")));
        assertEquals(0, new BigDecimal("0.4").compareTo(after.get("suggestions[1].components[0].weight")));
        assertEquals(0, new BigDecimal("0.08").compareTo(after.get("suggestions[1].components[0].contribution")));
        assertEquals(0, new BigDecimal("1000.00").compareTo(after.get("suggestions[1].data.salesInWindow")));
        assertEquals(0, new BigDecimal("5000.00").compareTo(after.get("suggestions[1].data.bestTeamSalesInWindow")));
        assertEquals("match", after.getString("suggestions[0].components[3].name"));
        assertEquals(0, new BigDecimal("0.5").compareTo(after.get("suggestions[0].components[3].value")),
                "same region, no product won before");
        assertEquals(2, after.getInt("suggestions[1].rank"));

        // The same event again (same ce_id), even with other figures, and an older fact under a new id, change nothing.
        publish(bobsEvent, "sales.kpi.updated.v1", team.rep(1).id(),
                kpi(team.rep(1).id(), team.name(), thisMonth(), "1.00", Instant.now()));
        String ignoredType = UUID.randomUUID().toString();
        publish(ignoredType, "sales.target.approved.v1", team.rep(1).id(), "{\"repId\":\"" + team.rep(1).id() + "\"}");
        String stale = UUID.randomUUID().toString();
        publish(stale, "sales.kpi.updated.v1", team.rep(1).id(),
                kpi(team.rep(1).id(), team.name(), thisMonth(), "2.00", Instant.parse("2020-01-01T00:00:00Z")));
        // Same key, same partition: once the stale fact is applied, everything before it was handled.
        awaitInbox(stale);
        assertEquals(1, inboxRows(bobsEvent));
        assertEquals(0, inboxRows(ignoredType), "a type this service does not use leaves no inbox row");
        JsonPath still = suggestions(team.manager().token(), id);
        assertEquals(team.rep(1).id(), still.getString("suggestions[0].repId"));
        assertEquals(0, new BigDecimal("5000.00").compareTo(still.get("suggestions[0].data.salesInWindow")));
    }

    @Test
    void a_kpi_event_without_sales_amount_goes_to_the_dead_letter_topic() {
        String repId = UUID.randomUUID().toString();
        String payload = kpi(repId, "east-1", thisMonth(), "10.00", Instant.now()).replace("\"salesAmount\":10.00,", "");
        publish(UUID.randomUUID().toString(), "sales.kpi.updated.v1", repId, payload);
        EventProbe.Received dead = EventProbe.await(TOPIC + ".dlq", r -> repId.equals(r.key()), Duration.ofSeconds(30));
        assertEquals("sales.kpi.updated.v1", dead.type());
        assertTrue(dead.headers().getOrDefault("dead-letter-reason", "").contains("salesAmount"), dead.headers().toString());
    }

    @Test
    void only_the_teams_manager_a_director_or_an_admin_see_suggestions_and_another_teams_manager_gets_404() {
        FreshTeam team = FreshTeam.of(1);
        String id = team.capture(team.customer(), "100.00", "MARKET_RESEARCH", PRODUCTS);
        String url = "/api/v1/opportunities/" + id + "/assignment-suggestions";
        given().auth().oauth2(team.rep(0).token()).when().get(url).then().statusCode(403);
        given().auth().oauth2(TestUsers.alice()).when().get(url).then().statusCode(403);
        given().auth().oauth2(TestUsers.erin()).when().get(url).then().statusCode(403);
        given().auth().oauth2(TestUsers.mike()).when().get(url).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestUsers.wendy()).when().get(url).then().statusCode(404);
        given().auth().oauth2(team.manager().token()).when().get("/api/v1/opportunities/" + UUID.randomUUID()
                + "/assignment-suggestions").then().statusCode(404);
        for (String token : new String[] { team.manager().token(), TestUsers.diana(), TestUsers.admin() }) {
            given().auth().oauth2(token).when().get(url).then().statusCode(200)
                    .body("suggestions[0].repId", equalTo(team.rep(0).id())).body("team", equalTo(team.name()))
                    .body("atCapacity", empty());
        }
    }

    @Test
    void the_assignment_records_whether_the_manager_followed_the_top_suggestion_as_computed_by_the_server() {
        FreshTeam team = FreshTeam.of(2);
        String customer = team.customer();
        String first = team.capture(customer, "100.00", "MARKET_RESEARCH", PRODUCTS);
        String second = team.capture(customer, "100.00", "MARKET_RESEARCH", PRODUCTS);
        int version = policyVersion();

        // a is the top suggestion (a tie, broken by username); taking a follows it.
        team.assign(first, team.rep(0));
        as(team.manager().token()).when().get("/api/v1/opportunities/" + first + "/assignments").then().statusCode(200)
                .body("items[0].followedTopSuggestion", equalTo(true)).body("items[0].policyVersion", equalTo(version))
                .body("items[0].topSuggestionId", equalTo(team.rep(0).id()))
                .body("items[0].assigneeScore", comparesEqualTo(new BigDecimal("0.4")));

        // Now a carries one open opportunity, so b is on top; the manager still picks a: not followed.
        JsonPath ranking = suggestions(team.manager().token(), second);
        assertEquals(team.rep(1).id(), ranking.getString("suggestions[0].repId"));
        assertEquals(1, ranking.getInt("suggestions[1].data.openLoad"));
        given().auth().oauth2(team.manager().token()).contentType(ContentType.JSON)
                .body("{\"assigneeId\":\"" + team.rep(0).id() + "\",\"reason\":\"knows the customer\","
                        + "\"followedTopSuggestion\":true}")
                .when().post("/api/v1/opportunities/" + second + "/assignment").then().statusCode(400);
        team.assign(second, team.rep(0));
        as(team.manager().token()).when().get("/api/v1/opportunities/" + second + "/assignments").then().statusCode(200)
                .body("items[0].followedTopSuggestion", equalTo(false))
                .body("items[0].topSuggestionId", equalTo(team.rep(1).id()))
                .body("items[0].topScore", comparesEqualTo(new BigDecimal("0.4")))
                // free capacity 24/25: 0.15 + 0.2 x 0.96 + 0.05
                .body("items[0].assigneeScore", comparesEqualTo(new BigDecimal("0.392")));
    }

    @Test
    void a_team_the_policy_names_gets_a_managers_capture_assigned_to_the_top_suggestion_at_once() {
        FreshTeam auto = FreshTeam.of(2);
        FreshTeam manual = FreshTeam.of(1);
        String draft = "{\"content\":{\"weights\":{\"performance\":0.4,\"winRate\":0.3,\"freeCapacity\":0.2,\"match\":0.1},"
                + "\"capacity\":25,\"winRateWindowQuarters\":2,\"autoAssignTeams\":[\"" + auto.name() + "\"]},"
                + "\"rationale\":\"team " + auto.name() + " trusts the suggestions\"}";
        int version = given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON).body(draft)
                .when().post("/api/v1/policies/opportunity.assignment/drafts").then().statusCode(201)
                .extract().path("version");
        given().auth().oauth2(TestUsers.admin()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/policies/opportunity.assignment/versions/" + version + "/approve")
                .then().statusCode(200);

        String id = auto.capture(auto.customer(), "100.00", "MARKET_RESEARCH", PRODUCTS);
        given().auth().oauth2(auto.manager().token()).when().get("/api/v1/opportunities/" + id).then().statusCode(200)
                .body("assigneeId", equalTo(auto.rep(0).id()));
        given().auth().oauth2(auto.manager().token()).when().get("/api/v1/opportunities/" + id + "/assignments")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].reason", equalTo("auto-assigned by opportunity.assignment v" + version))
                .body("items[0].followedTopSuggestion", equalTo(true)).body("items[0].policyVersion", equalTo(version))
                .body("items[0].assignedBy", equalTo(auto.manager().id()));
        OpportunityFixtures.event(id, "sales.opportunity.assigned.v1");
        // The next capture goes to b, who now has the lighter load.
        String next = auto.capture(auto.customer(), "100.00", "MARKET_RESEARCH", PRODUCTS);
        given().auth().oauth2(auto.manager().token()).when().get("/api/v1/opportunities/" + next).then()
                .body("assigneeId", equalTo(auto.rep(1).id()));

        String elsewhere = manual.capture(manual.customer(), "100.00", "MARKET_RESEARCH", PRODUCTS);
        given().auth().oauth2(manual.manager().token()).when().get("/api/v1/opportunities/" + elsewhere).then()
                .statusCode(200).body("assigneeId", nullValue());
    }
}
