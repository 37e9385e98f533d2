package com.salesaffairs.reporting;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import com.salesaffairs.platform.testing.EventProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Events of opportunity-service, aftersales-service (case outcomes, surveys) and performance-service as
 * their producers publish them (fields reporting ignores included), for feeding reporting's V4 read
 * models through the real consumers. Payload texts are JSON object bodies; every builder takes the
 * fields a test varies and fills the rest as the producer would.
 */
final class ReadModelEvents {
    static final String OPPORTUNITY_TOPIC = "sales.opportunity.events";
    static final String AFTERSALES_TOPIC = "sales.aftersales.events";
    static final String PERFORMANCE_TOPIC = "sales.performance.events";

    private ReadModelEvents() {
    }

    /** Publishes on the topic with a fresh ce_id, key = the aggregate id; returns the ce_id. */
    static String publish(String topic, String source, String type, String key, String payload) {
        String ceId = UUID.randomUUID().toString();
        Map<String, String> headers = EventProbe.cloudEventHeaders(ceId, source, type, key);
        EventProbe.publish(topic, key, headers, payload);
        return ceId;
    }

    static String opportunityEvent(String type, String key, String payload) {
        return publish(OPPORTUNITY_TOPIC, "/opportunity-service", type, key, payload);
    }

    static String aftersalesEvent(String type, String key, String payload) {
        return publish(AFTERSALES_TOPIC, "/aftersales-service", type, key, payload);
    }

    static String performanceEvent(String type, String key, String payload) {
        return publish(PERFORMANCE_TOPIC, "/performance-service", type, key, payload);
    }

    /**
     * A customer as {@code sales.customer.registered/updated.v1} carries it.
     *
     * @param contacts a JSON array text, e.g. {@code [{"name":"Li Wei","title":null,"phone":"+86 1","email":"li@x.cn"}]}
     */
    static String customer(String customerId, long version, String name, String owner, String team, String segment,
            String contacts, String updatedAt) {
        return "{\"customerId\":\"" + customerId + "\",\"name\":\"" + name + "\",\"industry\":\"Machinery\","
                + "\"country\":\"CN\",\"city\":\"Ningbo\",\"ownerId\":\"" + owner + "\",\"team\":\"" + team + "\","
                + "\"region\":\"east\",\"version\":" + version + ",\"registeredAt\":\"2015-01-05T02:00:00Z\","
                + "\"updatedAt\":\"" + updatedAt + "\",\"registrationId\":\"91330200MA2AB3CD4E\","
                + "\"segment\":" + (segment == null ? "null" : "\"" + segment + "\"") + ",\"address\":\"1 Harbour Rd\","
                + "\"email\":\"info@" + name.toLowerCase().replace(' ', '-') + ".example\",\"phone\":\"+86 574 8000\""
                + (contacts == null ? "" : ",\"contacts\":" + contacts) + "}";
    }

    /**
     * An opportunity as every {@code sales.opportunity.*.v1} carries it, plus the type's own fields
     * ({@code extra}: {@code ,"changedAt":"..."} and the like).
     */
    static String opportunity(String opportunityId, long version, String stage, int probability, String amount,
            String assignee, String team, String recordedAt, String extra) {
        return "{\"opportunityId\":\"" + opportunityId + "\",\"customerId\":\"00000000-0000-4000-8000-00000000c001\","
                + "\"customerName\":\"Ningbo Pumps\",\"title\":\"Pumps for line 3\",\"source\":\"REFERRAL\","
                + "\"sourceDetail\":null,\"productsOfInterest\":[\"PUMP-1\"],\"capturedBy\":\"" + assignee + "\","
                + "\"capturedAt\":\"2015-03-02T01:00:00Z\",\"assigneeId\":" + (assignee == null ? "null" : "\"" + assignee + "\"")
                + ",\"team\":\"" + team + "\",\"region\":\"east\",\"stage\":\"" + stage + "\",\"probability\":" + probability
                + ",\"probabilityPolicyVersion\":1,\"estimatedAmount\":" + amount + ",\"currency\":\"CNY\","
                + "\"expectedCloseDate\":\"2015-06-30\",\"version\":" + version + ",\"recordedAt\":\"" + recordedAt + "\""
                + extra + "}";
    }

    /** {@code sales.case.resolved.v1}. */
    static String caseResolved(String caseId, String owner, String team, String resolvedAt, boolean responseMet,
            boolean resolutionMet, long minutes) {
        return "{\"caseId\":\"" + caseId + "\",\"caseNumber\":\"CS-2015-000001\",\"customerId\":\"00000000-0000-4000-8000-00000000c001\","
                + "\"ownerId\":\"" + owner + "\",\"team\":\"" + team + "\",\"region\":\"east\",\"severity\":\"HIGH\","
                + "\"kind\":\"COMPLAINT\",\"category\":\"DELIVERY\",\"resolvedBy\":\"agent\",\"resolvedAt\":\"" + resolvedAt
                + "\",\"responseDueAt\":\"" + resolvedAt + "\",\"firstRespondedAt\":\"" + resolvedAt + "\","
                + "\"responseBusinessMinutes\":30,\"responseBusinessHours\":0.5,\"responseMet\":" + responseMet + ","
                + "\"resolutionStartedAt\":\"" + resolvedAt + "\",\"resolutionDueAt\":\"" + resolvedAt + "\","
                + "\"resolutionBusinessMinutes\":" + minutes + ",\"resolutionBusinessHours\":" + (minutes / 60.0) + ","
                + "\"resolutionMet\":" + resolutionMet + "}";
    }

    /** {@code sales.case.closed.v1}. */
    static String caseClosed(String caseId, String owner, String team, String closedAt, boolean responseMet,
            boolean resolutionMet) {
        return "{\"caseId\":\"" + caseId + "\",\"caseNumber\":\"CS-2015-000001\",\"customerId\":\"00000000-0000-4000-8000-00000000c001\","
                + "\"ownerId\":\"" + owner + "\",\"team\":\"" + team + "\",\"region\":\"east\",\"severity\":\"HIGH\","
                + "\"kind\":\"COMPLAINT\",\"confirmedBy\":\"agent\",\"closedAt\":\"" + closedAt + "\","
                + "\"responseMet\":" + responseMet + ",\"resolutionMet\":" + resolutionMet + "}";
    }

    /** {@code sales.case.escalated.v1}. */
    static String caseEscalated(String caseId, String owner, String team, String deadline, int level, String dueAt,
            String escalatedAt) {
        return "{\"caseId\":\"" + caseId + "\",\"caseNumber\":\"CS-2015-000001\",\"customerId\":\"00000000-0000-4000-8000-00000000c001\","
                + "\"ownerId\":\"" + owner + "\",\"team\":\"" + team + "\",\"severity\":\"HIGH\",\"deadline\":\"" + deadline
                + "\",\"dueAt\":\"" + dueAt + "\",\"level\":" + level + ",\"escalatedToRole\":\"sales-manager\","
                + "\"escalatedToTeam\":\"" + team + "\",\"overdueBusinessMinutes\":15,\"escalatedAt\":\"" + escalatedAt + "\"}";
    }

    /** {@code sales.case.reopened.v1}. */
    static String caseReopened(String caseId, String owner, String team, String reopenedAt) {
        return "{\"caseId\":\"" + caseId + "\",\"caseNumber\":\"CS-2015-000001\",\"customerId\":\"00000000-0000-4000-8000-00000000c001\","
                + "\"ownerId\":\"" + owner + "\",\"team\":\"" + team + "\",\"reason\":\"still leaking\","
                + "\"reopenedBy\":\"agent\",\"reopenedAt\":\"" + reopenedAt + "\",\"resolutionDueAt\":\"" + reopenedAt + "\"}";
    }

    /** {@code sales.survey.completed.v1}. */
    static String survey(String surveyId, String caseId, String rep, String team, int score, int likelihood,
            String answeredAt) {
        return "{\"surveyId\":\"" + surveyId + "\",\"customerId\":\"00000000-0000-4000-8000-00000000c001\","
                + "\"caseId\":" + (caseId == null ? "null" : "\"" + caseId + "\"") + ",\"orderId\":null,"
                + "\"repId\":\"" + rep + "\",\"team\":\"" + team + "\",\"score\":" + score + ","
                + "\"likelihoodToRecommend\":" + likelihood + ",\"answeredAt\":\"" + answeredAt + "\"}";
    }

    /**
     * {@code sales.target.approved.v1}.
     *
     * @param split a JSON array text, e.g. {@code [{"month":"2015-01","amount":100.00}]}
     */
    static String target(String targetId, String level, String subject, String team, String period, String periodKind,
            String amount, String split, long version, String approvedAt) {
        return "{\"targetId\":\"" + targetId + "\",\"level\":\"" + level + "\",\"subject\":\"" + subject + "\","
                + "\"team\":" + (team == null ? "null" : "\"" + team + "\"") + ",\"region\":\"east\",\"period\":\""
                + period + "\",\"periodKind\":\"" + periodKind + "\",\"currency\":\"CNY\",\"amount\":" + amount + ","
                + "\"monthlySplit\":" + split + ",\"version\":" + version + ",\"approvedBy\":\"director\","
                + "\"proposalId\":null,\"adjusted\":false,\"approvedAt\":\"" + approvedAt + "\"}";
    }

    /** {@code sales.kpi.updated.v1} with every field of the current contract. */
    static String kpi(String rep, String period, String team, String sales, String cost, int orders, String updatedAt) {
        return "{\"repId\":\"" + rep + "\",\"period\":\"" + period + "\",\"team\":\"" + team + "\",\"region\":\"east\","
                + "\"currency\":\"CNY\",\"salesAmount\":" + sales + ",\"costAmount\":" + cost + ",\"grossMargin\":"
                + new java.math.BigDecimal(sales).subtract(new java.math.BigDecimal(cost)).toPlainString() + ","
                + "\"orderCount\":" + orders + ",\"refundCount\":0,\"updatedAt\":\"" + updatedAt + "\","
                + "\"satisfactionAvg\":4.50,\"surveyCount\":2,\"reportsDue\":4,\"reportsOnTime\":3,\"onTimeRate\":75.00,"
                + "\"opportunitiesWon\":1,\"opportunitiesLost\":1,\"winRate\":50.00}";
    }

    /** {@code sales.appraisal.completed.v1}. */
    static String appraisal(String rep, String period, String team, String score, String grade, String completedAt) {
        return "{\"repId\":\"" + rep + "\",\"team\":\"" + team + "\",\"region\":\"east\",\"period\":\"" + period + "\","
                + "\"score\":" + score + ",\"grade\":\"" + grade + "\",\"kpis\":[],\"policyVersions\":{\"kpi\":1,"
                + "\"rewards\":1,\"commission\":1},\"commission\":{\"currency\":\"CNY\",\"amount\":100.00,"
                + "\"revenue\":1000.00,\"target\":null,\"attainmentPct\":null},\"rewardId\":\"" + UUID.randomUUID()
                + "\",\"reward\":{\"salaryAdjustmentPct\":0,\"commissionRatePoints\":0,\"training\":[],"
                + "\"improvementPlan\":false},\"approvedBy\":\"director\",\"completedAt\":\"" + completedAt + "\"}";
    }

    /**
     * Waits until the consumer has recorded the event in its inbox (applied it, duplicate or not):
     * events of one key are applied in order, so everything published before on that key is in too.
     */
    static void awaitApplied(EntityManager em, String ceId, String consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT COUNT(*) FROM inbox_event WHERE ce_id = CAST(:id AS uuid) AND consumer = :consumer")
                    .setParameter("id", ceId).setParameter("consumer", consumer).getSingleResult()).longValue());
            if (rows > 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("event " + ceId + " was not applied by " + consumer + " within 30 s");
    }
}
