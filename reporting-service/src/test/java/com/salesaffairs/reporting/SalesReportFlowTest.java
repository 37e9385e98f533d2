package com.salesaffairs.reporting;

import static com.salesaffairs.reporting.Facts.eventually;
import static com.salesaffairs.reporting.SalesReports.PATH;
import static com.salesaffairs.reporting.SalesReports.body;
import static com.salesaffairs.reporting.SalesReports.draft;
import static com.salesaffairs.reporting.SalesReports.drafted;
import static com.salesaffairs.reporting.SalesReports.get;
import static com.salesaffairs.reporting.SalesReports.review;
import static com.salesaffairs.reporting.SalesReports.submit;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;
import com.salesaffairs.reporting.domain.ReportKind;
import com.salesaffairs.reporting.domain.ReportPeriod;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A rep drafts, revises and submits a report with the system's figures attached, the manager reviews it;
 * each test writes reports for periods of its own (past periods are late, the current one on time).
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class SalesReportFlowTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String SETTLED = "sales.order.settled.v1";

    @Inject
    EntityManager em;

    private long salesFacts(List<String> orderIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM sales_fact WHERE CAST(order_id AS text) IN (:ids)")
                .setParameter("ids", orderIds).getSingleResult()).longValue());
    }

    private long factCount(String table, String idColumn, String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE CAST(" + idColumn + " AS text) = :id")
                .setParameter("id", id).getSingleResult()).longValue());
    }

    @Test
    void a_submitted_report_carries_the_reps_figures_for_the_week_and_is_late_after_monday_ten() throws Exception {
        // 2022-W10: Monday 7 to Sunday 13 March 2022, due Monday 14 March 10:00 in Shanghai.
        String inWeek1 = UUID.randomUUID().toString();
        String inWeek2 = UUID.randomUUID().toString();
        String nextWeek = UUID.randomUUID().toString();
        String cindys = UUID.randomUUID().toString();
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, inWeek1,
                Facts.settledBy(TestUsers.ALICE_ID, inWeek1, "east-1", "2022-03-08T03:00:00Z", "1000.00", "600.00"));
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, inWeek2,
                Facts.settledBy(TestUsers.ALICE_ID, inWeek2, "east-1", "2022-03-13T20:00:00Z", "500.50", "300.00"));
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, nextWeek,
                Facts.settledBy(TestUsers.ALICE_ID, nextWeek, "east-1", "2022-03-14T01:00:00Z", "999.00", "1.00"));
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, cindys,
                Facts.settledBy(TestUsers.CINDY_ID, cindys, "west-1", "2022-03-09T01:00:00Z", "777.00", "1.00"));
        String refund = Facts.refunded(inWeek1, "east-1", "2022-03-11T05:00:00Z", "100.00");
        Facts.publishOrderEvent(UUID.randomUUID().toString(), "sales.order.refunded.v1", inWeek1, refund);
        String caseId = UUID.randomUUID().toString();
        Facts.publishFeedback(UUID.randomUUID().toString(), caseId,
                Facts.feedback(caseId, "east-1", "2022-03-09T02:00:00Z", "DELIVERY", "HIGH"));
        List<String> orders = List.of(inWeek1, inWeek2, nextWeek, cindys);
        assertEquals(4L, eventually(() -> salesFacts(orders), n -> n == 4L));
        String refundId = new ObjectMapper().readTree(refund).path("refundId").asText();
        assertEquals(1L, eventually(() -> factCount("refund_fact", "refund_id", refundId), n -> n == 1L));
        assertEquals(1L, eventually(() -> factCount("feedback_fact", "case_id", caseId), n -> n == 1L));

        String id = drafted(TestUsers.alice(), "WEEKLY", "2022-W10");
        get(TestUsers.alice(), id).statusCode(200).body("status", equalTo("DRAFT")).body("figures", nullValue())
                .body("periodStart", equalTo("2022-03-07")).body("periodEnd", equalTo("2022-03-13"))
                .body("team", equalTo("east-1"));

        Instant before = Instant.now();
        submit(TestUsers.alice(), id).statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("dueAt", equalTo("2022-03-14T02:00:00Z"))
                .body("onTime", equalTo(false))
                .body("scheduleVersion", equalTo(2))
                .body("figures.currency", equalTo("CNY"))
                .body("figures.orders", equalTo(2))
                .body("figures.settledAmount", equalTo(1500.50f))
                .body("figures.costAmount", equalTo(900.00f))
                .body("figures.refunds", equalTo(1))
                .body("figures.refundAmount", equalTo(100.00f))
                .body("figures.netSales", equalTo(1400.50f))
                .body("figures.grossMargin", equalTo(500.50f))
                .body("figures.feedback", equalTo(1));

        EventProbe.Received event = EventProbe.await(SalesReports.REPORTING_TOPIC,
                r -> id.equals(r.key()) && "sales.report.submitted.v1".equals(r.type()), Duration.ofSeconds(30));
        assertEquals(id, event.headers().get("ce_subject"));
        assertEquals("/reporting-service", event.headers().get("ce_source"));
        JsonNode payload = new ObjectMapper().readTree(event.value());
        assertEquals(id, payload.path("reportId").asText());
        assertEquals(TestUsers.ALICE_ID, payload.path("repId").asText());
        assertEquals("east-1", payload.path("team").asText());
        assertEquals("east", payload.path("region").asText());
        assertEquals("WEEKLY", payload.path("kind").asText());
        assertEquals("2022-W10", payload.path("period").asText());
        assertEquals("2022-03-14T02:00:00Z", payload.path("dueAt").asText());
        assertTrue(payload.path("onTime").isBoolean() && !payload.path("onTime").asBoolean());
        assertTrue(!Instant.parse(payload.path("submittedAt").asText()).isBefore(before.minusSeconds(1)));
        assertEquals(2, payload.path("scheduleVersion").asInt());
        SalesReports.assertMatchesSchema(event);
    }

    @Test
    void a_report_for_the_current_week_submitted_now_is_on_time_and_due_the_next_monday() {
        LocalDate today = LocalDate.now(SHANGHAI);
        ReportPeriod week = ReportPeriod.containing(ReportKind.WEEKLY, today);
        String id = drafted(TestUsers.bob(), "WEEKLY", week.label());
        Instant due = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atTime(10, 0).atZone(SHANGHAI).toInstant();
        submit(TestUsers.bob(), id).statusCode(200).body("onTime", equalTo(true)).body("dueAt", equalTo(due.toString()));
        String value = EventProbe.await(SalesReports.REPORTING_TOPIC, r -> id.equals(r.key()), Duration.ofSeconds(30)).value();
        assertTrue(value.contains("\"onTime\":true"), value);
    }

    @Test
    void a_monthly_report_for_the_current_month_is_due_on_the_third_business_day_of_the_next() {
        LocalDate today = LocalDate.now(SHANGHAI);
        ReportPeriod month = ReportPeriod.containing(ReportKind.MONTHLY, today);
        String id = drafted(TestUsers.alice(), "MONTHLY", month.label());
        String dueAt = submit(TestUsers.alice(), id).statusCode(200).body("onTime", equalTo(true)).extract().path("dueAt");
        LocalDate dueDay = LocalDate.ofInstant(Instant.parse(dueAt), SHANGHAI);
        assertEquals(month.last().plusMonths(1).withDayOfMonth(1).getMonth(), dueDay.getMonth());
        assertEquals("18:00", Instant.parse(dueAt).atZone(SHANGHAI).toLocalTime().toString());
    }

    @Test
    void the_manager_of_the_team_reviews_once_and_other_teams_and_reps_cannot() {
        String id = drafted(TestUsers.alice(), "WEEKLY", "2022-W20");
        review(TestUsers.mike(), id, "too early").statusCode(409);
        submit(TestUsers.alice(), id).statusCode(200);
        review(TestUsers.wendy(), id, "not my team").statusCode(404);
        review(TestUsers.alice(), id, "self praise").statusCode(403);
        review(TestUsers.erin(), id, "executive").statusCode(403);
        review(TestUsers.mike(), id, "Good week; call finance about Suzhou").statusCode(200)
                .body("status", equalTo("REVIEWED")).body("review.reviewedBy", equalTo(TestUsers.MIKE_ID))
                .body("review.comment", equalTo("Good week; call finance about Suzhou"));
        review(TestUsers.diana(), id, "again").statusCode(409);
        get(TestUsers.diana(), id).statusCode(200).body("status", equalTo("REVIEWED"));
        review(TestUsers.mike(), id, " ").statusCode(400).body("violations.field", hasItem(org.hamcrest.Matchers.containsString("comment")));
    }

    @Test
    void a_director_reviews_any_teams_report() {
        String id = drafted(TestUsers.cindy(), "WEEKLY", "2022-W21");
        submit(TestUsers.cindy(), id).statusCode(200);
        review(TestUsers.diana(), id, "West is on track").statusCode(200).body("status", equalTo("REVIEWED"));
    }

    @Test
    void submitting_twice_is_409_and_only_one_event_is_published() {
        String id = drafted(TestUsers.alice(), "WEEKLY", "2022-W22");
        submit(TestUsers.alice(), id).statusCode(200);
        submit(TestUsers.alice(), id).statusCode(409);
        assertEquals(1, EventProbe.all(SalesReports.REPORTING_TOPIC, r -> id.equals(r.key()), Duration.ofSeconds(5)).size());
    }

    @Test
    void a_draft_is_edited_with_if_match_and_a_submitted_report_no_longer_changes() {
        String id = drafted(TestUsers.alice(), "MONTHLY", "2022-06");
        String revised = "{\"summary\":\"June closed above plan\",\"highlights\":\"Three new distributors\","
                + "\"risks\":\"Steel prices\",\"nextSteps\":\"Price review in July\"}";
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(revised)
                .when().put(PATH + "/" + id).then().statusCode(428);
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(revised)
                .when().put(PATH + "/" + id).then().statusCode(412);
        String etag = given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(revised).when().put(PATH + "/" + id).then().statusCode(200)
                .body("summary", equalTo("June closed above plan")).body("version", equalTo(1)).extract().header("ETag");
        assertEquals("\"1\"", etag);
        given().auth().oauth2(TestUsers.bob()).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(revised)
                .when().put(PATH + "/" + id).then().statusCode(404);
        submit(TestUsers.alice(), id).statusCode(200);
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).header("If-Match", "\"2\"").body(revised)
                .when().put(PATH + "/" + id).then().statusCode(409);
    }

    @Test
    void an_incomplete_draft_cannot_be_submitted_and_the_missing_part_is_named() {
        String id = draft(TestUsers.bob(), "{\"kind\":\"WEEKLY\",\"period\":\"2022-W23\",\"summary\":\"Quiet week\","
                + "\"highlights\":\"One renewal\"}").statusCode(201).extract().path("id");
        submit(TestUsers.bob(), id).statusCode(422).body("rule", equalTo("sales-report.complete"))
                .body("violations.field", hasItem("risks"));
        get(TestUsers.bob(), id).statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void one_report_per_rep_and_period_and_an_idempotency_key_replays_the_first() {
        String body = body("MONTHLY", "2022-07");
        String first = given().auth().oauth2(TestUsers.bob()).contentType(ContentType.JSON).header("Idempotency-Key", "bob-2022-07")
                .body(body).when().post(PATH).then().statusCode(201).header("Location", notNullValue()).extract().path("id");
        given().auth().oauth2(TestUsers.bob()).contentType(ContentType.JSON).header("Idempotency-Key", "bob-2022-07")
                .body(body).when().post(PATH).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        draft(TestUsers.bob(), body).statusCode(409).body("rule", equalTo("sales-report.one-per-period"));
        // Another rep may report on the same period.
        drafted(TestUsers.alice(), "MONTHLY", "2022-07");
    }

    @Test
    void reads_are_scoped_rep_own_manager_team_director_all() {
        String alices = drafted(TestUsers.alice(), "WEEKLY", "2022-W30");
        String cindys = drafted(TestUsers.cindy(), "WEEKLY", "2022-W30");
        get(TestUsers.bob(), alices).statusCode(404);
        get(TestUsers.wendy(), alices).statusCode(404);
        get(TestUsers.mike(), alices).statusCode(200);
        get(TestUsers.mike(), cindys).statusCode(404);
        get(TestUsers.erin(), cindys).statusCode(200);
        get(TestUsers.fiona(), alices).statusCode(403);
        given().when().get(PATH + "/" + alices).then().statusCode(401);
        submit(TestUsers.bob(), alices).statusCode(404);
        submit(TestUsers.mike(), alices).statusCode(403);

        given().auth().oauth2(TestUsers.alice()).when().get(PATH + "?kind=WEEKLY&period=2022-W30").then().statusCode(200)
                .body("total", equalTo(1)).body("items.repId", everyItem(equalTo(TestUsers.ALICE_ID)));
        given().auth().oauth2(TestUsers.mike()).when().get(PATH + "?period=2022-W30").then().statusCode(200)
                .body("items.id", hasItem(alices)).body("items.id", not(hasItem(cindys)));
        given().auth().oauth2(TestUsers.diana()).when().get(PATH + "?period=2022-W30&status=DRAFT&size=200").then().statusCode(200)
                .body("items.id", hasItem(alices)).body("items.id", hasItem(cindys)).body("size", equalTo(200));
        given().auth().oauth2(TestUsers.dora()).when().get(PATH).then().statusCode(403);
        given().when().get(PATH).then().statusCode(401);
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body(body("WEEKLY", "2022-W31"))
                .when().post(PATH).then().statusCode(403);
    }

    @Test
    void a_bad_kind_or_period_is_400_naming_the_field() {
        draft(TestUsers.alice(), body("DAILY", "2022-W10")).statusCode(400).body("violations.field", hasItem("kind"));
        draft(TestUsers.alice(), body("WEEKLY", "2022-11")).statusCode(400).body("violations.field", hasItem("period"));
        draft(TestUsers.alice(), body("WEEKLY", "2027-W53")).statusCode(400).body("violations.field", hasItem("period"));
        draft(TestUsers.alice(), body("MONTHLY", "2022-13")).statusCode(400).body("violations.field", hasItem("period"));
        draft(TestUsers.alice(), body("MONTHLY", "2099-01")).statusCode(400).body("violations.field", hasItem("period"));
        draft(TestUsers.alice(), "{\"kind\":\"WEEKLY\",\"period\":\"2022-W11\"}").statusCode(400)
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("summary")));
        draft(TestUsers.alice(), "{\"kind\":\"WEEKLY\",\"period\":\"2022-W11\",\"summary\":\"x\",\"status\":\"REVIEWED\"}")
                .statusCode(400);
        given().auth().oauth2(TestUsers.alice()).when().get(PATH + "?kind=YEARLY").then().statusCode(400)
                .body("violations.field", hasItem("kind"));
        given().auth().oauth2(TestUsers.alice()).when().get(PATH + "?period=22-11").then().statusCode(400)
                .body("violations.field", hasItem("period"));
        get(TestUsers.alice(), "not-a-uuid").statusCode(400).body("violations.field", hasItem("id"));
    }
}
