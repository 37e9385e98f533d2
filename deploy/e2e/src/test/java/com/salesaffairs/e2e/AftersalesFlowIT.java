package com.salesaffairs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.e2e.StackClient.Service;
import com.salesaffairs.e2e.client.aftersales.ApiClient;
import com.salesaffairs.e2e.client.aftersales.ApiException;
import com.salesaffairs.e2e.client.aftersales.api.CasesApi;
import com.salesaffairs.e2e.client.aftersales.api.FeedbackApi;
import com.salesaffairs.e2e.client.aftersales.api.PoliciesApi;
import com.salesaffairs.e2e.client.aftersales.api.SurveysApi;
import com.salesaffairs.e2e.client.aftersales.model.AnswerRequest;
import com.salesaffairs.e2e.client.aftersales.model.AnswerView;
import com.salesaffairs.e2e.client.aftersales.model.AssignRequest;
import com.salesaffairs.e2e.client.aftersales.model.CaseAction;
import com.salesaffairs.e2e.client.aftersales.model.CaseView;
import com.salesaffairs.e2e.client.aftersales.model.DeadlineKind;
import com.salesaffairs.e2e.client.aftersales.model.Department;
import com.salesaffairs.e2e.client.aftersales.model.FeedbackCategory;
import com.salesaffairs.e2e.client.aftersales.model.FeedbackChannel;
import com.salesaffairs.e2e.client.aftersales.model.FeedbackRequest;
import com.salesaffairs.e2e.client.aftersales.model.HistoryView;
import com.salesaffairs.e2e.client.aftersales.model.IssuedLink;
import com.salesaffairs.e2e.client.aftersales.model.PolicyDecisionRequest;
import com.salesaffairs.e2e.client.aftersales.model.PolicyDraftRequest;
import com.salesaffairs.e2e.client.aftersales.model.PolicyVersion;
import com.salesaffairs.e2e.client.aftersales.model.ResolveRequest;
import com.salesaffairs.e2e.client.aftersales.model.RespondRequest;
import com.salesaffairs.e2e.client.aftersales.model.Severity;
import com.salesaffairs.e2e.client.aftersales.model.SurveyView;

/**
 * After-sales against the running stack, through the Java client generated from
 * aftersales-service's OpenAPI document: a short SLA policy adopted with four eyes, feedback on a
 * customer registered in opportunity-service, the running SLA watch acting on the case, the case
 * handled to CLOSED, the survey created on closing reached through an issued link and answered
 * anonymously once, and the feedback counted by reporting-service.
 *
 * <p>The short policy uses decimal business hours: a first response within 0.02 business hours
 * (72 seconds) on a calendar of every day 00:00-23:59, so the response deadline passes during the
 * test and the SLA watch that the stack runs every minute ({@code aftersales.escalation.every=1m})
 * records the warnings (warnAtPercent 1) and then escalates the response clock one step, to level 1,
 * the first step of the chain ({@code aftersales-agent}), with a {@code sales.case.escalated.v1}
 * event, within about two minutes of logging. The resolution limit (0.5 hours, 30 minutes) is long
 * enough for the handling that follows, so only the response deadline is missed.
 */
class AftersalesFlowIT {
    private static final String SLA = "aftersales.sla";
    private static final String AFTERSALES_TOPIC = "sales.aftersales.events";
    private static final Duration WATCH_WAIT = Duration.ofSeconds(150);
    /** The response deadline (72 s) plus up to two runs of the every-minute SLA watch, with room to spare. */
    private static final Duration ESCALATION_WAIT = Duration.ofSeconds(240);
    private static final BigDecimal FIRST_RESPONSE_HOURS = new BigDecimal("0.02");
    private static final BigDecimal RESOLUTION_HOURS = new BigDecimal("0.5");
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(15);

    private final StackClient stack = StackClient.local();
    private final GeneratedClientSteps steps = new GeneratedClientSteps(stack);

    private Consumer<HttpRequest.Builder> bearer(String username) {
        return request -> request.header("Authorization", "Bearer " + stack.token(username));
    }

    private ApiClient aftersales(String username) {
        var client = new ApiClient();
        client.updateBaseUri(Service.AFTERSALES.baseUrl());
        return username == null ? client : client.setRequestInterceptor(bearer(username));
    }

    private PoliciesApi policies(String username) {
        return new PoliciesApi(aftersales(username));
    }

    private CasesApi cases(String username) {
        return new CasesApi(aftersales(username));
    }

    private SurveysApi surveys(String username) {
        return new SurveysApi(aftersales(username));
    }

    /**
     * The short SLA: every day 00:00-23:59 (any hour, any weekday), a first response within 0.02
     * business hours (72 s) and a resolution within 0.5 (30 min) for every severity, warn at 1%.
     */
    private static Map<String, Object> shortSla() {
        Map<String, Object> calendar = new LinkedHashMap<>();
        calendar.put("timeZone", "Etc/UTC");
        calendar.put("workingDays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"));
        calendar.put("hours", Map.of("start", "00:00", "end", "23:59"));
        calendar.put("holidays", List.of());
        calendar.put("makeUpWorkingDays", List.of());
        Map<String, BigDecimal> response = Map.of("CRITICAL", FIRST_RESPONSE_HOURS, "HIGH", FIRST_RESPONSE_HOURS,
                "MEDIUM", FIRST_RESPONSE_HOURS, "LOW", FIRST_RESPONSE_HOURS);
        Map<String, BigDecimal> resolution = Map.of("CRITICAL", RESOLUTION_HOURS, "HIGH", RESOLUTION_HOURS,
                "MEDIUM", RESOLUTION_HOURS, "LOW", RESOLUTION_HOURS);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("calendar", calendar);
        content.put("firstResponseHours", response);
        content.put("resolutionHours", resolution);
        content.put("warnAtPercent", 1);
        content.put("escalationChain", List.of("aftersales-agent", "team-manager", "sales-director"));
        return content;
    }

    /** paul drafts, admin approves (four eyes), effective at once; the version now in force. */
    private PolicyVersion adopt(Object content, String rationale) throws Exception {
        PolicyVersion draft = policies("paul").draftPolicyVersion(SLA,
                new PolicyDraftRequest().content(content).rationale(rationale));
        ApiException ownApproval = assertThrows(ApiException.class, () -> policies("paul")
                .approvePolicyVersion(SLA, draft.getVersion(), new PolicyDecisionRequest().comment("mine")));
        assertEquals(422, ownApproval.getCode(), "four eyes: " + ownApproval.getResponseBody());
        policies("admin").approvePolicyVersion(SLA, draft.getVersion(),
                new PolicyDecisionRequest().comment("approved for the end-to-end test"));
        PolicyVersion active = policies("paul").getPolicy(SLA);
        assertEquals(draft.getVersion(), active.getVersion(), "the approved version is in force");
        return active;
    }

    @Test
    void a_case_under_a_short_sla_is_watched_handled_closed_and_surveyed_through_an_issued_link() throws Exception {
        // a. the short policy, the adopted one restored afterwards
        PolicyVersion adopted = policies("paul").getPolicy(SLA);
        PolicyVersion shortPolicy = adopt(shortSla(), "e2e: a 72-second first response on a 7-day calendar, to see a case escalate");
        Throwable failure = null;
        try {
            flow(shortPolicy);
        } catch (Exception | AssertionError e) {
            failure = e;
            throw e;
        } finally {
            try {
                adopt(adopted.getContent(), "e2e: restore version " + adopted.getVersion() + " after the short SLA");
            } catch (Exception | AssertionError restore) {
                if (failure == null) {
                    throw restore;
                }
                failure.addSuppressed(restore);
            }
        }
    }

    private void flow(PolicyVersion shortPolicy) throws Exception {
        // b. alice registers a customer; feedback once aftersales-service has the customer
        UUID customerId = steps.registerCustomer("E2E aftersales " + UUID.randomUUID());
        long feedbackBefore = SalesSteps.steady(() -> call(steps::feedbackCountToday));
        String idempotencyKey = UUID.randomUUID().toString();
        FeedbackRequest request = new FeedbackRequest().customerId(customerId).channel(FeedbackChannel.PHONE)
                .category(FeedbackCategory.PRODUCT_QUALITY).severity(Severity.HIGH)
                .summary("pump seal leaking after a week");
        CaseView logged = OpportunityClientSteps.retryWhileRules(SalesSteps.REPLICA_WAIT,
                () -> new FeedbackApi(aftersales("alice")).logFeedback(request, idempotencyKey), "feedback.customer-known");
        String caseId = logged.getId().toString();
        assertEquals("OPEN", logged.getStatus());
        assertEquals(shortPolicy.getVersion(), logged.getSlaPolicyVersion(), "the case runs on the short policy");
        assertEquals(0, FIRST_RESPONSE_HOURS.compareTo(new BigDecimal(String.valueOf(logged.getResponseHours()))),
                "decimal response budget: " + logged.getResponseHours());
        assertEquals(0, RESOLUTION_HOURS.compareTo(new BigDecimal(String.valueOf(logged.getResolutionHours()))),
                "decimal resolution budget: " + logged.getResolutionHours());
        long dueMillis = Duration.between(logged.getLoggedAt(), logged.getResponseDueAt()).toMillis();
        // 72 s, or up to 60 s more when the minute 23:59-00:00 (outside the calendar) falls in between.
        assertTrue(dueMillis >= 72_000 && dueMillis <= 132_000, "0.02 business hours on a 00:00-23:59 calendar: " + dueMillis + " ms");
        assertNotNull(logged.getResolutionDueAt());

        // c. the running SLA watch records the warning of both clocks, then escalates the response clock
        List<HistoryView> watched = StackClient.eventually(WATCH_WAIT, () -> {
            List<HistoryView> entries = call(() -> cases("sam").getCaseHistory(caseId, null, null)).getItems();
            List<HistoryView> warnings = entries.stream().filter(e -> e.getAction() == CaseAction.WARNING).toList();
            assertEquals(2, warnings.size(), "WARNING entries of the response and resolution clocks in " + entries);
            return warnings;
        });
        for (HistoryView warning : watched) {
            assertEquals("sla-escalation", warning.getActor());
            assertFalse(warning.getAt().toInstant().isBefore(logged.getLoggedAt().toInstant()));
        }

        HistoryView escalation = StackClient.eventually(ESCALATION_WAIT, () -> {
            List<HistoryView> entries = call(() -> cases("sam").getCaseHistory(caseId, null, null)).getItems();
            List<HistoryView> escalations = entries.stream().filter(e -> e.getAction() == CaseAction.ESCALATED).toList();
            assertEquals(1, escalations.size(), "one ESCALATED entry (the response clock) in " + entries);
            return escalations.get(0);
        });
        assertEquals("sla-escalation", escalation.getActor());
        assertEquals(DeadlineKind.RESPONSE, escalation.getDeadline());
        assertEquals(1, escalation.getLevel());
        assertEquals("aftersales-agent", escalation.getEscalatedToRole(), "level 1 is the first step of the chain");
        assertNull(escalation.getEscalatedToTeam());
        assertTrue(escalation.getAt().toInstant().isAfter(logged.getResponseDueAt().toInstant()),
                "escalated after the deadline: " + escalation.getAt() + " vs " + logged.getResponseDueAt());
        CaseView escalated = cases("sam").getCase(caseId);
        assertEquals(1, escalated.getResponseEscalationLevel(), "the 72-second deadline has passed");
        assertEquals(0, escalated.getResolutionEscalationLevel(), "the 30-minute resolution deadline has not");
        assertEquals("OPEN", escalated.getStatus());

        List<ConsumerRecord<String, String>> escalationEvents = TopicReader.recordsWithKey(stack.kafkaBootstrap(),
                AFTERSALES_TOPIC, caseId, r -> "sales.case.escalated.v1".equals(TopicReader.header(r, "ce_type")), EVENT_WAIT);
        assertFalse(escalationEvents.isEmpty(), "no events for case " + caseId);
        ConsumerRecord<String, String> escalatedRecord = escalationEvents.get(escalationEvents.size() - 1);
        assertEquals("sales.case.escalated.v1", TopicReader.header(escalatedRecord, "ce_type"),
                "sales.case.escalated.v1 for case " + caseId + " on " + AFTERSALES_TOPIC);
        JsonNode escalatedEvent = StackClient.JSON.readTree(escalatedRecord.value());
        assertEquals(caseId, escalatedEvent.path("caseId").asText());
        assertEquals("RESPONSE", escalatedEvent.path("deadline").asText());
        assertEquals(1, escalatedEvent.path("level").asInt());
        assertEquals("aftersales-agent", escalatedEvent.path("escalatedToRole").asText());
        assertTrue(escalatedEvent.path("escalatedToTeam").isNull(), "the agents, not a team: " + escalatedEvent);
        assertEquals(logged.getResponseDueAt().toInstant(), Instant.parse(escalatedEvent.path("dueAt").asText()));

        // d. sam assigns, responds, resolves; alice's customer confirms through sam: CLOSED
        cases("sam").assignCase(caseId, new AssignRequest().department(Department.QUALITY).note("seal failure"), null);
        CaseView responded = cases("sam").respondToCase(caseId,
                new RespondRequest().message("A technician visits tomorrow"), null);
        assertEquals(Boolean.FALSE, responded.getResponseMet(), "answered after the 72-second deadline");
        cases("sam").resolveCase(caseId, new ResolveRequest().solution("seal replaced"), null);
        CaseView closed = cases("sam").confirmCase(caseId, null);
        assertEquals("CLOSED", closed.getStatus());
        assertNotNull(closed.getClosedAt());

        List<ConsumerRecord<String, String>> caseEvents = TopicReader.recordsWithKey(stack.kafkaBootstrap(),
                AFTERSALES_TOPIC, caseId, r -> "sales.case.closed.v1".equals(TopicReader.header(r, "ce_type")), EVENT_WAIT);
        List<String> types = caseEvents.stream().map(r -> TopicReader.header(r, "ce_type")).toList();
        assertEquals(List.of("sales.feedback.logged.v1", "sales.case.escalated.v1", "sales.case.assigned.v1",
                "sales.case.resolved.v1", "sales.case.closed.v1"), types,
                "the case's events in log order (a warning has none)");
        JsonNode resolved = StackClient.JSON.readTree(caseEvents.get(3).value());
        assertTrue(resolved.path("responseMet").isBoolean(), "resolved event: responseMet: " + resolved);
        assertFalse(resolved.path("responseMet").asBoolean(), "resolved event: response deadline missed: " + resolved);
        assertTrue(resolved.path("resolutionMet").asBoolean(false), "resolved event: resolution met: " + resolved);

        // e. the survey created on closing: sam finds it, issues its link; the customer answers once
        SurveyView survey = StackClient.eventually(PROJECTION_WAIT, () -> {
            List<SurveyView> found = call(() -> surveys("sam").listSurveys(customerId, null, null, null)).getItems();
            assertEquals(1, found.size(), "one survey for the customer: " + found);
            return found.get(0);
        });
        assertEquals(SurveyView.TriggerEnum.CASE_CLOSED, survey.getTrigger());
        assertEquals(logged.getId(), survey.getCaseId());
        assertEquals(SurveyView.StatusEnum.SENT, survey.getStatus());
        ApiException notAlice = assertThrows(ApiException.class, () -> surveys("alice").issueSurveyLink(survey.getId().toString()));
        assertEquals(403, notAlice.getCode());

        IssuedLink first = surveys("sam").issueSurveyLink(survey.getId().toString());
        IssuedLink link = surveys("sam").issueSurveyLink(survey.getId().toString());
        assertNotEquals(first.getToken(), link.getToken(), "a new link each time");
        assertEquals("/api/v1/surveys/" + link.getToken() + "/responses", link.getAnswerPath());
        assertEquals(survey.getExpiresAt(), link.getExpiresAt(), "the expiry is the survey's own");

        SurveysApi customer = surveys(null);
        AnswerRequest answer = new AnswerRequest().score(5).likelihoodToRecommend(9);
        ApiException rotated = assertThrows(ApiException.class, () -> customer.answerSurvey(first.getToken(), answer));
        assertEquals(404, rotated.getCode(), "the replaced link no longer works");
        AnswerView answered = customer.answerSurvey(link.getToken(), answer);
        assertEquals(survey.getId(), answered.getSurveyId());
        ApiException again = assertThrows(ApiException.class, () -> customer.answerSurvey(link.getToken(),
                new AnswerRequest().score(1).likelihoodToRecommend(0)));
        assertEquals(409, again.getCode());
        assertTrue(again.getResponseBody().contains("survey.answered"), again.getResponseBody());

        List<ConsumerRecord<String, String>> surveyEvents = TopicReader.recordsWithKey(stack.kafkaBootstrap(),
                AFTERSALES_TOPIC, survey.getId().toString(),
                r -> "sales.survey.completed.v1".equals(TopicReader.header(r, "ce_type")), EVENT_WAIT);
        assertFalse(surveyEvents.isEmpty(), "no sales.survey.completed.v1 for survey " + survey.getId());
        JsonNode completed = StackClient.JSON.readTree(surveyEvents.get(surveyEvents.size() - 1).value());
        assertEquals("sales.survey.completed.v1", TopicReader.header(surveyEvents.get(surveyEvents.size() - 1), "ce_type"));
        assertEquals(customerId.toString(), completed.path("customerId").asText());
        assertEquals(caseId, completed.path("caseId").asText());
        assertEquals(5, completed.path("score").asInt());
        assertEquals(9, completed.path("likelihoodToRecommend").asInt());
        assertEquals(SurveyView.StatusEnum.ANSWERED, surveys("sam").getSurvey(survey.getId().toString()).getStatus());

        // f. reporting-service counted the feedback
        StackClient.eventually(PROJECTION_WAIT, () -> {
            assertEquals(feedbackBefore + 1, call(steps::feedbackCountToday), "today's feedback count");
            return null;
        });
    }

    private static <T> T call(Callable<T> step) {
        try {
            return step.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
