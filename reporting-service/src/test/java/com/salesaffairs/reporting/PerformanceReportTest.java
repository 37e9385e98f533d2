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
 * Performance by rep and team, fed through performance-service's events (KPI months, appraisals,
 * targets). Two teams of their own in 2033-05, so other tests' KPIs never count.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class PerformanceReportTest {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String NORTH = "north-" + SUFFIX;
    private static final String SOUTH = "south-" + SUFFIX;
    private static final String ANN = "ann-" + SUFFIX;
    private static final String BEN = "ben-" + SUFFIX;
    private static final String CAL = "cal-" + SUFFIX;
    private static final String PERIOD = "2033-05";
    private static boolean fed;

    private static String rep(String id, String team) {
        return TestTokens.user(id, id).roles("sales-rep").team(team, "east").sign();
    }

    private static String manager(String team) {
        return TestTokens.user("m-" + team, UUID.randomUUID().toString()).roles("sales-manager").team(team, "east").sign();
    }

    private static void kpi(String rep, String team, String sales, String cost, int orders, String updatedAt) {
        ReadModelEvents.performanceEvent("sales.kpi.updated.v1", rep + ":" + PERIOD,
                ReadModelEvents.kpi(rep, PERIOD, team, sales, cost, orders, updatedAt));
    }

    private static void monthTarget(String level, String subject, String team, String amount) {
        String id = UUID.randomUUID().toString();
        ReadModelEvents.performanceEvent("sales.target.approved.v1", id, ReadModelEvents.target(id, level, subject, team,
                PERIOD, "MONTH", amount, "[{\"month\":\"" + PERIOD + "\",\"amount\":" + amount + "}]", 1,
                "2033-04-20T02:00:00Z"));
    }

    /**
     * Ann (north) 1000 sales of which a stale copy says 999; Ben (north) 600; Cal (south) 400. Ann is
     * appraised 88.5 / A. Targets: Ann 2000, north 3200, south none.
     */
    @BeforeAll
    static void feed() {
        if (fed) {
            return;
        }
        fed = true;
        kpi(ANN, NORTH, "1000.00", "600.00", 5, "2033-05-20T02:00:00Z");
        // An older snapshot of Ann's month, delivered late: the newer one stays.
        kpi(ANN, NORTH, "999.00", "600.00", 4, "2033-05-10T02:00:00Z");
        kpi(BEN, NORTH, "600.00", "200.00", 2, "2033-05-20T02:00:00Z");
        kpi(CAL, SOUTH, "400.00", "100.00", 1, "2033-05-20T02:00:00Z");
        ReadModelEvents.performanceEvent("sales.appraisal.completed.v1", ANN + ":" + PERIOD,
                ReadModelEvents.appraisal(ANN, PERIOD, NORTH, "88.50", "A", "2033-06-03T02:00:00Z"));
        monthTarget("REP", ANN, NORTH, "2000.00");
        monthTarget("TEAM", NORTH, NORTH, "3200.00");
    }

    private static JsonPath performance(String token, String query) {
        String body = given().auth().oauth2(token).when().get("/api/v1/reports/performance?" + query)
                .then().statusCode(200).extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** Waits until every event above is in. */
    private static JsonPath settled(String token, String query) {
        return eventually(() -> performance(token, query), p -> {
            List<Map<String, Object>> lines = p.getList("lines");
            Map<String, Object> ann = lines.stream().filter(l -> ANN.equals(l.get("repId"))).findFirst().orElse(null);
            return lines.size() == 2 && ann != null && "A".equals(ann.get("grade")) && ann.get("target") != null
                    && p.get("total.target") != null;
        });
    }

    private static void assertMoney(String expected, Object actual) {
        assertTrue(actual != null && new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())) == 0,
                "expected " + expected + " but was " + actual);
    }

    private static Map<String, Object> line(JsonPath p, String key, String value) {
        List<Map<String, Object>> lines = p.getList("lines");
        return lines.stream().filter(l -> value.equals(l.get(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + key + "=" + value + " in " + p.prettify()));
    }

    @Test
    void reps_of_a_month_with_their_kpis_appraisal_and_target_attainment() {
        // Both teams through a director: every rep is in, so filter by team per assertion.
        JsonPath north = eventually(() -> performance(TestUsers.diana(), "period=" + PERIOD + "&team=" + NORTH),
                p -> p.getList("lines").size() == 2 && "A".equals(line(p, "repId", ANN).get("grade"))
                        && line(p, "repId", ANN).get("target") != null && p.get("total.target") != null
                        && new BigDecimal("1000.00").compareTo(new BigDecimal(line(p, "repId", ANN).get("salesAmount").toString())) == 0);
        assertEquals(PERIOD, north.getString("period"));
        assertEquals("rep", north.getString("groupBy"));
        assertEquals(NORTH, north.getString("team"));
        assertEquals(List.of(ANN, BEN), north.getList("lines.repId"));
        Map<String, Object> ann = line(north, "repId", ANN);
        assertMoney("1000.00", ann.get("salesAmount"));
        assertMoney("400.00", ann.get("grossMargin"));
        assertEquals(5, ((Number) ann.get("orderCount")).intValue());
        assertMoney("88.50", ann.get("score"));
        assertMoney("75.00", ann.get("onTimeRate"));
        assertMoney("50.00", ann.get("winRate"));
        assertMoney("2000.00", ann.get("target"));
        assertMoney("50.00", ann.get("attainment"));
        Map<String, Object> ben = line(north, "repId", BEN);
        assertNull(ben.get("target"));
        assertNull(ben.get("attainment"));
        assertNull(ben.get("grade"));
        // The total of a team is held against the team's target.
        assertMoney("1600.00", north.get("total.salesAmount"));
        assertEquals(2, north.getLong("total.reps"));
        assertMoney("3200.00", north.get("total.target"));
        assertMoney("50.00", north.get("total.attainment"));
    }

    @Test
    void teams_add_up_their_reps_and_recompute_rates_from_the_sums() {
        settled(TestUsers.diana(), "period=" + PERIOD + "&team=" + NORTH);
        JsonPath north = performance(TestUsers.diana(), "period=" + PERIOD + "&groupBy=team&team=" + NORTH);
        assertEquals("team", north.getString("groupBy"));
        assertEquals(1, north.getList("lines").size());
        Map<String, Object> team = line(north, "team", NORTH);
        assertNull(team.get("repId"));
        assertEquals(2, ((Number) team.get("reps")).intValue());
        assertMoney("1600.00", team.get("salesAmount"));
        assertMoney("800.00", team.get("costAmount"));
        assertEquals(7, ((Number) team.get("orderCount")).intValue());
        assertEquals(4, ((Number) team.get("surveyCount")).intValue());
        assertMoney("4.50", team.get("satisfactionAvg"));
        assertEquals(8, ((Number) team.get("reportsDue")).intValue());
        assertMoney("75.00", team.get("onTimeRate"));
        assertMoney("50.00", team.get("winRate"));
        assertMoney("88.50", team.get("score"));
        assertMoney("3200.00", team.get("target"));
        assertMoney("50.00", team.get("attainment"));

        JsonPath south = performance(manager(SOUTH), "period=" + PERIOD + "&groupBy=team");
        Map<String, Object> southLine = line(south, "team", SOUTH);
        assertMoney("400.00", southLine.get("salesAmount"));
        assertNull(southLine.get("target"));
        assertNull(southLine.get("score"));
    }

    @Test
    void a_rep_sees_only_their_own_line_and_a_manager_only_their_team() {
        settled(TestUsers.diana(), "period=" + PERIOD + "&team=" + NORTH);
        JsonPath own = performance(rep(BEN, NORTH), "period=" + PERIOD);
        assertEquals(List.of(BEN), own.getList("lines.repId"));
        assertMoney("600.00", own.get("total.salesAmount"));
        JsonPath team = performance(manager(NORTH), "period=" + PERIOD);
        assertEquals(List.of(ANN, BEN), team.getList("lines.repId"));

        given().auth().oauth2(manager(NORTH)).when().get("/api/v1/reports/performance?period=" + PERIOD + "&team=" + SOUTH)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(rep(BEN, NORTH)).when().get("/api/v1/reports/performance?period=" + PERIOD + "&team=" + SOUTH)
                .then().statusCode(403);
        given().auth().oauth2(rep(BEN, NORTH)).when().get("/api/v1/reports/performance?period=" + PERIOD + "&groupBy=team")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/reports/performance?period=" + PERIOD)
                .then().statusCode(403);
        given().when().get("/api/v1/reports/performance?period=" + PERIOD).then().statusCode(401);
    }

    @Test
    void bad_parameters_are_400_naming_each_one() {
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/reports/performance")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("period"));
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/reports/performance?period=2033-13&groupBy=region")
                .then().statusCode(400).body("violations.field", hasItem("period")).body("violations.field", hasItem("groupBy"));
    }

    @Test
    void a_month_without_kpis_has_no_lines_and_a_zero_total() {
        JsonPath empty = performance(TestUsers.diana(), "period=1999-02&team=nobody-" + SUFFIX);
        assertEquals(List.of(), empty.getList("lines"));
        assertEquals(0, empty.getLong("total.reps"));
        assertMoney("0.00", empty.get("total.salesAmount"));
        assertNull(empty.get("total.attainment"));
    }
}
