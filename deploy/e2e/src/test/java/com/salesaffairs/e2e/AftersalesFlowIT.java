package com.salesaffairs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
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
 * <p>Why a WARNING and not an ESCALATED entry: the policy validator allows only whole business
 * hours of at least 1, so no deadline can pass within a test, and a case's deadline cannot be set
 * from outside. The shortest policy (1 hour, warnAtPercent 1) puts the warning point 0 business
 * minutes after logging (whole minutes of 1% of an hour), so the SLA watch that the stack runs every
 * minute ({@code aftersales.escalation.every=1m}, the job that also escalates) records the WARNING
 * within about a minute. Escalation past a deadline is covered by aftersales-service's
 * SlaEscalationTest, which runs the same job with a chosen "now".
 */
class AftersalesFlowIT {
    private static final String SLA = "aftersales.sla";
    private static final String AFTERSALES_TOPIC = "sales.aftersales.events";
    private static final Duration WATCH_WAIT = Duration.ofSeconds(150);
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

    /** The short SLA: every day 00:00-23:59 (any hour, any weekday), 1 business hour for everything, warn at 1%. */
    private static Map<String, Object> shortSla() {
        Map<String, Object> calendar = new LinkedHashMap<>();
        calendar.put("timeZone", "Etc/UTC");
        calendar.put("workingDays", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"));
        calendar.put("hours", Map.of("start", "00:00", "end", "23:59"));
        calendar.put("holidays", List.of());
        calendar.put("makeUpWorkingDays", List.of());
        Map<String, Integer> hours = Map.of("CRITICAL", 1, "HIGH", 1, "MEDIUM", 1, "LOW", 1);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("calendar", calendar);
        content.put("firstResponseHours", hours);
        content.put("resolutionHours", hours);
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
        PolicyVersion shortPolicy = adopt(shortSla(), "e2e: a 1-hour SLA on a 7-day calendar, to watch a case at once");
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
        assertEquals(1, logged.getResponseHours());
        long dueMinutes = Duration.between(logged.getLoggedAt(), logged.getResponseDueAt()).toMinutes();
        assertTrue(dueMinutes >= 60 && dueMinutes <= 61, "1 business hour on a 00:00-23:59 calendar: " + dueMinutes);
        assertNotNull(logged.getResolutionDueAt());

        // c. the running SLA watch records the warning of both clocks
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
        CaseView warned = cases("sam").getCase(caseId);
        assertEquals(0, warned.getResponseEscalationLevel(), "the 1-hour deadline has not passed");

        // d. sam assigns, responds, resolves; alice's customer confirms through sam: CLOSED
        cases("sam").assignCase(caseId, new AssignRequest().department(Department.QUALITY).note("seal failure"), null);
        CaseView responded = cases("sam").respondToCase(caseId,
                new RespondRequest().message("A technician visits tomorrow"), null);
        assertEquals(Boolean.TRUE, responded.getResponseMet(), "answered within the hour");
        cases("sam").resolveCase(caseId, new ResolveRequest().solution("seal replaced"), null);
        CaseView closed = cases("sam").confirmCase(caseId, null);
        assertEquals("CLOSED", closed.getStatus());
        assertNotNull(closed.getClosedAt());

        List<ConsumerRecord<String, String>> caseEvents = TopicReader.recordsWithKey(stack.kafkaBootstrap(),
                AFTERSALES_TOPIC, caseId, r -> "sales.case.closed.v1".equals(TopicReader.header(r, "ce_type")), EVENT_WAIT);
        List<String> types = caseEvents.stream().map(r -> TopicReader.header(r, "ce_type")).toList();
        assertEquals(List.of("sales.feedback.logged.v1", "sales.case.assigned.v1", "sales.case.resolved.v1",
                "sales.case.closed.v1"), types, "the case's events in log order (a warning has none)");
        JsonNode resolved = StackClient.JSON.readTree(caseEvents.get(2).value());
        assertTrue(resolved.path("responseMet").asBoolean(false), "resolved event: response met: " + resolved);
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
