package com.salesaffairs.aftersales;

import static com.salesaffairs.aftersales.AftersalesFixtures.aliceCustomer;
import static com.salesaffairs.aftersales.AftersalesFixtures.logFeedback;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A known week on the SLA calendar (Asia/Shanghai, 09:00-18:00 = 01:00-10:00 UTC, no holiday in the
 * first week of March 2026): three cases and four survey answers, with the figures worked out by hand.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class MetricsTest {
    private static final String PERIOD = "from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z";
    private static boolean seeded;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @BeforeEach
    void seedTheKnownWeek() {
        if (seeded) {
            return;
        }
        String customer = aliceCustomer(em);
        String a = logFeedback(TestUsers.alice(), customer, "metrics A");
        String b = logFeedback(TestUsers.alice(), customer, "metrics B");
        String c = logFeedback(TestUsers.alice(), customer, "metrics C");
        QuarkusTransaction.requiringNew().run(() -> {
            // A: Mon 09:00 local, answered after 2h, resolved Tue 09:00 (9 business hours), both in time.
            caseAt(a, "PRODUCT_QUALITY", "RESOLVED", "2026-03-02T01:00:00Z", "2026-03-02T03:00:00Z", true,
                    "2026-03-03T01:00:00Z", true);
            // B: Mon 10:00, answered after 4h, resolved Wed 10:00 (8 + 9 + 1 = 18 business hours), late; reopened once.
            caseAt(b, "PRODUCT_QUALITY", "RESOLVED", "2026-03-02T02:00:00Z", "2026-03-02T06:00:00Z", true,
                    "2026-03-04T02:00:00Z", false);
            em.createNativeQuery("INSERT INTO case_history (case_id, action, actor, at) VALUES (:id, 'REOPENED', 'x',"
                    + " TIMESTAMPTZ '2026-03-03T02:00:00Z')").setParameter("id", UUID.fromString(b)).executeUpdate();
            // C: Tue 09:00, answered after 1h but late, not resolved.
            caseAt(c, "DELIVERY", "IN_PROGRESS", "2026-03-03T01:00:00Z", "2026-03-03T02:00:00Z", false, null, null);
            answer(customer, a, 5, 10);
            answer(customer, a, 4, 9);
            answer(customer, c, 3, 7);
            answer(customer, null, 1, 2);
        });
        seeded = true;
    }

    private static String at(String instant) {
        return instant == null ? "NULL" : "TIMESTAMPTZ '" + instant + "'";
    }

    private static String uuidOrNull(String id) {
        return id == null ? "NULL" : "'" + id + "'";
    }

    private void caseAt(String id, String category, String status, String logged, String responded, boolean responseMet,
            String resolved, Boolean resolutionMet) {
        em.createNativeQuery("UPDATE service_case SET category = '" + category + "', status = '" + status + "', logged_at = "
                + at(logged) + ", resolution_started_at = " + at(logged) + ", first_responded_at = " + at(responded)
                + ", response_met = " + responseMet + ", resolved_at = " + at(resolved) + ", resolution_met = "
                + (resolutionMet == null ? "NULL" : resolutionMet.toString()) + ", paused_minutes = 0 WHERE id = '" + id + "'")
                .executeUpdate();
    }

    private void answer(String customer, String caseId, int score, int likelihood) {
        em.createNativeQuery("INSERT INTO survey (id, token_hash, customer_id, case_id, order_id, rep_id, team, trigger,"
                + " status, sent_by, sent_at, expires_at, answered_at, score, likelihood) VALUES ('" + UUID.randomUUID()
                + "', '" + UUID.randomUUID() + "', '" + customer + "', " + uuidOrNull(caseId) + ", "
                + uuidOrNull(caseId == null ? UUID.randomUUID().toString() : null) + ", '" + TestUsers.ALICE_ID
                + "', 'east-1', 'MANUAL', 'ANSWERED', 'metrics-seed', TIMESTAMPTZ '2026-03-03T05:00:00Z',"
                + " TIMESTAMPTZ '2026-03-17T05:00:00Z', TIMESTAMPTZ '2026-03-04T05:00:00Z', " + score + ", " + likelihood + ")")
                .executeUpdate();
    }

    private JsonNode metrics(String token, String query) throws Exception {
        return json.readTree(given().auth().oauth2(token).when().get("/api/v1/aftersales/metrics?" + query).then()
                .statusCode(200).extract().asString());
    }

    private static void assertNumber(String expected, JsonNode actual) {
        assertTrue(actual.isNumber(), "a number, got " + actual);
        assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), "expected " + expected + ", got " + actual);
    }

    @Test
    void the_figures_of_a_known_week_are_exact() throws Exception {
        JsonNode t = metrics(TestUsers.sam(), PERIOD).get("totals");
        assertEquals(3, t.get("casesLogged").asInt());
        assertEquals(3, t.at("/firstResponse/count").asInt());
        assertNumber("2.00", t.at("/firstResponse/medianBusinessHours"));
        assertNumber("2.33", t.at("/firstResponse/averageBusinessHours"));
        assertEquals(2, t.at("/resolution/count").asInt());
        assertNumber("13.50", t.at("/resolution/medianBusinessHours"));
        assertNumber("13.50", t.at("/resolution/averageBusinessHours"));
        assertNumber("66.67", t.get("responseSlaPercent"));
        assertNumber("50.00", t.get("resolutionSlaPercent"));
        assertNumber("50.00", t.get("reopenRatePercent"));
        assertEquals(4, t.get("surveyAnswers").asInt());
        assertNumber("50.00", t.get("csatPercent"));
        assertNumber("3.25", t.get("averageScore"));
        assertNumber("25.00", t.get("nps"));
    }

    @Test
    void grouped_by_category_each_category_has_its_own_figures() throws Exception {
        JsonNode report = metrics(TestUsers.diana(), PERIOD + "&groupBy=category");
        JsonNode quality = null;
        JsonNode delivery = null;
        for (JsonNode g : report.get("byCategory")) {
            if ("PRODUCT_QUALITY".equals(g.get("category").asText())) {
                quality = g;
            } else if ("DELIVERY".equals(g.get("category").asText())) {
                delivery = g;
            } else {
                assertEquals(0, g.get("casesLogged").asInt());
            }
        }
        assertEquals(2, quality.get("casesLogged").asInt());
        assertNumber("3.00", quality.at("/firstResponse/medianBusinessHours"));
        assertNumber("100.00", quality.get("responseSlaPercent"));
        assertNumber("50.00", quality.get("resolutionSlaPercent"));
        assertNumber("50.00", quality.get("reopenRatePercent"));
        assertEquals(2, quality.get("surveyAnswers").asInt());
        assertNumber("100.00", quality.get("csatPercent"));
        assertNumber("4.50", quality.get("averageScore"));
        assertNumber("100.00", quality.get("nps"));
        assertEquals(1, delivery.get("casesLogged").asInt());
        assertNumber("1.00", delivery.at("/firstResponse/averageBusinessHours"));
        assertTrue(delivery.at("/resolution/medianBusinessHours").isNull());
        assertNumber("0.00", delivery.get("responseSlaPercent"));
        assertTrue(delivery.get("reopenRatePercent").isNull());
        assertNumber("0.00", delivery.get("csatPercent"));
        assertNumber("3.00", delivery.get("averageScore"));
        assertNumber("0.00", delivery.get("nps"));

        JsonNode filtered = metrics(TestUsers.sam(), PERIOD + "&category=DELIVERY").get("totals");
        assertEquals(1, filtered.get("casesLogged").asInt());
        assertEquals(1, filtered.get("surveyAnswers").asInt());
    }

    @Test
    void a_manager_sees_the_team_figures_and_a_rep_none() throws Exception {
        assertEquals(3, metrics(TestUsers.mike(), PERIOD).at("/totals/casesLogged").asInt());
        JsonNode west = metrics(TestUsers.wendy(), PERIOD).get("totals");
        assertEquals(0, west.get("casesLogged").asInt());
        assertEquals(0, west.get("surveyAnswers").asInt());
        assertTrue(west.get("csatPercent").isNull());
        assertEquals(3, metrics(TestUsers.admin(), PERIOD).at("/totals/casesLogged").asInt());
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/aftersales/metrics?" + PERIOD).then().statusCode(403);
        given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/aftersales/metrics?" + PERIOD).then().statusCode(403);
    }

    @Test
    void bad_parameters_are_400_naming_them() {
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/aftersales/metrics?from=yesterday").then()
                .statusCode(400).body("violations.field", hasItem("from"));
        given().auth().oauth2(TestUsers.sam()).when()
                .get("/api/v1/aftersales/metrics?from=2026-03-09T00:00:00Z&to=2026-03-02T00:00:00Z").then()
                .statusCode(400).body("violations.field", hasItem("from"));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/aftersales/metrics?category=FOOD").then()
                .statusCode(400).body("violations.field", hasItem("category"));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/aftersales/metrics?groupBy=team").then()
                .statusCode(400).body("violations.field", hasItem("groupBy"));
    }
}
