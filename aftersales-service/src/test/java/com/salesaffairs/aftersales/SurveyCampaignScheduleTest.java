package com.salesaffairs.aftersales;

import static com.salesaffairs.aftersales.AftersalesFixtures.aliceCustomer;
import static com.salesaffairs.aftersales.AftersalesFixtures.eventually;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

import com.salesaffairs.aftersales.service.SurveyCampaignSchedule;
import com.salesaffairs.aftersales.service.SurveyService;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The scheduled survey campaign: one run per campaign period (aftersales.survey v2: quarters in
 * Asia/Shanghai), however often and from however many threads (replicas) it is ticked. Each test uses
 * its own period far from the others' orders, so runs of other tests do not meet its customers.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class SurveyCampaignScheduleTest {

    @Inject
    EntityManager em;

    @Inject
    SurveyCampaignSchedule schedule;

    @Inject
    SurveyService surveys;

    @Inject
    Clock clock;

    /** An order of the customer, replicated here and settled at {@code settledAt}. */
    private String settledOrder(String customerId, Instant settledAt) {
        String id = AftersalesFixtures.order(em, customerId);
        String fact = AftersalesFixtures.orderFact(id, customerId, TestUsers.ALICE_ID, "east-1")
                .replace("\"status\":\"PENDING_APPROVAL\"", "\"status\":\"SETTLED\"")
                .replace("}", ",\"settledAt\":\"" + settledAt + "\"}");
        AftersalesFixtures.publishOrder(UUID.randomUUID().toString(), "sales.order.settled.v1", id, fact);
        if (eventually(() -> isSettled(id), s -> s) != Boolean.TRUE) {
            throw new AssertionError("order " + id + " was not settled in the replica");
        }
        return id;
    }

    private boolean isSettled(String orderId) {
        return QuarkusTransaction.requiringNew().call(() -> !em
                .createNativeQuery("SELECT 1 FROM order_replica WHERE id = :id AND settled_at IS NOT NULL")
                .setParameter("id", UUID.fromString(orderId)).getResultList().isEmpty());
    }

    private long surveysOf(String customerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM survey WHERE customer_id = :c")
                .setParameter("c", UUID.fromString(customerId)).getSingleResult()).longValue());
    }

    private List<Object[]> scheduledRuns(String period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT CAST(id AS VARCHAR), sent, skipped, started_by, finished_at FROM survey_campaign_run"
                        + " WHERE period = :p AND trigger = 'SCHEDULED'")
                .setParameter("p", period).getResultList());
        return rows;
    }

    private long campaignSurveys(String campaignId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM survey WHERE campaign_id = :c AND trigger = 'CAMPAIGN'")
                .setParameter("c", UUID.fromString(campaignId)).getSingleResult()).longValue());
    }

    @Test
    void a_period_runs_once_however_often_and_concurrently_it_is_ticked() throws Exception {
        // 2031-02-15 in Shanghai is in 2031-Q1; the campaign asks about orders settled in the 90 days before.
        Instant at = Instant.parse("2031-02-15T02:00:00Z");
        String first = aliceCustomer(em);
        settledOrder(first, at.minus(Duration.ofDays(10)));
        String latest = settledOrder(first, at.minus(Duration.ofDays(5)));
        String second = aliceCustomer(em);
        settledOrder(second, at.minus(Duration.ofDays(80)));
        String outside = aliceCustomer(em);
        settledOrder(outside, at.minus(Duration.ofDays(91)));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SurveyService.ScheduledCampaign>> ticks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Instant tick = at.plusSeconds(i);
                ticks.add(pool.submit(() -> {
                    start.await();
                    return schedule.run(tick);
                }));
            }
            start.countDown();
            SurveyService.ScheduledCampaign a = ticks.get(0).get();
            SurveyService.ScheduledCampaign b = ticks.get(1).get();
            assertEquals("2031-Q1", a.period());
            assertEquals("2031-Q1", b.period());
            assertTrue(a.ran() != b.ran(), "exactly one of two concurrent ticks runs the period");
            SurveyService.ScheduledCampaign ran = a.ran() ? a : b;
            assertEquals(2, ran.result().sent());
            assertEquals(0, ran.result().skipped());
        } finally {
            pool.shutdownNow();
        }
        // a later tick in the same quarter does nothing
        SurveyService.ScheduledCampaign again = schedule.run(Instant.parse("2031-03-31T15:00:00Z"));
        assertEquals("2031-Q1", again.period());
        assertFalse(again.ran());

        List<Object[]> runs = scheduledRuns("2031-Q1");
        assertEquals(1, runs.size(), "one scheduled run recorded for the period");
        assertEquals(2, ((Number) runs.get(0)[1]).intValue());
        assertEquals(SurveyCampaignSchedule.ACTOR, runs.get(0)[3]);
        assertEquals(2, campaignSurveys((String) runs.get(0)[0]));
        assertEquals(1, surveysOf(first), "each customer is sent at most one survey");
        assertEquals(1, surveysOf(second));
        assertEquals(0, surveysOf(outside));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/surveys?customerId=" + first).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].orderId", equalTo(latest))
                .body("items[0].trigger", equalTo("CAMPAIGN")).body("items[0].campaignId", equalTo(runs.get(0)[0]))
                .body("items[0].sentBy", equalTo(SurveyCampaignSchedule.ACTOR));

        // the next quarter is due again: the customers were surveyed within 30 days (real time), so skipped
        SurveyService.ScheduledCampaign next = schedule.run(Instant.parse("2031-04-01T00:00:00Z"));
        assertEquals("2031-Q2", next.period());
        assertTrue(next.ran());
        assertEquals(0, next.result().sent());
        assertEquals(1, next.result().skipped(), "only the first customer settled in the 90 days before 1 April");
        assertEquals(1, surveysOf(first));
    }

    @Test
    void an_empty_period_records_its_run_with_nothing_sent() {
        Instant at = Instant.parse("2035-05-10T00:00:00Z");
        SurveyService.ScheduledCampaign run = schedule.run(at);
        assertEquals("2035-Q2", run.period());
        assertTrue(run.ran());
        assertEquals(0, run.result().sent());
        assertEquals(0, run.result().skipped());
        assertFalse(schedule.run(at.plus(Duration.ofDays(20))).ran());
        List<Object[]> runs = scheduledRuns("2035-Q2");
        assertEquals(1, runs.size());
        assertEquals(0, ((Number) runs.get(0)[1]).intValue());
        assertTrue(runs.get(0)[4] != null, "the run is finished");

        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/survey-campaigns?period=2035-Q2").then()
                .statusCode(200).body("total", equalTo(1)).body("page", equalTo(0))
                .body("items[0].trigger", equalTo("SCHEDULED")).body("items[0].sent", equalTo(0))
                .body("items[0].skipped", equalTo(0)).body("items[0].period", equalTo("2035-Q2"))
                .body("items[0].settledTo", equalTo("2035-05-10T00:00:00Z"))
                .body("items[0].settledFrom", equalTo("2035-02-09T00:00:00Z"))
                .body("items[0].startedBy", equalTo(SurveyCampaignSchedule.ACTOR))
                .body("items[0].campaignId", equalTo(runs.get(0)[0]));
    }

    @Test
    void a_manual_campaign_is_recorded_and_does_not_take_the_scheduled_slot() {
        String customer = aliceCustomer(em);
        settledOrder(customer, Instant.parse("2037-08-10T01:00:00Z"));
        String campaignId = given().auth().oauth2(TestUsers.sam()).contentType(ContentType.JSON)
                .body("{\"settledFrom\":\"2037-08-10T00:00:00Z\",\"settledTo\":\"2037-08-11T00:00:00Z\"}")
                .when().post("/api/v1/survey-campaigns").then().statusCode(200).body("sent", equalTo(1))
                .extract().path("campaignId");
        String period = given().auth().oauth2(TestUsers.admin()).when().get("/api/v1/survey-campaigns?size=200").then()
                .statusCode(200).body("items.campaignId", hasItem(campaignId)).extract()
                .path("items.find { it.campaignId == '" + campaignId + "' }.period");
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/survey-campaigns?period=" + period).then()
                .statusCode(200).body("items.find { it.campaignId == '" + campaignId + "' }.trigger", equalTo("MANUAL"))
                .body("items.find { it.campaignId == '" + campaignId + "' }.sent", equalTo(1))
                .body("items.find { it.campaignId == '" + campaignId + "' }.startedBy", equalTo(TestUsers.SAM_ID))
                .body("items.find { it.campaignId == '" + campaignId + "' }.settledFrom",
                        equalTo("2037-08-10T00:00:00Z"));
        // the manual run fell in today's period and took no slot: the schedule still runs that period, once. It is
        // ticked at the period's first second, so it asks about orders settled in the 90 days before the period.
        assertTrue(scheduledRuns(period).isEmpty(), "a manual run takes no scheduled slot");
        Instant periodStart = surveys.campaignPeriod(clock.instant(), surveys.activePolicy()).start();
        SurveyService.ScheduledCampaign scheduled = schedule.run(periodStart.plusSeconds(1));
        assertEquals(period, scheduled.period());
        assertTrue(scheduled.ran());
        assertFalse(schedule.run(periodStart.plusSeconds(2)).ran());
        assertEquals(1, scheduledRuns(period).size());
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/survey-campaigns?period=" + period).then()
                .statusCode(200).body("items.trigger", hasItem("MANUAL"))
                .body("items.trigger", hasItem("SCHEDULED"));
    }

    @Test
    void only_agents_directors_and_admins_read_campaign_runs() {
        given().when().get("/api/v1/survey-campaigns").then().statusCode(401);
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/survey-campaigns").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/survey-campaigns").then().statusCode(403);
        given().auth().oauth2(TestUsers.erin()).when().get("/api/v1/survey-campaigns").then().statusCode(403);
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/survey-campaigns").then().statusCode(200)
                .body("size", equalTo(20)).body(not(containsString("token")));
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/survey-campaigns").then().statusCode(200);
        given().auth().oauth2(TestUsers.admin()).when().get("/api/v1/survey-campaigns").then().statusCode(200);
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/survey-campaigns?size=201").then().statusCode(400)
                .body("violations.field", hasItem("size"));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/survey-campaigns?period=" + "x".repeat(21)).then()
                .statusCode(400).body("violations.field", hasItem("period"));
    }
}
