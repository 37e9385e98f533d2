package com.salesaffairs.performance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestTokens;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Targets through the REST API with real tokens (policy 4): who sets which level, the rep's proposal
 * and the manager's decision, the consistency view, and sales.target.approved.v1 on the broker. Each
 * test uses its own year and its own teams, so tests do not see each other's targets.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class TargetResourceTest {
    private static final String TOPIC = "sales.performance.events";
    private static final String APPROVED = "sales.target.approved.v1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    @Inject
    EntityManager em;

    /** Closes a month for appraisal as far as targets see it: its appraisal_period row. */
    private void closeMonth(String period) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO appraisal_period (period, closed_by, closed_at, kpi_policy_version)
                VALUES (?1, 'target-resource-test', now(), 1) ON CONFLICT (period) DO NOTHING""")
                .setParameter(1, period).executeUpdate());
    }

    /** Money compared as BigDecimal, so 1234.5 would not pass for 1234.50. */
    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json").config(RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private static String rep(String id, String team, String region) {
        return TestTokens.user("rep-" + id.substring(0, 8), id).roles("sales-rep").team(team, region).sign();
    }

    private static String manager(String id, String team, String region) {
        return TestTokens.user("mgr-" + id.substring(0, 8), id).roles("sales-manager").team(team, region).sign();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static ValidatableResponse setTarget(String token, String body) {
        return as(token).body(body).when().post("/api/v1/targets").then();
    }

    private static String propose(String token, String period, String amount) {
        return as(token).body("{\"period\": \"" + period + "\", \"amount\": " + amount
                + ", \"justification\": \"my accounts grow\"}").when().post("/api/v1/targets/proposals")
                .then().statusCode(201).extract().path("id");
    }

    private static JsonPath approve(String token, String proposalId, String body) {
        return as(token).body(body).when().post("/api/v1/targets/proposals/" + proposalId + "/approve")
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonNode approvedEvent(String targetId, int version) throws Exception {
        EventProbe.Received event = EventProbe.await(TOPIC, r -> targetId.equals(r.key()) && APPROVED.equals(r.type())
                && r.value().contains("\"version\":" + version + ","), Duration.ofSeconds(30));
        assertEquals(targetId, event.headers().get("ce_subject"));
        assertEquals("/performance-service", event.headers().get("ce_source"));
        return JSON.readTree(event.value());
    }

    @Test
    void no_token_is_401_and_roles_outside_sales_are_403() {
        given().when().get("/api/v1/targets").then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body("{\"level\": \"COMPANY\", \"period\": \"2060\", \"amount\": 1}")
                .when().post("/api/v1/targets").then().statusCode(401);
        given().when().get("/api/v1/targets/consistency?period=2060").then().statusCode(401);
        given().contentType("application/json").body("{}").when().post("/api/v1/targets/proposals").then().statusCode(401);
        for (String token : new String[] { TestUsers.fiona(), TestUsers.walt(), TestUsers.paul() }) {
            as(token).when().get("/api/v1/targets").then().statusCode(403).contentType("application/problem+json");
            as(token).when().get("/api/v1/targets/proposals").then().statusCode(403);
            as(token).when().get("/api/v1/targets/consistency?period=2060").then().statusCode(403);
        }
    }

    @Test
    void only_the_director_sets_company_and_region_targets_and_a_manager_only_their_own_teams() {
        String mgr = manager(newId(), "tg-r-1", "tg-r");
        setTarget(mgr, "{\"level\": \"COMPANY\", \"period\": \"2060\", \"amount\": 1000.00}").statusCode(403);
        setTarget(mgr, "{\"level\": \"REGION\", \"subject\": \"tg-r\", \"period\": \"2060\", \"amount\": 1000.00}")
                .statusCode(403);
        setTarget(mgr, "{\"level\": \"TEAM\", \"subject\": \"tg-r-2\", \"period\": \"2060\", \"amount\": 1000.00}")
                .statusCode(404).contentType("application/problem+json");
        setTarget(TestUsers.alice(), "{\"level\": \"TEAM\", \"subject\": \"east-1\", \"period\": \"2060\", \"amount\": 1.00}")
                .statusCode(403);
        setTarget(TestUsers.erin(), "{\"level\": \"COMPANY\", \"period\": \"2060\", \"amount\": 1.00}").statusCode(403);
        // the manager's own team: the region comes from their token
        setTarget(mgr, "{\"level\": \"TEAM\", \"subject\": \"tg-r-1\", \"period\": \"2060-03\", \"amount\": 1000.00}")
                .statusCode(201).body("team", equalTo("tg-r-1")).body("region", equalTo("tg-r"))
                .body("level", equalTo("TEAM"));
        setTarget(TestUsers.diana(), "{\"level\": \"REGION\", \"subject\": \"tg-r\", \"period\": \"2060\", \"amount\": 12000.00}")
                .statusCode(201).body("region", equalTo("tg-r")).body("team", equalTo(null));
        // a rep does not decide proposals, a manager does not file them, a rep does not read the consistency view
        as(TestUsers.alice()).body("{}").when().post("/api/v1/targets/proposals/" + newId() + "/approve")
                .then().statusCode(403);
        as(TestUsers.mike()).body("{\"period\": \"2060\", \"amount\": 1.00, \"justification\": \"x\"}")
                .when().post("/api/v1/targets/proposals").then().statusCode(403);
        as(TestUsers.alice()).when().get("/api/v1/targets/consistency?period=2060").then().statusCode(403);
    }

    @Test
    void bad_input_is_400_naming_the_field() {
        String d = TestUsers.diana();
        Map<String, String> bad = Map.ofEntries(
                Map.entry("{\"level\": \"COMPANY\", \"period\": \"2060\", \"amount\": -5.00}", "amount"),
                Map.entry("{\"level\": \"COMPANY\", \"period\": \"2060\", \"amount\": 0}", "amount"),
                Map.entry("{\"level\": \"COMPANY\", \"period\": \"2060\", \"amount\": 10.005}", "amount"),
                Map.entry("{\"level\": \"COMPANY\", \"period\": \"2060\"}", "amount"),
                Map.entry("{\"level\": \"COMPANY\", \"period\": \"2060-13\", \"amount\": 1.00}", "period"),
                Map.entry("{\"level\": \"COMPANY\", \"period\": \"2060-Q5\", \"amount\": 1.00}", "period"),
                Map.entry("{\"level\": \"COMPANY\", \"period\": \"60\", \"amount\": 1.00}", "period"),
                Map.entry("{\"level\": \"COMPANY\", \"period\": \"0000\", \"amount\": 1.00}", "period"),
                Map.entry("{\"level\": \"GALAXY\", \"period\": \"2060\", \"amount\": 1.00}", "level"),
                Map.entry("{\"period\": \"2060\", \"amount\": 1.00}", "level"),
                Map.entry("{\"level\": \"TEAM\", \"period\": \"2060\", \"amount\": 1.00}", "subject"),
                Map.entry("{\"level\": \"COMPANY\", \"subject\": \"east\", \"period\": \"2060\", \"amount\": 1.00}", "subject"),
                Map.entry("{\"level\": \"TEAM\", \"subject\": \"tg-b-1\", \"period\": \"2060\", \"amount\": 1.00}", "region"),
                Map.entry("{\"level\": \"COMPANY\", \"period\": \"2060\", \"amount\": 1.00, \"currency\": \"USD\"}", "currency"),
                Map.entry("{\"level\": \"COMPANY\", \"period\": \"2060-11\", \"amount\": 1.00, \"monthlySplit\": {\"2060-11\": -1.00}}",
                        "monthlySplit.2060-11"));
        bad.forEach((body, field) -> setTarget(d, body).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field)));

        String alice = TestUsers.alice();
        as(alice).body("{\"period\": \"2060\", \"amount\": 1.00}").when().post("/api/v1/targets/proposals")
                .then().statusCode(400).body("violations.field", hasItem("justification"));
        as(alice).body("{\"period\": \"2060-Q0\", \"amount\": 1.00, \"justification\": \"x\"}")
                .when().post("/api/v1/targets/proposals").then().statusCode(400).body("violations.field", hasItem("period"));
        as(alice).body("{\"period\": \"2060\", \"amount\": -1.00, \"justification\": \"x\"}")
                .when().post("/api/v1/targets/proposals").then().statusCode(400).body("violations.field", hasItem("amount"));
        as(TestUsers.mike()).body("{}").when().post("/api/v1/targets/proposals/" + newId() + "/return")
                .then().statusCode(400).body("violations.field", hasItem("comment"));
        as(TestUsers.mike()).body("{\"comment\": \"no\"}").when().post("/api/v1/targets/proposals/nope/return")
                .then().statusCode(400).body("violations.field", hasItem("id"));
        as(TestUsers.diana()).when().get("/api/v1/targets/nope").then().statusCode(400)
                .body("violations.field", hasItem("id"));
        as(TestUsers.diana()).when().get("/api/v1/targets/proposals/nope").then().statusCode(400)
                .body("violations.field", hasItem("id"));
        as(TestUsers.diana()).when().get("/api/v1/targets/consistency").then().statusCode(400)
                .body("violations.field", hasItem("period"));
        as(TestUsers.diana()).when().get("/api/v1/targets/consistency?period=2060-13").then().statusCode(400)
                .body("violations.field", hasItem("period"));
        as(TestUsers.diana()).when().get("/api/v1/targets?level=PLANET").then().statusCode(400)
                .body("violations.field", hasItem("level"));
        as(TestUsers.diana()).when().get("/api/v1/targets?size=500").then().statusCode(400)
                .body("violations.field", hasItem("size"));
    }

    @Test
    void a_split_that_misses_a_month_or_a_cent_and_a_rep_level_target_are_rule_violations() {
        String d = TestUsers.diana();
        setTarget(d, "{\"level\": \"COMPANY\", \"period\": \"2060-Q2\", \"amount\": 300.00,"
                + " \"monthlySplit\": {\"2060-04\": 100.00, \"2060-05\": 200.00}}")
                .statusCode(422).body("rule", equalTo("target.split-covers-period"))
                .body("violations.field", hasItem("monthlySplit"));
        setTarget(d, "{\"level\": \"COMPANY\", \"period\": \"2060-Q2\", \"amount\": 300.00,"
                + " \"monthlySplit\": {\"2060-04\": 100.00, \"2060-05\": 100.00, \"2060-06\": 99.99}}")
                .statusCode(422).body("rule", equalTo("target.split-adds-up"));
        setTarget(d, "{\"level\": \"COMPANY\", \"period\": \"2060-Q2\", \"amount\": 300.00,"
                + " \"monthlySplit\": {\"2060-04\": 100.00, \"2060-05\": 100.00, \"2060-06\": 100.00, \"2060-07\": 0}}")
                .statusCode(422).body("rule", equalTo("target.split-covers-period"));
        setTarget(d, "{\"level\": \"REP\", \"subject\": \"" + TestUsers.ALICE_ID + "\", \"period\": \"2060\", \"amount\": 1.00}")
                .statusCode(422).body("rule", equalTo("target.rep-from-proposal"));
        as(TestUsers.alice()).body("{\"repId\": \"" + TestUsers.BOB_ID + "\", \"period\": \"2060\", \"amount\": 1.00,"
                + " \"justification\": \"for bob\"}").when().post("/api/v1/targets/proposals")
                .then().statusCode(422).body("rule", equalTo("target-proposal.own-only"))
                .body("violations.field", hasItem("repId"));
        as(TestUsers.diana()).when().get("/api/v1/targets?period=2060-Q2&level=COMPANY").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void a_company_target_is_split_evenly_revised_as_a_new_version_and_published_each_time() throws Exception {
        String d = TestUsers.diana();
        String body = "{\"level\": \"COMPANY\", \"period\": \"2061-Q4\", \"amount\": 100000.00, \"rationale\": \"demand\"}";
        var created = as(d).body(body).when().post("/api/v1/targets").then().statusCode(201).header("ETag", "\"1\"")
                .extract();
        String id = created.path("id");
        assertEquals("/api/v1/targets/" + id, java.net.URI.create(created.header("Location")).getPath());
        JsonPath t = created.jsonPath();
        assertEquals("company", t.getString("subject"));
        assertEquals("QUARTER", t.getString("periodKind"));
        assertEquals("CNY", t.getString("currency"));
        assertEquals(money("100000.00"), t.get("amount"));
        assertEquals(List.of("2061-10", "2061-11", "2061-12"), t.getList("monthlySplit.month"));
        assertEquals(List.of(money("33333.33"), money("33333.33"), money("33333.34")), t.getList("monthlySplit.amount"));
        assertEquals(TestUsers.DIANA_ID, t.getString("setBy"));

        JsonNode first = approvedEvent(id, 1);
        assertEquals("COMPANY", first.get("level").asText());
        assertEquals("2061-Q4", first.get("period").asText());
        assertEquals("QUARTER", first.get("periodKind").asText());
        assertEquals(money("100000.00"), first.get("amount").decimalValue());
        assertEquals(money("33333.34"), first.get("monthlySplit").get(2).get("amount").decimalValue());
        assertEquals(TestUsers.DIANA_ID, first.get("approvedBy").asText());
        assertTrue(first.get("proposalId").isNull());
        assertTrue(first.get("team").isNull());
        assertEquals(false, first.get("adjusted").asBoolean());

        // the same figures again: unchanged, no new version, nothing published
        as(d).body(body).when().post("/api/v1/targets").then().statusCode(200).body("version", equalTo(1))
                .body("id", equalTo(id));
        // a revision with the version read
        as(d).header("If-Match", "\"1\"").body("{\"level\": \"COMPANY\", \"period\": \"2061-Q4\", \"amount\": 120000.00,"
                + " \"monthlySplit\": {\"2061-10\": 30000, \"2061-11\": 40000, \"2061-12\": 50000}}")
                .when().post("/api/v1/targets").then().statusCode(200).header("ETag", "\"2\"")
                .body("id", equalTo(id)).body("version", equalTo(2));
        // a revision from a stale read
        as(d).header("If-Match", "\"1\"").body("{\"level\": \"COMPANY\", \"period\": \"2061-Q4\", \"amount\": 1.00}")
                .when().post("/api/v1/targets").then().statusCode(412);

        JsonNode second = approvedEvent(id, 2);
        assertEquals(money("120000.00"), second.get("amount").decimalValue());
        assertEquals(money("50000.00"), second.get("monthlySplit").get(2).get("amount").decimalValue());
        List<EventProbe.Received> all = EventProbe.all(TOPIC, r -> id.equals(r.key()) && APPROVED.equals(r.type()),
                Duration.ofSeconds(3));
        assertEquals(2, all.size(), "one event per version, none for the unchanged setting");

        as(TestUsers.alice()).when().get("/api/v1/targets/" + id).then().statusCode(200)
                .body("amount", equalTo(money("120000.00")));
    }

    @Test
    void the_event_is_documented_and_carries_every_field_its_schema_requires() throws Exception {
        given().when().get("/asyncapi.yaml").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("name: " + APPROVED));
        JsonNode schema = JSON.readTree(given().when().get("/schemas/" + APPROVED + ".json").then().statusCode(200)
                .extract().asString());
        assertEquals("urn:salesaffairs:event:" + APPROVED, schema.get("$id").asText());
        String id = setTarget(TestUsers.diana(), "{\"level\": \"REGION\", \"subject\": \"tg-s\", \"period\": \"2065-07\","
                + " \"amount\": 10.00}").statusCode(201).extract().path("id");
        JsonNode event = approvedEvent(id, 1);
        for (JsonNode required : schema.get("required")) {
            assertTrue(event.has(required.asText()), required.asText() + " missing in " + event);
        }
        event.fieldNames().forEachRemaining(f -> assertTrue(schema.get("properties").has(f), f + " is not in the schema"));
        assertEquals("tg-s", event.get("region").asText());
        assertEquals("MONTH", event.get("periodKind").asText());
    }

    @Test
    void a_reps_proposal_is_returned_then_approved_adjusted_by_their_manager_and_published() throws Exception {
        String repId = newId();
        String repToken = rep(repId, "tg-p-1", "tg-p");
        String mgrId = newId();
        String mgr = manager(mgrId, "tg-p-1", "tg-p");
        String otherMgr = manager(newId(), "tg-p-2", "tg-p");
        String otherRep = rep(newId(), "tg-p-1", "tg-p");

        String first = as(repToken).body("{\"period\": \"2062-Q1\", \"amount\": 90000.00,"
                + " \"monthlySplit\": {\"2062-01\": 20000, \"2062-02\": 30000, \"2062-03\": 40000},"
                + " \"justification\": \"two renewals in February\"}").when().post("/api/v1/targets/proposals")
                .then().statusCode(201).body("status", equalTo("SUBMITTED")).body("repId", equalTo(repId))
                .body("team", equalTo("tg-p-1")).body("region", equalTo("tg-p")).extract().path("id");
        // one proposal waits per rep and period
        as(repToken).body("{\"period\": \"2062-Q1\", \"amount\": 1.00, \"justification\": \"again\"}")
                .when().post("/api/v1/targets/proposals").then().statusCode(409)
                .body("rule", equalTo("target-proposal.open-exists"));
        // outside the team: not found, whether deciding or reading
        as(otherMgr).body("{}").when().post("/api/v1/targets/proposals/" + first + "/approve").then().statusCode(404);
        as(otherRep).when().get("/api/v1/targets/proposals/" + first).then().statusCode(404);
        as(mgr).when().get("/api/v1/targets/proposals/" + first).then().statusCode(200);

        as(mgr).body("{\"comment\": \"too low for the east region's growth\"}")
                .when().post("/api/v1/targets/proposals/" + first + "/return").then().statusCode(200)
                .body("status", equalTo("RETURNED")).body("decidedBy", equalTo(mgrId))
                .body("decisionComment", equalTo("too low for the east region's growth"));
        as(mgr).body("{}").when().post("/api/v1/targets/proposals/" + first + "/approve").then().statusCode(409);
        as(repToken).when().get("/api/v1/targets?level=REP&period=2062-Q1").then().statusCode(200).body("total", equalTo(0));

        String key = newId();
        String again = "{\"period\": \"2062-Q1\", \"amount\": 90000.00, \"justification\": \"all accounts grow 10%\"}";
        String second = as(repToken).header("Idempotency-Key", key).body(again).when().post("/api/v1/targets/proposals")
                .then().statusCode(201).extract().path("id");
        as(repToken).header("Idempotency-Key", key).body(again).when().post("/api/v1/targets/proposals")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(second));

        JsonPath approved = approve(mgr, second, "{\"comment\": \"a little more\", \"amount\": 96000.00}");
        assertEquals("APPROVED", approved.getString("status"));
        assertTrue(approved.getBoolean("adjusted"));
        assertEquals(money("96000.00"), approved.get("approvedAmount"));
        assertEquals(money("90000.00"), approved.get("amount"), "the proposal keeps what the rep asked for");
        String targetId = approved.getString("targetId");
        as(mgr).body("{}").when().post("/api/v1/targets/proposals/" + second + "/approve").then().statusCode(409);

        JsonPath target = as(repToken).when().get("/api/v1/targets/" + targetId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("REP", target.getString("level"));
        assertEquals(repId, target.getString("subject"));
        assertEquals("tg-p-1", target.getString("team"));
        assertEquals("tg-p", target.getString("region"));
        assertEquals(second, target.getString("proposalId"));
        assertEquals(List.of(money("32000.00"), money("32000.00"), money("32000.00")),
                target.getList("monthlySplit.amount"));
        as(rep(newId(), "tg-p-2", "tg-p")).when().get("/api/v1/targets/" + targetId).then().statusCode(404);

        JsonNode event = approvedEvent(targetId, 1);
        assertEquals("REP", event.get("level").asText());
        assertEquals(repId, event.get("subject").asText());
        assertEquals("tg-p-1", event.get("team").asText());
        assertEquals("tg-p", event.get("region").asText());
        assertEquals(second, event.get("proposalId").asText());
        assertTrue(event.get("adjusted").asBoolean());
        assertEquals(mgrId, event.get("approvedBy").asText());
        assertEquals(money("96000.00"), event.get("amount").decimalValue());
    }

    @Test
    void an_approval_as_proposed_keeps_the_reps_split_and_is_not_adjusted() throws Exception {
        String repId = newId();
        String repToken = rep(repId, "tg-a-1", "tg-a");
        String id = as(repToken).body("{\"period\": \"2062-Q2\", \"amount\": 100.00,"
                + " \"monthlySplit\": {\"2062-04\": 10, \"2062-05\": 20, \"2062-06\": 70}, \"justification\": \"steady\"}")
                .when().post("/api/v1/targets/proposals").then().statusCode(201).extract().path("id");
        JsonPath p = approve(manager(newId(), "tg-a-1", "tg-a"), id, "{}");
        assertEquals(false, p.getBoolean("adjusted"));
        JsonNode event = approvedEvent(p.getString("targetId"), 1);
        assertEquals(false, event.get("adjusted").asBoolean());
        assertEquals(money("70.00"), event.get("monthlySplit").get(2).get("amount").decimalValue());
        // the director may decide too (a team without a manager)
        String other = as(rep(newId(), "tg-a-1", "tg-a")).body("{\"period\": \"2062-Q2\", \"amount\": 50.00,"
                + " \"justification\": \"new\"}").when().post("/api/v1/targets/proposals").then().statusCode(201)
                .extract().path("id");
        as(TestUsers.diana()).body("{\"monthlySplit\": {\"2062-04\": 10, \"2062-05\": 20, \"2062-06\": 21}}")
                .when().post("/api/v1/targets/proposals/" + other + "/approve").then().statusCode(422)
                .body("rule", equalTo("target.split-adds-up"));
        approve(TestUsers.diana(), other, "{\"monthlySplit\": {\"2062-04\": 10, \"2062-05\": 20, \"2062-06\": 20}}");
    }

    @Test
    void consistency_shows_where_rep_targets_fall_short_of_the_team_and_teams_of_the_region_and_company() {
        String d = TestUsers.diana();
        String mgr = manager(newId(), "tg-c-1", "tg-c");
        setTarget(mgr, "{\"level\": \"TEAM\", \"subject\": \"tg-c-1\", \"period\": \"2063-Q1\", \"amount\": 300000.00}")
                .statusCode(201);
        setTarget(d, "{\"level\": \"TEAM\", \"subject\": \"tg-c-2\", \"region\": \"tg-c\", \"period\": \"2063-Q1\","
                + " \"amount\": 100000.00}").statusCode(201);
        // a year target of the same team: the quarter's own target is more specific and wins for its months
        setTarget(d, "{\"level\": \"TEAM\", \"subject\": \"tg-c-1\", \"region\": \"tg-c\", \"period\": \"2063\","
                + " \"amount\": 1200000.00}").statusCode(201);
        setTarget(d, "{\"level\": \"COMPANY\", \"period\": \"2063\", \"amount\": 2400000.00}").statusCode(201);
        setTarget(d, "{\"level\": \"REGION\", \"subject\": \"tg-c\", \"period\": \"2063-Q1\", \"amount\": 350000.00}")
                .statusCode(201);
        String repA = newId();
        String repB = newId();
        approve(mgr, propose(rep(repA, "tg-c-1", "tg-c"), "2063-Q1", "120000.00"), "{}");
        approve(mgr, propose(rep(repB, "tg-c-1", "tg-c"), "2063-01", "30000.00"), "{}");

        JsonPath all = as(d).when().get("/api/v1/targets/consistency?period=2063-Q1").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("QUARTER", all.getString("periodKind"));
        assertEquals(List.of("tg-c-1", "tg-c-2"), all.getList("teams.team"));
        assertEquals(money("300000.00"), all.get("teams[0].teamTarget"));
        assertEquals(money("150000.00"), all.get("teams[0].repTargetSum"));
        assertEquals(money("150000.00"), all.get("teams[0].shortfall"));
        assertEquals(2, all.getInt("teams[0].repCount"));
        assertEquals(money("100000.00"), all.get("teams[1].shortfall"));
        assertEquals(List.of("tg-c"), all.getList("regions.region"));
        assertEquals(money("350000.00"), all.get("regions[0].regionTarget"));
        assertEquals(money("400000.00"), all.get("regions[0].teamTargetSum"));
        assertEquals(money("0.00"), all.get("regions[0].shortfall"));
        assertEquals(money("600000.00"), all.get("company.companyTarget"));
        assertEquals(money("400000.00"), all.get("company.teamTargetSum"));
        assertEquals(money("200000.00"), all.get("company.shortfall"));

        // January alone: the team's even split (100000.00) against 40000.00 + 30000.00
        JsonPath january = as(d).when().get("/api/v1/targets/consistency?period=2063-01").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(money("100000.00"), january.get("teams[0].teamTarget"));
        assertEquals(money("70000.00"), january.get("teams[0].repTargetSum"));
        assertEquals(money("30000.00"), january.get("teams[0].shortfall"));

        // the manager sees their own team's line only
        JsonPath own = as(mgr).when().get("/api/v1/targets/consistency?period=2063-Q1").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("tg-c-1"), own.getList("teams.team"));
        assertNull(own.get("company"));
        assertEquals(List.of(), own.getList("regions"));
        as(TestUsers.erin()).when().get("/api/v1/targets/consistency?period=2063-Q1").then().statusCode(200)
                .body("teams.team", hasItem("tg-c-2"));
    }

    @Test
    void lists_are_scoped_to_the_caller_and_paged() {
        String mgr = manager(newId(), "tg-l-1", "tg-l");
        String repA = newId();
        String repB = newId();
        String tokenA = rep(repA, "tg-l-1", "tg-l");
        approve(mgr, propose(tokenA, "2064-Q2", "100.00"), "{}");
        approve(mgr, propose(rep(repB, "tg-l-1", "tg-l"), "2064-Q2", "200.00"), "{}");
        String query = "/api/v1/targets?level=REP&period=2064-Q2";

        as(tokenA).when().get(query).then().statusCode(200).body("total", equalTo(1)).body("items[0].subject", equalTo(repA));
        as(mgr).when().get(query).then().statusCode(200).body("total", equalTo(2));
        as(manager(newId(), "tg-l-2", "tg-l")).when().get(query).then().statusCode(200).body("total", equalTo(0));
        as(TestUsers.diana()).when().get(query + "&size=1&page=1").then().statusCode(200)
                .body("total", equalTo(2)).body("items.size()", equalTo(1)).body("page", equalTo(1));
        as(tokenA).when().get("/api/v1/targets/proposals?period=2064-Q2").then().statusCode(200).body("total", equalTo(1));
        as(mgr).when().get("/api/v1/targets/proposals?period=2064-Q2&status=APPROVED").then().statusCode(200)
                .body("total", equalTo(2));
        as(TestUsers.erin()).when().get("/api/v1/targets/proposals?period=2064-Q2").then().statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void a_period_covering_a_month_closed_for_appraisal_takes_no_target_nor_proposal() {
        String d = TestUsers.diana();
        String mgr = manager(newId(), "tg-x-1", "tg-x");
        String repToken = rep(newId(), "tg-x-1", "tg-x");
        String targetId = setTarget(d, "{\"level\": \"COMPANY\", \"period\": \"2097-05\", \"amount\": 5000.00}")
                .statusCode(201).extract().path("id");
        String filed = propose(repToken, "2097-Q2", "900.00");
        closeMonth("2097-05");

        // a revision, a new target of a quarter or year around the month, an approval, a new proposal: all 422
        setTarget(d, "{\"level\": \"COMPANY\", \"period\": \"2097-05\", \"amount\": 6000.00}")
                .statusCode(422).body("rule", equalTo("target.period-closed")).body("detail", containsString("2097-05"))
                .body("violations.field", hasItem("period"));
        setTarget(mgr, "{\"level\": \"TEAM\", \"subject\": \"tg-x-1\", \"period\": \"2097-Q2\", \"amount\": 3000.00}")
                .statusCode(422).body("rule", equalTo("target.period-closed")).body("detail", containsString("2097-05"));
        setTarget(d, "{\"level\": \"COMPANY\", \"period\": \"2097\", \"amount\": 60000.00}")
                .statusCode(422).body("rule", equalTo("target.period-closed"));
        as(mgr).body("{}").when().post("/api/v1/targets/proposals/" + filed + "/approve").then().statusCode(422)
                .body("rule", equalTo("target.period-closed")).body("detail", containsString("2097-05"));
        as(rep(newId(), "tg-x-1", "tg-x")).body("{\"period\": \"2097-05\", \"amount\": 100.00,"
                + " \"justification\": \"late\"}").when().post("/api/v1/targets/proposals").then().statusCode(422)
                .body("rule", equalTo("target.period-closed")).body("detail", containsString("2097-05"));

        // nothing changed; an open month still takes targets, and a return writes no target so it stays possible
        as(d).when().get("/api/v1/targets/" + targetId).then().statusCode(200).body("version", equalTo(1))
                .body("amount", equalTo(money("5000.00")));
        as(mgr).when().get("/api/v1/targets/proposals/" + filed).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        as(repToken).when().get("/api/v1/targets?level=REP&period=2097-Q2").then().statusCode(200).body("total", equalTo(0));
        setTarget(d, "{\"level\": \"COMPANY\", \"period\": \"2097-06\", \"amount\": 5000.00}").statusCode(201);
        as(mgr).body("{\"comment\": \"May is closed; file for Q3\"}").when()
                .post("/api/v1/targets/proposals/" + filed + "/return").then().statusCode(200).body("status", equalTo("RETURNED"));
    }

    @Test
    void nobody_decides_their_own_proposal_even_holding_sales_rep_and_sales_manager() {
        String bothId = newId();
        String both = TestTokens.user("both-" + bothId.substring(0, 8), bothId).roles("sales-rep", "sales-manager")
                .team("tg-o-1", "tg-o").sign();
        String mine = propose(both, "2098-Q1", "1200.00");
        as(both).body("{}").when().post("/api/v1/targets/proposals/" + mine + "/approve").then().statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo("target-proposal.own-decision"));
        as(both).body("{\"comment\": \"not mine to judge\"}").when().post("/api/v1/targets/proposals/" + mine + "/return")
                .then().statusCode(422).body("rule", equalTo("target-proposal.own-decision"));
        as(both).when().get("/api/v1/targets/proposals/" + mine).then().statusCode(200).body("status", equalTo("SUBMITTED"));

        // the same person decides a teammate's, and another manager of the team decides theirs
        String teammateId = newId();
        approve(both, propose(rep(teammateId, "tg-o-1", "tg-o"), "2098-Q1", "800.00"), "{}");
        String otherMgrId = newId();
        approve(manager(otherMgrId, "tg-o-1", "tg-o"), mine, "{}");
        as(both).when().get("/api/v1/targets/proposals/" + mine).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo(otherMgrId));
    }
}
