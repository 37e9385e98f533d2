package com.salesaffairs.aftersales;

import static com.salesaffairs.aftersales.AftersalesFixtures.aliceCustomer;
import static com.salesaffairs.aftersales.AftersalesFixtures.logFeedback;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.aftersales.service.CaseEscalation;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class SlaEscalationTest {
    private static final String ESCALATED = "sales.case.escalated.v1";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    CaseEscalation escalation;

    /** A new case whose response clock passed its deadline an hour ago (its resolution clock far from it). */
    private String overdueCase(Instant now) {
        String id = logFeedback(TestUsers.alice(), aliceCustomer(em), "overdue " + UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE service_case SET response_warn_at = :warn, response_due_at = :due,
                    resolution_warn_at = :far, resolution_due_at = :far WHERE id = :id""")
                .setParameter("warn", OffsetDateTime.ofInstant(now.minus(Duration.ofHours(2)), ZoneOffset.UTC))
                .setParameter("due", OffsetDateTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .setParameter("far", OffsetDateTime.ofInstant(now.plus(Duration.ofDays(30)), ZoneOffset.UTC))
                .setParameter("id", UUID.fromString(id)).executeUpdate());
        return id;
    }

    private long historyRows(String id, String action) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM case_history WHERE case_id = :id AND action = :a")
                .setParameter("id", UUID.fromString(id)).setParameter("a", action).getSingleResult()).longValue());
    }

    private long escalationEvents(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM outbox_event WHERE aggregate_id = :id AND event_type = '" + ESCALATED + "'")
                .setParameter("id", id).getSingleResult()).longValue());
    }

    @Test
    void a_passed_response_deadline_warns_once_and_escalates_one_step_per_interval_along_the_chain() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = overdueCase(now);

        escalation.run(now);
        assertEquals(1, historyRows(id, "WARNING"));
        assertEquals(1, historyRows(id, "ESCALATED"));
        escalation.run(now.plus(Duration.ofMinutes(10)));
        assertEquals(1, historyRows(id, "ESCALATED"), "a second step only after the step interval (1h)");
        assertEquals(1, historyRows(id, "WARNING"), "the warning is recorded once");
        escalation.run(now.plus(Duration.ofMinutes(61)));
        escalation.run(now.plus(Duration.ofMinutes(122)));
        escalation.run(now.plus(Duration.ofMinutes(183)));
        assertEquals(3, historyRows(id, "ESCALATED"), "the chain has three steps");
        assertEquals(3, escalationEvents(id));

        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/cases/" + id + "/history?size=200").then()
                .statusCode(200)
                .body("items.findAll { it.action == 'ESCALATED' }.level", equalTo(List.of(1, 2, 3)))
                .body("items.findAll { it.action == 'ESCALATED' }.escalatedToRole",
                        equalTo(List.of("aftersales-agent", "sales-manager", "sales-director")))
                .body("items.findAll { it.action == 'ESCALATED' }.escalatedToTeam", equalTo(java.util.Arrays.asList(null, "east-1", null)))
                .body("items.findAll { it.action == 'ESCALATED' }.deadline", equalTo(List.of("RESPONSE", "RESPONSE", "RESPONSE")));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id).then()
                .body("responseEscalationLevel", equalTo(3)).body("resolutionEscalationLevel", equalTo(0));

        List<EventProbe.Received> events = EventProbe.all(AftersalesFixtures.AFTERSALES_EVENTS,
                r -> id.equals(r.key()) && ESCALATED.equals(r.type()), Duration.ofSeconds(10));
        assertEquals(3, events.size());
        events.forEach(AftersalesFixtures::assertMatchesSchema);
        JsonNode second = events.stream().map(e -> read(e.value())).filter(p -> p.get("level").asInt() == 2).findFirst()
                .orElseThrow();
        assertEquals("RESPONSE", second.get("deadline").asText());
        assertEquals("sales-manager", second.get("escalatedToRole").asText());
        assertEquals("east-1", second.get("escalatedToTeam").asText());
        assertEquals(TestUsers.ALICE_ID, second.get("ownerId").asText());
        assertEquals(true, second.get("overdueBusinessMinutes").asLong() >= 0);
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void an_answered_case_is_not_escalated_for_its_response() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = overdueCase(now);
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"message\":\"late, sorry\"}")
                .when().post("/api/v1/cases/" + id + "/respond").then().statusCode(200).body("responseMet", equalTo(false));
        escalation.run(now.plus(Duration.ofMinutes(1)));
        assertEquals(0, historyRows(id, "ESCALATED"));
        assertEquals(0, escalationEvents(id));
    }

    @Test
    void two_schedulers_running_at_once_escalate_each_case_once_per_step() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(overdueCase(now));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                Instant at = now.plus(Duration.ofSeconds(round));
                List<Future<CaseEscalation.Run>> runs = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return escalation.run(at);
                    }));
                }
                start.countDown();
                for (Future<CaseEscalation.Run> run : runs) {
                    run.get();
                }
            }
        } finally {
            pool.shutdown();
        }
        for (String id : ids) {
            assertEquals(1, historyRows(id, "ESCALATED"), "case " + id);
            assertEquals(1, historyRows(id, "WARNING"), "case " + id);
            assertEquals(1, escalationEvents(id), "case " + id);
        }
    }

    @Test
    void a_passed_resolution_deadline_escalates_the_resolution_clock_but_not_while_waiting_for_the_customer() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String id = logFeedback(TestUsers.alice(), aliceCustomer(em), "resolution overdue " + UUID.randomUUID());
        String waiting = logFeedback(TestUsers.alice(), aliceCustomer(em), "waiting " + UUID.randomUUID());
        for (String c : List.of(id, waiting)) {
            given().auth().oauth2(TestUsers.sam()).contentType(ContentType.JSON).body("{\"message\":\"on it\"}")
                    .when().post("/api/v1/cases/" + c + "/respond").then().statusCode(200);
        }
        given().auth().oauth2(TestUsers.sam()).contentType(ContentType.JSON).body("{\"reason\":\"photos\"}")
                .when().post("/api/v1/cases/" + waiting + "/wait-for-customer").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE service_case SET resolution_warn_at = :warn, resolution_due_at = :due WHERE id IN (:ids)""")
                .setParameter("warn", OffsetDateTime.ofInstant(now.minus(Duration.ofHours(2)), ZoneOffset.UTC))
                .setParameter("due", OffsetDateTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .setParameter("ids", List.of(UUID.fromString(id), UUID.fromString(waiting))).executeUpdate());

        escalation.run(now);
        assertEquals(1, historyRows(id, "ESCALATED"));
        assertEquals(0, historyRows(waiting, "ESCALATED"));
        assertEquals(0, historyRows(waiting, "WARNING"));
        JsonNode p = read(EventProbe.await(AftersalesFixtures.AFTERSALES_EVENTS,
                r -> id.equals(r.key()) && ESCALATED.equals(r.type()), Duration.ofSeconds(30)).value());
        assertEquals("RESOLUTION", p.get("deadline").asText());
        assertEquals(1, p.get("level").asInt());
        assertEquals("aftersales-agent", p.get("escalatedToRole").asText());
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/cases/" + id).then()
                .body("resolutionEscalationLevel", equalTo(1)).body("responseEscalationLevel", equalTo(0));
    }
}
