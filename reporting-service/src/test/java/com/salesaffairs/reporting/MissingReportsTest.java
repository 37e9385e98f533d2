package com.salesaffairs.reporting;

import static com.salesaffairs.reporting.Facts.eventually;
import static com.salesaffairs.reporting.SalesReports.PATH;
import static com.salesaffairs.reporting.SalesReports.drafted;
import static com.salesaffairs.reporting.SalesReports.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Who is missing or late with the May 2023 report, per team: reps are known from the read models' facts
 * in the year up to the period's end (only this test has facts in that year).
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class MissingReportsTest {
    private static final String DAVE_ID = "00000000-0000-4000-8000-0000000000d1";
    private static final String GONE_ID = "00000000-0000-4000-8000-0000000000d2";

    @Inject
    EntityManager em;

    private long facts(Set<String> owners) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                SELECT (SELECT COUNT(*) FROM sales_fact WHERE owner_id IN (:o) AND settled_on BETWEEN '2022-05-01' AND '2023-05-31')
                     + (SELECT COUNT(*) FROM feedback_fact WHERE owner_id IN (:o) AND logged_on BETWEEN '2022-05-01' AND '2023-05-31')""")
                .setParameter("o", owners).getSingleResult()).longValue());
    }

    private static void settle(String owner, String team, String at) {
        String id = UUID.randomUUID().toString();
        Facts.publishOrderEvent(UUID.randomUUID().toString(), "sales.order.settled.v1", id,
                Facts.settledBy(owner, id, team, at, "100.00", "50.00"));
    }

    private static JsonPath rollCall(String token) {
        return given().auth().oauth2(token).when().get(PATH + "/missing?kind=MONTHLY&period=2023-05").then()
                .statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> team(JsonPath roll, String team) {
        List<Map<String, Object>> teams = roll.getList("teams");
        return teams.stream().filter(t -> team.equals(t.get("team"))).findFirst()
                .orElseThrow(() -> new AssertionError("no team " + team + " in " + roll.prettify()));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> reps(Map<String, Object> team, String list) {
        return ((List<Map<String, Object>>) team.get(list)).stream()
                .map(m -> m.get("repId") + (m.containsKey("status") ? ":" + m.get("status") : "")).collect(Collectors.toSet());
    }

    @Test
    void missing_and_late_reports_are_listed_per_team_within_the_callers_reach() {
        settle(TestUsers.ALICE_ID, "east-1", "2023-05-10T02:00:00Z");
        settle(TestUsers.BOB_ID, "east-1", "2023-05-11T02:00:00Z");
        settle(TestUsers.CINDY_ID, "west-1", "2023-05-12T02:00:00Z");
        // Dave is known only from his customer's feedback; Gone last sold more than a year before May's end.
        String caseId = UUID.randomUUID().toString();
        Facts.publishFeedback(UUID.randomUUID().toString(), caseId,
                Facts.feedbackFor(DAVE_ID, caseId, "east-1", "2023-01-20T02:00:00Z", "SERVICE", "LOW"));
        settle(GONE_ID, "east-1", "2022-05-01T02:00:00Z");
        Set<String> owners = Set.of(TestUsers.ALICE_ID, TestUsers.BOB_ID, TestUsers.CINDY_ID, DAVE_ID, GONE_ID);
        assertEquals(5L, eventually(() -> facts(owners), n -> n == 5L));

        String alices = drafted(TestUsers.alice(), "MONTHLY", "2023-05");
        submit(TestUsers.alice(), alices).statusCode(200).body("onTime", equalTo(false));
        String bobs = drafted(TestUsers.bob(), "MONTHLY", "2023-05");

        JsonPath mike = rollCall(TestUsers.mike());
        // June 2023: Thursday 1, Friday 2, Monday 5 (the 2023 holidays are not in the calendar; none fall there).
        assertEquals("2023-06-05T10:00:00Z", mike.getString("dueAt"));
        assertEquals(true, mike.getBoolean("pastDue"));
        assertEquals(2, mike.getInt("scheduleVersion"));
        assertEquals(List.of("east-1"), mike.getList("teams.team"));
        Map<String, Object> east = team(mike, "east-1");
        assertEquals(3, east.get("reps"));
        assertEquals(0, east.get("onTime"));
        assertEquals(Set.of(TestUsers.BOB_ID + ":DRAFT", DAVE_ID + ":NONE"), reps(east, "missing"));
        assertEquals(Set.of(TestUsers.ALICE_ID), reps(east, "late"));
        assertEquals(List.of(bobs), mike.getList("teams[0].missing.findAll { it.status == 'DRAFT' }.reportId"));

        JsonPath diana = rollCall(TestUsers.diana());
        assertEquals(Set.of(TestUsers.CINDY_ID + ":NONE"), reps(team(diana, "west-1"), "missing"));
        assertEquals(3, team(diana, "east-1").get("reps"));

        JsonPath wendy = rollCall(TestUsers.wendy());
        assertEquals(List.of("west-1"), wendy.getList("teams.team"));

        // Cindy hands in late too: west-1 then has nobody missing and one late report.
        submit(TestUsers.cindy(), drafted(TestUsers.cindy(), "MONTHLY", "2023-05")).statusCode(200);
        Map<String, Object> west = team(rollCall(TestUsers.erin()), "west-1");
        assertEquals(Set.of(), reps(west, "missing"));
        assertEquals(Set.of(TestUsers.CINDY_ID), reps(west, "late"));
    }

    @Test
    void reps_and_functional_roles_cannot_see_the_roll_call_and_bad_parameters_are_named() {
        given().auth().oauth2(TestUsers.alice()).when().get(PATH + "/missing?kind=MONTHLY&period=2023-05").then().statusCode(403);
        given().auth().oauth2(TestUsers.fiona()).when().get(PATH + "/missing?kind=MONTHLY&period=2023-05").then().statusCode(403);
        given().when().get(PATH + "/missing?kind=MONTHLY&period=2023-05").then().statusCode(401);
        given().auth().oauth2(TestUsers.mike()).when().get(PATH + "/missing?period=2023-05").then().statusCode(400)
                .body("violations.field", hasItem("kind"));
        given().auth().oauth2(TestUsers.mike()).when().get(PATH + "/missing?kind=QUARTERLY&period=2023-05").then().statusCode(400)
                .body("violations.field", hasItem("kind"));
        given().auth().oauth2(TestUsers.mike()).when().get(PATH + "/missing?kind=WEEKLY&period=2023-05").then().statusCode(400)
                .body("violations.field", hasItem("period"));
        given().auth().oauth2(TestUsers.mike()).when().get(PATH + "/missing?kind=WEEKLY").then().statusCode(400)
                .body("violations.field", hasItem("period"));
    }
}
