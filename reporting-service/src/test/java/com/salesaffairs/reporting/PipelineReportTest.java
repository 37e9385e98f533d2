package com.salesaffairs.reporting;

import static com.salesaffairs.reporting.Facts.eventually;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestTokens;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * The pipeline funnel fed through opportunity-service's and performance-service's events. The facts are
 * in 2033 and in a team of their own, so that other tests' opportunities never count.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class PipelineReportTest {
    private static final String TEAM = "pipe-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String REP_ONE = UUID.randomUUID().toString();
    private static final String REP_TWO = UUID.randomUUID().toString();
    private static final String WINDOW = "from=2033-01-01&to=2033-03-31";
    private static boolean fed;

    private static String manager() {
        return TestTokens.user("pipe-manager", UUID.randomUUID().toString()).roles("sales-manager").team(TEAM, "east").sign();
    }

    private static String repOne() {
        return TestTokens.user("pipe-rep", REP_ONE).roles("sales-rep").team(TEAM, "east").sign();
    }

    /** An opportunity as every sales.opportunity.*.v1 carries it, plus the type's own fields. */
    static String opportunity(String id, long version, String stage, int probability, String amount, String assignee,
            String team, String capturedAt, String expectedClose, String extra) {
        return "{\"opportunityId\":\"" + id + "\",\"customerId\":\"00000000-0000-4000-8000-00000000c001\","
                + "\"customerName\":\"Ningbo Pumps\",\"title\":\"Pumps\",\"source\":\"REFERRAL\",\"sourceDetail\":null,"
                + "\"productsOfInterest\":[],\"capturedBy\":\"" + assignee + "\",\"capturedAt\":\"" + capturedAt + "\","
                + "\"assigneeId\":\"" + assignee + "\",\"team\":\"" + team + "\",\"region\":\"east\",\"stage\":\"" + stage
                + "\",\"probability\":" + probability + ",\"probabilityPolicyVersion\":1,\"estimatedAmount\":" + amount
                + ",\"currency\":\"CNY\",\"expectedCloseDate\":\"" + expectedClose + "\",\"version\":" + version
                + ",\"recordedAt\":\"" + capturedAt + "\",\"nextFollowUpAt\":\"" + capturedAt + "\"" + extra + "}";
    }

    private static String created(String id, int probability, String amount, String assignee, String at, String close) {
        String ce = ReadModelEvents.opportunityEvent("sales.opportunity.created.v1", id,
                opportunity(id, 1, "QUALIFICATION", probability, amount, assignee, TEAM, at, close, ""));
        return ce;
    }

    private static String stageChanged(String id, long version, String from, String to, int probability, String amount,
            String assignee, String captured, String at, String close) {
        return ReadModelEvents.opportunityEvent("sales.opportunity.stage-changed.v1", id,
                opportunity(id, version, to, probability, amount, assignee, TEAM, captured, close,
                        ",\"fromStage\":\"" + from + "\",\"changedBy\":\"" + assignee + "\",\"changedAt\":\"" + at + "\""));
    }

    private static String closed(String type, String id, long version, String stage, String from, String amount,
            String assignee, String captured, String at, String close) {
        return ReadModelEvents.opportunityEvent(type, id,
                opportunity(id, version, stage, "WON".equals(stage) ? 100 : 0, amount, assignee, TEAM, captured, close,
                        ",\"closedFromStage\":\"" + from + "\",\"closedAt\":\"" + at + "\",\"closedBy\":\"" + assignee
                                + "\",\"cycleDays\":30,\"reason\":" + ("WON".equals(stage) ? "null" : "\"PRICE\"")
                                + ",\"competitor\":null,\"lines\":[{\"sku\":\"PUMP-1\",\"quantity\":1,\"unitPrice\":null}]"));
    }

    private static String target(String id, String level, String subject, String period, String kind, String amount,
            String split, long version, String approvedAt) {
        return ReadModelEvents.performanceEvent("sales.target.approved.v1", id, ReadModelEvents.target(id, level, subject,
                "TEAM".equals(level) ? TEAM : null, period, kind, amount, split, version, approvedAt));
    }

    /**
     * A: QUALIFICATION -> NEEDS_ANALYSIS -> PROPOSAL -> WON (1000, rep one); B: QUALIFICATION -> NEEDS_ANALYSIS
     * -> LOST (500, rep two); C: QUALIFICATION -> PROPOSAL, open, 2000 at 50 % expected 2033-03-15 (rep one);
     * D: QUALIFICATION, open, 300 at 10 % expected 2034 (rep two). Targets: the team's Q1 (revised to 2000 a
     * month), the team's March alone 1000, rep one's February 500.
     */
    @BeforeAll
    static void feed() {
        if (fed) {
            return;
        }
        fed = true;
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String d = UUID.randomUUID().toString();
        created(a, 10, "1000.00", REP_ONE, "2033-01-05T02:00:00Z", "2033-02-28");
        stageChanged(a, 2, "QUALIFICATION", "NEEDS_ANALYSIS", 30, "1000.00", REP_ONE, "2033-01-05T02:00:00Z",
                "2033-01-10T02:00:00Z", "2033-02-28");
        String aProposal = opportunity(a, 3, "PROPOSAL", 50, "1000.00", REP_ONE, TEAM, "2033-01-05T02:00:00Z",
                "2033-02-28", ",\"fromStage\":\"NEEDS_ANALYSIS\",\"changedBy\":\"x\",\"changedAt\":\"2033-01-20T02:00:00Z\"");
        ReadModelEvents.opportunityEvent("sales.opportunity.stage-changed.v1", a, aProposal);
        closed("sales.opportunity.won.v1", a, 4, "WON", "PROPOSAL", "1000.00", REP_ONE, "2033-01-05T02:00:00Z",
                "2033-02-10T02:00:00Z", "2033-02-28");
        // A's PROPOSAL copy again, under a new ce_id and after the win: older, so it changes nothing.
        ReadModelEvents.opportunityEvent("sales.opportunity.stage-changed.v1", a, aProposal);

        created(b, 10, "500.00", REP_TWO, "2033-01-06T02:00:00Z", "2033-03-01");
        stageChanged(b, 2, "QUALIFICATION", "NEEDS_ANALYSIS", 30, "500.00", REP_TWO, "2033-01-06T02:00:00Z",
                "2033-01-15T02:00:00Z", "2033-03-01");
        closed("sales.opportunity.lost.v1", b, 3, "LOST", "NEEDS_ANALYSIS", "500.00", REP_TWO, "2033-01-06T02:00:00Z",
                "2033-02-15T02:00:00Z", "2033-03-01");

        created(c, 10, "2000.00", REP_ONE, "2033-01-07T02:00:00Z", "2033-03-15");
        stageChanged(c, 2, "QUALIFICATION", "PROPOSAL", 50, "2000.00", REP_ONE, "2033-01-07T02:00:00Z",
                "2033-02-01T02:00:00Z", "2033-03-15");

        created(d, 10, "300.00", REP_TWO, "2033-01-08T02:00:00Z", "2034-05-01");

        String quarter = UUID.randomUUID().toString();
        target(quarter, "TEAM", TEAM, "2033-Q1", "QUARTER", "9000.00",
                "[{\"month\":\"2033-01\",\"amount\":3000.00},{\"month\":\"2033-02\",\"amount\":3000.00},{\"month\":\"2033-03\",\"amount\":3000.00}]",
                1, "2032-12-01T02:00:00Z");
        target(quarter, "TEAM", TEAM, "2033-Q1", "QUARTER", "6000.00",
                "[{\"month\":\"2033-01\",\"amount\":2000.00},{\"month\":\"2033-02\",\"amount\":2000.00},{\"month\":\"2033-03\",\"amount\":2000.00}]",
                2, "2032-12-15T02:00:00Z");
        target(UUID.randomUUID().toString(), "TEAM", TEAM, "2033-03", "MONTH", "1000.00",
                "[{\"month\":\"2033-03\",\"amount\":1000.00}]", 1, "2032-12-20T02:00:00Z");
        target(UUID.randomUUID().toString(), "REP", REP_ONE, "2033-02", "MONTH", "500.00",
                "[{\"month\":\"2033-02\",\"amount\":500.00}]", 1, "2032-12-20T02:00:00Z");
    }

    private static JsonPath pipeline(String token, String query) {
        String body = given().auth().oauth2(token).when().get("/api/v1/reports/pipeline?" + query)
                .then().statusCode(200).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** Waits until every event above is in: the team's forecast has its target and A is won. */
    private static JsonPath teamPipeline(String token, String query) {
        return eventually(() -> pipeline(token, query), p -> p.getLong("winRate.won") == 1 && p.getLong("winRate.lost") == 1
                && p.getLong("openOpportunities") == 2 && p.getLong("stages[2].opportunities") == 1
                && p.get("forecast.target") != null && new BigDecimal("5000.00").compareTo(p.getObject("forecast.target", BigDecimal.class)) == 0);
    }

    private static void assertMoney(String expected, Object actual) {
        assertTrue(actual != null && new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())) == 0,
                "expected " + expected + " but was " + actual);
    }

    @Test
    void a_team_funnel_counts_open_stages_conversion_win_rate_and_forecast_against_the_finest_target() {
        JsonPath p = teamPipeline(TestUsers.diana(), WINDOW + "&team=" + TEAM);
        assertEquals(TEAM, p.getString("team"));
        assertEquals(List.of("QUALIFICATION", "NEEDS_ANALYSIS", "PROPOSAL", "NEGOTIATION"), p.getList("stages.stage"));
        assertEquals(List.of(1, 0, 1, 0), p.getList("stages.opportunities", Integer.class));
        assertMoney("300.00", p.get("stages[0].amount"));
        assertMoney("30.00", p.get("stages[0].weightedAmount"));
        assertMoney("2000.00", p.get("stages[2].amount"));
        assertMoney("1000.00", p.get("stages[2].weightedAmount"));
        assertMoney("2300.00", p.get("openAmount"));
        assertMoney("1030.00", p.get("openWeightedAmount"));

        // Entered in the window: QUALIFICATION A B C D, 3 went further (C skipped to PROPOSAL);
        // NEEDS_ANALYSIS A B, A went further; PROPOSAL A C, A won; NEGOTIATION none.
        assertEquals(List.of("NEEDS_ANALYSIS", "PROPOSAL", "NEGOTIATION", "WON"), p.getList("conversions.toStage"));
        assertEquals(List.of(4, 2, 2, 0), p.getList("conversions.reached", Integer.class));
        assertEquals(List.of(3, 1, 1, 0), p.getList("conversions.advanced", Integer.class));
        assertMoney("75.00", p.get("conversions[0].rate"));
        assertMoney("50.00", p.get("conversions[1].rate"));
        assertMoney("50.00", p.get("conversions[2].rate"));
        assertNull(p.get("conversions[3].rate"));

        assertMoney("1000.00", p.get("winRate.wonAmount"));
        assertMoney("500.00", p.get("winRate.lostAmount"));
        assertMoney("50.00", p.get("winRate.rate"));

        // Forecast: C (2000 x 50 %) expected in March, plus A won in February; D closes in 2034.
        assertEquals(1, p.getLong("forecast.opportunities"));
        assertMoney("2000.00", p.get("forecast.amount"));
        assertMoney("1000.00", p.get("forecast.weightedAmount"));
        assertMoney("1000.00", p.get("forecast.wonAmount"));
        assertMoney("2000.00", p.get("forecast.forecastAmount"));
        assertEquals("TEAM", p.getString("forecast.targetLevel"));
        assertEquals(TEAM, p.getString("forecast.targetSubject"));
        assertEquals(List.of("2033-01", "2033-02", "2033-03"), p.getList("forecast.months"));
        // Q1 revised to 2000 a month (v2 wins over v1), March's own target 1000 over the quarter's share.
        assertMoney("5000.00", p.get("forecast.target"));
        assertEquals(List.of(), p.getList("forecast.monthsWithoutTarget"));
        assertMoney("3000.00", p.get("forecast.gap"));
        assertMoney("40.00", p.get("forecast.coverage"));

        // The team's manager sees the same figures without naming the team.
        JsonPath managed = pipeline(manager(), WINDOW);
        assertEquals(p.getList("stages"), managed.getList("stages"));
        assertEquals(p.getList("conversions"), managed.getList("conversions"));
        assertEquals(p.getMap("forecast"), managed.getMap("forecast"));
    }

    @Test
    void a_rep_sees_their_own_opportunities_against_their_own_target() {
        teamPipeline(TestUsers.diana(), WINDOW + "&team=" + TEAM);
        // the rep's target is keyed by its own id, so it may reach another partition after the team's
        JsonPath p = eventually(() -> pipeline(repOne(), WINDOW), r -> r.get("forecast.target") != null);
        assertEquals(List.of(0, 0, 1, 0), p.getList("stages.opportunities", Integer.class));
        assertEquals(List.of(2, 1, 2, 0), p.getList("conversions.reached", Integer.class));
        assertEquals(1, p.getLong("winRate.won"));
        assertEquals(0, p.getLong("winRate.lost"));
        assertMoney("100.00", p.get("winRate.rate"));
        assertEquals("REP", p.getString("forecast.targetLevel"));
        assertEquals(REP_ONE, p.getString("forecast.targetSubject"));
        assertMoney("500.00", p.get("forecast.target"));
        assertEquals(List.of("2033-01", "2033-03"), p.getList("forecast.monthsWithoutTarget"));
        assertMoney("2000.00", p.get("forecast.forecastAmount"));
        assertMoney("400.00", p.get("forecast.coverage"));
        // Naming their own team is allowed and changes nothing.
        assertEquals(p.getList("stages"), pipeline(repOne(), WINDOW + "&team=" + TEAM).getList("stages"));
    }

    @Test
    void every_team_is_held_against_the_company_target() {
        teamPipeline(TestUsers.diana(), WINDOW + "&team=" + TEAM);
        JsonPath all = pipeline(TestUsers.erin(), WINDOW);
        assertNull(all.get("team"));
        assertEquals("COMPANY", all.getString("forecast.targetLevel"));
        assertTrue(all.getLong("openOpportunities") >= 2, all.prettify());
        assertTrue(all.getLong("winRate.won") >= 1, all.prettify());
        pipeline(TestUsers.dora(), WINDOW);
        pipeline(TestUsers.admin(), WINDOW);
    }

    @Test
    void another_team_is_403_to_reps_and_managers_and_functional_roles_are_refused() {
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/reports/pipeline?" + WINDOW + "&team=" + TEAM)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(repOne()).when().get("/api/v1/reports/pipeline?" + WINDOW + "&team=east-1")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/reports/pipeline?" + WINDOW).then().statusCode(403);
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/reports/pipeline?" + WINDOW).then().statusCode(403);
        given().when().get("/api/v1/reports/pipeline?" + WINDOW).then().statusCode(401);
    }

    @Test
    void bad_parameters_are_400_naming_each_one() {
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/reports/pipeline?to=2033-01-01")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("from"));
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/reports/pipeline?from=2033-02-01&to=2033-01-01")
                .then().statusCode(400).body("violations.field", hasItem("to"));
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/reports/pipeline?from=2020-01-01&to=2025-01-01")
                .then().statusCode(400).body("violations.field", hasItem("to"));
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/reports/pipeline?from=2020-01-01&to=2024-12-31")
                .then().statusCode(200);
        given().auth().oauth2(TestUsers.diana()).when()
                .get("/api/v1/reports/pipeline?from=Jan&to=2033-01-01&currency=euro")
                .then().statusCode(400).body("violations.field", hasItem("from")).body("violations.field", hasItem("currency"));
    }

    @Test
    void a_window_without_opportunities_shows_every_stage_at_zero() {
        JsonPath p = pipeline(TestUsers.diana(), "from=1999-01-01&to=1999-01-31&team=nobody-" + UUID.randomUUID());
        assertEquals(List.of(0, 0, 0, 0), p.getList("stages.opportunities", Integer.class));
        assertNull(p.get("winRate.rate"));
        assertNull(p.get("forecast.target"));
        assertEquals(List.of("1999-01"), p.getList("forecast.monthsWithoutTarget"));
        Map<String, Object> forecast = p.getMap("forecast");
        assertNull(forecast.get("coverage"));
    }
}
