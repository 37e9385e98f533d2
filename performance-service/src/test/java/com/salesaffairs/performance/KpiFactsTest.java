package com.salesaffairs.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * KPI facts from the survey, opportunity, report and order events, through real Kafka into
 * PostgreSQL: each applied once, late and out-of-order facts in their own month, a fact of a closed
 * month booked into the next open one, a broken fact to the topic's DLQ. Every test uses its own
 * months of 2041 and its own reps.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class KpiFactsTest {
    private static final String AFTERSALES = "sales.aftersales.events";
    private static final String OPPORTUNITIES = "sales.opportunity.events";
    private static final String REPORTING = "sales.reporting.events";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    @Inject
    EntityManager em;

    // ---- producers' events, as their relays publish them

    private static String publish(String topic, String ceId, String source, String type, String key, String payload) {
        Map<String, String> headers = EventProbe.cloudEventHeaders(ceId, source, type, key);
        EventProbe.publish(topic, key, headers, payload);
        return ceId;
    }

    private static String survey(String ceId, String surveyId, String repId, int score, String answeredAt) {
        return publish(AFTERSALES, ceId, "/aftersales-service", "sales.survey.completed.v1", surveyId,
                surveyPayload(surveyId, repId, String.valueOf(score), answeredAt));
    }

    private static String surveyPayload(String surveyId, String repId, String score, String answeredAt) {
        return "{\"surveyId\":\"" + surveyId + "\",\"customerId\":\"" + UUID.randomUUID() + "\",\"caseId\":\""
                + UUID.randomUUID() + "\",\"orderId\":null,\"repId\":\"" + repId + "\",\"team\":\"east-1\",\"score\":"
                + score + ",\"likelihoodToRecommend\":9,\"answeredAt\":\"" + answeredAt + "\"}";
    }

    private static String opportunity(String type, String opportunityId, String assignee, int version, String at) {
        String stage = type.equals("won") ? "WON" : type.equals("lost") ? "LOST" : "PROPOSAL";
        String closing = type.equals("reopened")
                ? ",\"reopenedFrom\":\"WON\",\"reopenedBy\":\"mike\",\"reopenedAt\":\"" + at + "\",\"reason\":\"customer came back\""
                        + ",\"nextFollowUpAt\":\"" + at + "\""
                : ",\"closedFromStage\":\"NEGOTIATION\",\"closedAt\":\"" + at + "\",\"closedBy\":\"alice\",\"cycleDays\":12"
                        + ",\"reason\":" + (type.equals("won") ? "null" : "\"PRICE\"") + ",\"competitor\":null";
        String payload = "{\"opportunityId\":\"" + opportunityId + "\",\"customerId\":\"" + UUID.randomUUID()
                + "\",\"customerName\":\"Acme Machinery\",\"title\":\"Pumps for line 3\",\"source\":\"REFERRAL\""
                + ",\"capturedBy\":\"alice\",\"capturedAt\":\"2041-01-02T08:00:00Z\",\"assigneeId\":"
                + (assignee == null ? "null" : "\"" + assignee + "\"") + ",\"team\":\"east-1\",\"region\":\"east\""
                + ",\"stage\":\"" + stage + "\",\"probability\":50,\"estimatedAmount\":12000.50,\"currency\":\"CNY\""
                + ",\"version\":" + version + ",\"recordedAt\":\"" + at + "\"" + closing
                + (type.equals("won") ? ",\"lines\":[{\"sku\":\"PUMP-100\",\"quantity\":1}]" : "") + "}";
        return publish(OPPORTUNITIES, UUID.randomUUID().toString(), "/opportunity-service",
                "sales.opportunity." + type + ".v1", opportunityId, payload);
    }

    private static String report(String reportId, String repId, String dueAt, String submittedAt, boolean onTime) {
        return publish(REPORTING, UUID.randomUUID().toString(), "/reporting-service", "sales.report.submitted.v1",
                reportId, reportPayload(reportId, repId, dueAt, submittedAt, String.valueOf(onTime)));
    }

    private static String reportPayload(String reportId, String repId, String dueAt, String submittedAt, String onTime) {
        return "{\"reportId\":\"" + reportId + "\",\"repId\":\"" + repId + "\",\"team\":\"east-1\",\"period\":\"2041-W10\""
                + ",\"dueAt\":\"" + dueAt + "\",\"submittedAt\":\"" + submittedAt + "\""
                + (onTime == null ? "" : ",\"onTime\":" + onTime) + "}";
    }

    // ---- reading back

    private Object single(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getSingleResult();
        });
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return (List<Object[]>) query.getResultList();
        });
    }

    private long count(String sql, Object... params) {
        return ((Number) single(sql, params)).longValue();
    }

    private long inboxRows(String ceId, String consumer) {
        return count("SELECT COUNT(*) FROM inbox_event WHERE ce_id = CAST(?1 AS uuid) AND consumer = ?2", ceId, consumer);
    }

    /** Waits until each event is in the consumer's inbox (applied, or found a duplicate). */
    private void awaitApplied(String consumer, String... ceIds) throws InterruptedException {
        for (String ceId : ceIds) {
            awaitTrue(() -> inboxRows(ceId, consumer) == 1, "event " + ceId + " never applied by " + consumer);
        }
    }

    private static void awaitTrue(Supplier<Boolean> done, String message) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.get() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(done.get(), message);
    }

    private static JsonNode kpiUpdated(String repId, String period, String mustContain) throws Exception {
        EventProbe.Received event = EventProbe.await("sales.performance.events",
                r -> repId.equals(r.key()) && "sales.kpi.updated.v1".equals(r.type())
                        && r.value().contains("\"period\":\"" + period + "\"") && r.value().contains(mustContain),
                WAIT);
        return JSON.readTree(event.value());
    }

    private void close(String period) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO appraisal_period (period, closed_by, closed_at, kpi_policy_version)
                VALUES (?1, 'kpi-facts-test', now(), 1) ON CONFLICT (period) DO NOTHING""")
                .setParameter(1, period).executeUpdate());
    }

    // ---- tests

    @Test
    void surveys_count_once_per_event_and_per_survey_and_a_late_one_lands_in_its_month() throws Exception {
        String rep = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String firstCe = UUID.randomUUID().toString();
        survey(firstCe, first, rep, 4, "2041-01-10T09:00:00Z");
        survey(firstCe, first, rep, 4, "2041-01-10T09:00:00Z"); // redelivered: same ce_id
        String republished = survey(UUID.randomUUID().toString(), first, rep, 1, "2041-01-10T09:00:00Z");
        String lastMinute = survey(UUID.randomUUID().toString(), UUID.randomUUID().toString(), rep, 5,
                "2041-01-31T23:59:59Z");
        String february = survey(UUID.randomUUID().toString(), UUID.randomUUID().toString(), rep, 2,
                "2041-02-01T00:00:00Z");
        // answered in January, arriving after February's
        String late = survey(UUID.randomUUID().toString(), UUID.randomUUID().toString(), rep, 3, "2041-01-05T12:00:00Z");
        awaitApplied("rep-satisfaction", firstCe, republished, lastMinute, february, late);

        assertEquals(1, inboxRows(firstCe, "rep-satisfaction"));
        assertEquals(3, count("SELECT COUNT(*) FROM satisfaction_fact WHERE rep_id = ?1 AND booked_period = '2041-01'", rep));
        assertEquals(1, count("SELECT COUNT(*) FROM satisfaction_fact WHERE rep_id = ?1 AND booked_period = '2041-02'", rep));
        assertEquals(4, ((Number) single("SELECT score FROM satisfaction_fact WHERE survey_id = CAST(?1 AS uuid)", first))
                .intValue(), "a survey is answered once: the re-published answer does not replace the first");
        Object[] row = rows("SELECT period, booked_period, likelihood, team FROM satisfaction_fact WHERE survey_id = CAST(?1 AS uuid)",
                first).get(0);
        assertEquals("2041-01", row[0]);
        assertEquals("2041-01", row[1]);
        assertEquals(9, ((Number) row[2]).intValue());
        assertEquals("east-1", row[3]);

        JsonNode january = kpiUpdated(rep, "2041-01", "\"surveyCount\":3");
        assertEquals(new BigDecimal("4.00"), january.get("satisfactionAvg").decimalValue());
        assertEquals(new BigDecimal("0.00"), january.get("salesAmount").decimalValue());
        assertEquals("east-1", january.get("team").asText());
        assertTrue(january.get("winRate").isNull(), january.toString());
        assertTrue(january.get("onTimeRate").isNull(), january.toString());
        assertTrue(january.hasNonNull("updatedAt"), january.toString());
        assertEquals(new BigDecimal("2.00"), kpiUpdated(rep, "2041-02", "\"surveyCount\":1").get("satisfactionAvg").decimalValue());
    }

    @Test
    void the_newest_opportunity_version_decides_the_win_rate_whatever_the_order_of_arrival() throws Exception {
        String rep = UUID.randomUUID().toString();
        String movedToJuly = UUID.randomUUID().toString();
        String lostInJune = UUID.randomUUID().toString();
        String reopened = UUID.randomUUID().toString();
        String newerFirst = UUID.randomUUID().toString();
        String unassigned = UUID.randomUUID().toString();

        String a1 = opportunity("won", movedToJuly, rep, 3, "2041-06-10T10:00:00Z");
        String a2 = opportunity("lost", movedToJuly, rep, 2, "2041-05-20T10:00:00Z"); // older, late: ignored
        String a3 = opportunity("reopened", movedToJuly, rep, 4, "2041-06-25T10:00:00Z");
        String a4 = opportunity("won", movedToJuly, rep, 5, "2041-07-02T10:00:00Z");
        String b1 = opportunity("lost", lostInJune, rep, 2, "2041-06-15T10:00:00Z");
        String c1 = opportunity("won", reopened, rep, 2, "2041-06-12T10:00:00Z");
        String c2 = opportunity("reopened", reopened, rep, 3, "2041-06-13T10:00:00Z");
        String d1 = opportunity("lost", newerFirst, rep, 5, "2041-06-20T10:00:00Z");
        String d2 = opportunity("won", newerFirst, rep, 4, "2041-06-18T10:00:00Z"); // out of order: older
        String e1 = opportunity("won", unassigned, null, 2, "2041-06-18T10:00:00Z");
        awaitApplied("rep-win-rate", a1, a2, a3, a4, b1, c1, c2, d1, d2, e1);

        Object[] a = rows("SELECT outcome, version, booked_period, period FROM opportunity_outcome WHERE opportunity_id = CAST(?1 AS uuid)",
                movedToJuly).get(0);
        assertEquals("WON", a[0]);
        assertEquals(5, ((Number) a[1]).intValue());
        assertEquals("2041-07", a[2]);
        assertEquals("2041-07", a[3]);
        Object[] c = rows("SELECT outcome, version, booked_period, closed_at FROM opportunity_outcome WHERE opportunity_id = CAST(?1 AS uuid)",
                reopened).get(0);
        assertEquals("OPEN", c[0]);
        assertEquals(3, ((Number) c[1]).intValue());
        assertNull(c[2]);
        assertNull(c[3]);
        assertEquals("LOST", single("SELECT outcome FROM opportunity_outcome WHERE opportunity_id = CAST(?1 AS uuid)", newerFirst));
        assertEquals(0, count("SELECT COUNT(*) FROM opportunity_outcome WHERE opportunity_id = CAST(?1 AS uuid)", unassigned));
        assertEquals(new BigDecimal("12000.50"),
                single("SELECT amount FROM opportunity_outcome WHERE opportunity_id = CAST(?1 AS uuid)", lostInJune));

        assertEquals(2, count("SELECT COUNT(*) FROM opportunity_outcome WHERE rep_id = ?1 AND booked_period = '2041-06' AND outcome = 'LOST'", rep));
        assertEquals(0, count("SELECT COUNT(*) FROM opportunity_outcome WHERE rep_id = ?1 AND booked_period = '2041-06' AND outcome = 'WON'", rep));
        JsonNode july = kpiUpdated(rep, "2041-07", "\"opportunitiesWon\":1");
        assertEquals(new BigDecimal("100.00"), july.get("winRate").decimalValue());
        assertEquals(0, july.get("opportunitiesLost").asInt());
        // June's last word: two lost, none won (the win moved to July, the other was reopened)
        awaitTrue(() -> EventProbe.all("sales.performance.events", r -> rep.equals(r.key())
                && r.value().contains("\"period\":\"2041-06\"") && r.value().contains("\"opportunitiesWon\":0")
                && r.value().contains("\"opportunitiesLost\":2"), Duration.ofSeconds(2)).size() > 0,
                "June published with 2 lost and 0 won");
    }

    @Test
    void a_report_counts_in_the_month_it_was_due_and_its_first_submission_decides() throws Exception {
        String rep = UUID.randomUUID().toString();
        String lateReport = UUID.randomUUID().toString();
        String r1 = report(lateReport, rep, "2041-08-31T18:00:00Z", "2041-09-01T09:00:00Z", false);
        String r2 = report(lateReport, rep, "2041-08-31T18:00:00Z", "2041-09-02T09:00:00Z", true); // resubmitted
        String r3 = report(UUID.randomUUID().toString(), rep, "2041-08-15T18:00:00Z", "2041-08-15T17:00:00Z", true);
        String r4 = report(UUID.randomUUID().toString(), rep, "2041-09-05T18:00:00Z", "2041-09-05T10:00:00Z", true);
        awaitApplied("rep-report-timeliness", r1, r2, r3, r4);

        assertEquals(2, count("SELECT COUNT(*) FROM report_fact WHERE rep_id = ?1 AND booked_period = '2041-08'", rep));
        assertEquals(1, count("SELECT COUNT(*) FROM report_fact WHERE rep_id = ?1 AND booked_period = '2041-08' AND on_time", rep));
        assertEquals(1, count("SELECT COUNT(*) FROM report_fact WHERE rep_id = ?1 AND booked_period = '2041-09'", rep));
        assertEquals(Boolean.FALSE, single("SELECT on_time FROM report_fact WHERE report_id = CAST(?1 AS uuid)", lateReport));
        assertEquals("2041-W10", single("SELECT report_period FROM report_fact WHERE report_id = CAST(?1 AS uuid)", lateReport));

        JsonNode august = kpiUpdated(rep, "2041-08", "\"reportsDue\":2");
        assertEquals(1, august.get("reportsOnTime").asInt());
        assertEquals(new BigDecimal("50.00"), august.get("onTimeRate").decimalValue());
    }

    @Test
    void revenue_is_kept_per_event_once_and_a_late_order_lands_in_its_own_month() throws Exception {
        String rep = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        String payload = OrderFacts.settledPayload(order, rep, "east-1", "east", "1000.00", "600.00", "2041-11-03T10:00:00Z");
        OrderFacts.publish(ceId, "sales.order.settled.v1", order, payload);
        OrderFacts.publish(ceId, "sales.order.settled.v1", order, payload);
        String refund = OrderFacts.refunded(order, rep, "east-1", "east", "150.00", "2041-11-20T10:00:00Z");
        // settled in October, arriving after November's facts
        String lateOrder = UUID.randomUUID().toString();
        String late = OrderFacts.settled(lateOrder, rep, "east-1", "east", "200.00", "50.00", "2041-10-31T23:59:59Z");
        awaitApplied("rep-kpi", ceId, refund, late);

        assertEquals(1, count("SELECT COUNT(*) FROM revenue_entry WHERE event_id = CAST(?1 AS uuid)", ceId));
        List<Object[]> november = rows("""
                SELECT kind, amount, cost_amount, order_number, refund_id IS NOT NULL, period
                FROM revenue_entry WHERE rep_id = ?1 AND booked_period = '2041-11' ORDER BY occurred_at""", rep);
        assertEquals(2, november.size());
        assertEquals("SETTLED", november.get(0)[0]);
        assertEquals(new BigDecimal("1000.00"), november.get(0)[1]);
        assertEquals(new BigDecimal("600.00"), november.get(0)[2]);
        assertEquals("SO-2031-000123", november.get(0)[3]);
        assertEquals("REFUND", november.get(1)[0]);
        assertEquals(new BigDecimal("-150.00"), november.get(1)[1]);
        assertEquals(new BigDecimal("0.00"), november.get(1)[2]);
        assertEquals(Boolean.TRUE, november.get(1)[4]);
        assertEquals(new BigDecimal("850.00"), single("SELECT sales_amount FROM kpi_fact WHERE rep_id = ?1 AND period = '2041-11'", rep));
        assertEquals(new BigDecimal("200.00"), single("SELECT sales_amount FROM kpi_fact WHERE rep_id = ?1 AND period = '2041-10'", rep));
        assertEquals("2041-10", single("SELECT booked_period FROM revenue_entry WHERE order_id = CAST(?1 AS uuid)", lateOrder));

        JsonNode updated = kpiUpdated(rep, "2041-11", "\"refundCount\":1");
        assertEquals(new BigDecimal("850.00"), updated.get("salesAmount").decimalValue());
        assertEquals(0, updated.get("surveyCount").asInt());
        assertTrue(updated.get("satisfactionAvg").isNull(), updated.toString());
    }

    @Test
    void facts_of_a_closed_month_are_booked_into_the_first_open_month_after_it() throws Exception {
        close("2041-03");
        close("2041-04");
        String rep = UUID.randomUUID().toString();
        String order = UUID.randomUUID().toString();
        String settled = OrderFacts.settled(order, rep, "east-1", "east", "500.00", "200.00", "2041-03-15T10:00:00Z");
        String refund = OrderFacts.refunded(order, rep, "east-1", "east", "100.00", "2041-04-02T10:00:00Z");
        String open = OrderFacts.settled(UUID.randomUUID().toString(), rep, "east-1", "east", "70.00", "30.00",
                "2041-02-27T10:00:00Z");
        String surveyId = UUID.randomUUID().toString();
        String answered = survey(UUID.randomUUID().toString(), surveyId, rep, 5, "2041-04-10T10:00:00Z");
        String opportunityId = UUID.randomUUID().toString();
        String won = opportunity("won", opportunityId, rep, 2, "2041-03-30T10:00:00Z");
        String reportId = UUID.randomUUID().toString();
        String submitted = report(reportId, rep, "2041-03-31T18:00:00Z", "2041-03-31T12:00:00Z", true);
        awaitApplied("rep-kpi", settled, refund, open);
        awaitApplied("rep-satisfaction", answered);
        awaitApplied("rep-win-rate", won);
        awaitApplied("rep-report-timeliness", submitted);

        assertEquals(0, count("SELECT COUNT(*) FROM kpi_fact WHERE rep_id = ?1 AND period IN ('2041-03', '2041-04')", rep),
                "a closed month never changes");
        Object[] may = rows("SELECT sales_amount, cost_amount, order_count, refund_count FROM kpi_fact WHERE rep_id = ?1 AND period = '2041-05'",
                rep).get(0);
        assertEquals(new BigDecimal("400.00"), may[0]);
        assertEquals(new BigDecimal("200.00"), may[1]);
        assertEquals(1, ((Number) may[2]).intValue());
        assertEquals(1, ((Number) may[3]).intValue());
        assertEquals(new BigDecimal("70.00"), single("SELECT sales_amount FROM kpi_fact WHERE rep_id = ?1 AND period = '2041-02'", rep));
        List<Object[]> entries = rows("SELECT kind, period, booked_period FROM revenue_entry WHERE order_id = CAST(?1 AS uuid) ORDER BY occurred_at",
                order);
        assertEquals("SETTLED", entries.get(0)[0]);
        assertEquals("2041-03", entries.get(0)[1]);
        assertEquals("2041-05", entries.get(0)[2]);
        assertEquals("2041-04", entries.get(1)[1]);
        assertEquals("2041-05", entries.get(1)[2]);
        assertEquals("2041-05", single("SELECT booked_period FROM satisfaction_fact WHERE survey_id = CAST(?1 AS uuid)", surveyId));
        assertEquals("2041-04", single("SELECT period FROM satisfaction_fact WHERE survey_id = CAST(?1 AS uuid)", surveyId));
        assertEquals("2041-05", single("SELECT booked_period FROM opportunity_outcome WHERE opportunity_id = CAST(?1 AS uuid)", opportunityId));
        assertEquals("2041-05", single("SELECT booked_period FROM report_fact WHERE report_id = CAST(?1 AS uuid)", reportId));

        JsonNode updated = kpiUpdated(rep, "2041-05", "\"reportsDue\":1");
        assertTrue(updated.toString().contains("\"period\":\"2041-05\""), updated.toString());
        assertTrue(EventProbe.all("sales.performance.events", r -> rep.equals(r.key())
                && (r.value().contains("\"period\":\"2041-03\"") || r.value().contains("\"period\":\"2041-04\"")),
                Duration.ofSeconds(2)).isEmpty(), "nothing is published for a closed month");
    }

    @Test
    void reopening_a_win_of_a_closed_month_leaves_that_month_as_published() throws Exception {
        String rep = UUID.randomUUID().toString();
        String opportunityId = UUID.randomUUID().toString();
        awaitApplied("rep-win-rate", opportunity("won", opportunityId, rep, 2, "2042-03-10T10:00:00Z"));
        kpiUpdated(rep, "2042-03", "\"opportunitiesWon\":1");
        close("2042-03");
        awaitApplied("rep-win-rate", opportunity("reopened", opportunityId, rep, 3, "2042-04-01T10:00:00Z"));
        assertEquals("OPEN", single("SELECT outcome FROM opportunity_outcome WHERE opportunity_id = CAST(?1 AS uuid)", opportunityId));
        awaitApplied("rep-win-rate", opportunity("won", opportunityId, rep, 4, "2042-04-02T10:00:00Z"));
        assertEquals("2042-04", single("SELECT booked_period FROM opportunity_outcome WHERE opportunity_id = CAST(?1 AS uuid)", opportunityId));

        assertEquals(new BigDecimal("100.00"), kpiUpdated(rep, "2042-04", "\"opportunitiesWon\":1").get("winRate").decimalValue());
        assertTrue(EventProbe.all("sales.performance.events", r -> rep.equals(r.key())
                && r.value().contains("\"period\":\"2042-03\"") && r.value().contains("\"opportunitiesWon\":0"),
                Duration.ofSeconds(2)).isEmpty(), "the closed month is not re-published without its win");
    }

    @Test
    void concurrent_orders_and_surveys_of_one_rep_month_end_with_a_snapshot_carrying_them_all() throws Exception {
        String rep = UUID.randomUUID().toString();
        String period = "2043-02";
        int each = 20;
        List<String> orders = new ArrayList<>();
        List<String> surveys = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            orders.add(OrderFacts.settled(UUID.randomUUID().toString(), rep, "east-1", "east", "10.00", "4.00",
                    "2043-02-1" + (i % 10) + "T10:00:00Z"));
            surveys.add(survey(UUID.randomUUID().toString(), UUID.randomUUID().toString(), rep, 4,
                    "2043-02-1" + (i % 10) + "T11:00:00Z"));
        }
        awaitApplied("rep-kpi", orders.toArray(String[]::new));
        awaitApplied("rep-satisfaction", surveys.toArray(String[]::new));

        // one sales.kpi.updated.v1 per fact; read them all, in the order the topic keeps them
        List<JsonNode> published = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (published.size() < 2 * each && System.nanoTime() < deadline) {
            published.clear();
            for (EventProbe.Received r : EventProbe.all("sales.performance.events", r -> rep.equals(r.key())
                    && "sales.kpi.updated.v1".equals(r.type()) && r.value().contains("\"period\":\"" + period + "\""),
                    Duration.ofSeconds(3))) {
                published.add(JSON.readTree(r.value()));
            }
        }
        assertEquals(2 * each, published.size(), "one update per fact");
        // writers of the month ran one after the other: no snapshot forgets a fact an earlier one had
        for (int i = 1; i < published.size(); i++) {
            JsonNode before = published.get(i - 1);
            JsonNode after = published.get(i);
            assertTrue(after.get("orderCount").asInt() >= before.get("orderCount").asInt()
                    && after.get("surveyCount").asInt() >= before.get("surveyCount").asInt(),
                    "snapshot " + after + " lost a fact of " + before);
        }
        JsonNode last = published.get(published.size() - 1);
        assertEquals(each, last.get("orderCount").asInt(), last.toString());
        assertEquals(new BigDecimal("200.00"), last.get("salesAmount").decimalValue());
        assertEquals(new BigDecimal("80.00"), last.get("costAmount").decimalValue());
        assertEquals(each, last.get("surveyCount").asInt(), last.toString());
        assertEquals(0, new BigDecimal("4").compareTo(last.get("satisfactionAvg").decimalValue()), last.toString());
    }

    @Test
    void a_broken_fact_goes_to_its_topics_dead_letter_queue_and_counts_nothing() throws Exception {
        String rep = UUID.randomUUID().toString();
        String surveyId = UUID.randomUUID().toString();
        publish(AFTERSALES, UUID.randomUUID().toString(), "/aftersales-service", "sales.survey.completed.v1", surveyId,
                surveyPayload(surveyId, rep, "7", "2041-12-01T10:00:00Z"));
        String reportId = UUID.randomUUID().toString();
        publish(REPORTING, UUID.randomUUID().toString(), "/reporting-service", "sales.report.submitted.v1", reportId,
                reportPayload(reportId, rep, "2041-12-05T18:00:00Z", "2041-12-05T10:00:00Z", null));

        EventProbe.Received deadSurvey = EventProbe.await(AFTERSALES + ".dlq", r -> surveyId.equals(r.key()), WAIT);
        assertTrue(deadSurvey.headers().getOrDefault("dead-letter-reason", "").contains("score"),
                deadSurvey.headers().toString());
        assertEquals("sales.survey.completed.v1", deadSurvey.type());
        EventProbe.Received deadReport = EventProbe.await(REPORTING + ".dlq", r -> reportId.equals(r.key()), WAIT);
        assertTrue(deadReport.headers().getOrDefault("dead-letter-reason", "").contains("onTime"),
                deadReport.headers().toString());
        assertEquals(0, count("SELECT COUNT(*) FROM satisfaction_fact WHERE rep_id = ?1", rep));
        assertEquals(0, count("SELECT COUNT(*) FROM report_fact WHERE rep_id = ?1", rep));
    }
}
