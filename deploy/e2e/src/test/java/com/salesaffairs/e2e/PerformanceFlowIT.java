package com.salesaffairs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.e2e.StackClient.Service;
import com.salesaffairs.e2e.client.aftersales.api.SurveysApi;
import com.salesaffairs.e2e.client.aftersales.model.AnswerRequest;
import com.salesaffairs.e2e.client.aftersales.model.SendRequest;
import com.salesaffairs.e2e.client.aftersales.model.SentSurvey;
import com.salesaffairs.e2e.client.order.model.OrderView;
import com.salesaffairs.e2e.client.performance.ApiClient;
import com.salesaffairs.e2e.client.performance.ApiException;
import com.salesaffairs.e2e.client.performance.api.AppraisalsApi;
import com.salesaffairs.e2e.client.performance.api.CommissionsApi;
import com.salesaffairs.e2e.client.performance.api.KpisApi;
import com.salesaffairs.e2e.client.performance.api.RewardsApi;
import com.salesaffairs.e2e.client.performance.api.TargetsApi;
import com.salesaffairs.e2e.client.performance.model.AppraisalResultView;
import com.salesaffairs.e2e.client.performance.model.AppraisalView;
import com.salesaffairs.e2e.client.performance.model.Band;
import com.salesaffairs.e2e.client.performance.model.CommissionStatement;
import com.salesaffairs.e2e.client.performance.model.OrderLine;
import com.salesaffairs.e2e.client.performance.model.Portion;
import com.salesaffairs.e2e.client.performance.model.ProposalApproveRequest;
import com.salesaffairs.e2e.client.performance.model.ProposalRequest;
import com.salesaffairs.e2e.client.performance.model.ProposalView;
import com.salesaffairs.e2e.client.performance.model.RepKpiView;
import com.salesaffairs.e2e.client.performance.model.ReturnRequest;
import com.salesaffairs.e2e.client.performance.model.RewardApproveRequest;
import com.salesaffairs.e2e.client.performance.model.RewardRecommendation;
import com.salesaffairs.e2e.client.performance.model.ScorecardKpi;
import com.salesaffairs.e2e.client.reporting.api.SalesReportsApi;
import com.salesaffairs.e2e.client.reporting.model.DraftSalesReportRequest;
import com.salesaffairs.e2e.client.reporting.model.SalesReportView;

/**
 * Targets, KPIs and commission against the running stack, through the Java clients generated from
 * the services' OpenAPI documents: alice proposes her target for this month and mike approves it
 * adjusted; alice settles two orders and fiona refunds part of one; a customer answers a survey
 * about one of them; alice hands in a past week's sales report late; performance-service, fed only
 * by the events, then shows the revenue, the on-time report rate of the month it was due, the
 * scorecard and a commission statement whose every order is checked to the cent against the
 * adopted tiers (2% to 80% attainment, 4% to 100%, 6% above) recomputed here; the director closes
 * the previous month, and the past month the report was due in, where alice is graded and her
 * reward approved.
 *
 * <p>The stack's database outlives a run, so the test reads alice's month before and compares
 * differences, and the target it approves carries a fresh amount each run.
 */
class PerformanceFlowIT {
    private static final String PERFORMANCE_TOPIC = "sales.performance.events";
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);
    /** performance.commission v2: the bands by attainment and their rates. */
    private static final List<BigDecimal> BAND_FROM = List.of(new BigDecimal("0"), new BigDecimal("80"), new BigDecimal("100"));
    private static final List<BigDecimal> BAND_RATE = List.of(new BigDecimal("0.02"), new BigDecimal("0.04"), new BigDecimal("0.06"));
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final StackClient stack = StackClient.local();
    private final GeneratedClientSteps steps = new GeneratedClientSteps(stack);

    private Consumer<HttpRequest.Builder> bearer(String username) {
        return request -> request.header("Authorization", "Bearer " + stack.token(username));
    }

    private ApiClient performance(String username) {
        var client = new ApiClient();
        client.updateBaseUri(Service.PERFORMANCE.baseUrl());
        return client.setRequestInterceptor(bearer(username));
    }

    private SurveysApi surveys(String username) {
        var client = new com.salesaffairs.e2e.client.aftersales.ApiClient();
        client.updateBaseUri(Service.AFTERSALES.baseUrl());
        return new SurveysApi(username == null ? client : client.setRequestInterceptor(bearer(username)));
    }

    @Test
    void a_target_orders_a_refund_and_a_survey_make_the_scorecard_and_a_commission_right_to_the_cent() throws Exception {
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        String previous = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();

        // a. alice proposes her target for the month; mike, her manager, approves it adjusted
        BigDecimal proposed = new BigDecimal(60_000 + ThreadLocalRandom.current().nextInt(10_000)).setScale(2);
        BigDecimal adjusted = proposed.subtract(new BigDecimal("1000.00"));
        ProposalView proposal = propose(month, proposed);
        assertEquals(ProposalView.StatusEnum.SUBMITTED, proposal.getStatus());
        assertEquals("east-1", proposal.getTeam(), "team from alice's token");
        ApiException foreign = assertThrows(ApiException.class, () -> new TargetsApi(performance("wendy"))
                .approveTargetProposal(proposal.getId().toString(), new ProposalApproveRequest(), null));
        assertEquals(404, foreign.getCode(), "another team's manager does not see the proposal");
        ApiException own = assertThrows(ApiException.class, () -> new TargetsApi(performance("alice"))
                .approveTargetProposal(proposal.getId().toString(), new ProposalApproveRequest(), null));
        assertEquals(403, own.getCode(), "a rep does not approve targets");
        ProposalView approved = new TargetsApi(performance("mike")).approveTargetProposal(proposal.getId().toString(),
                new ProposalApproveRequest().amount(adjusted).comment("e2e: a little less this month"), null);
        assertEquals(ProposalView.StatusEnum.APPROVED, approved.getStatus());
        assertTrue(approved.getAdjusted(), "approved for another amount than proposed");
        assertMoney(adjusted, approved.getApprovedAmount(), "approved amount");
        assertNotNull(approved.getTargetId());
        JsonNode targetEvent = event(approved.getTargetId().toString(), "sales.target.approved.v1",
                e -> proposal.getId().toString().equals(e.path("proposalId").asText()));
        assertEquals(StackClient.ALICE_ID, targetEvent.path("subject").asText());
        assertEquals("REP", targetEvent.path("level").asText());
        assertMoney(adjusted, targetEvent.path("amount").decimalValue(), "sales.target.approved.v1 amount");
        assertTrue(targetEvent.path("adjusted").asBoolean());

        // b. alice's month before the orders, once earlier tests' events have stopped moving
        RepKpiView kpiBefore = SalesSteps.steady(() -> call(() -> kpis("alice").getRepKpi(StackClient.ALICE_ID, month)));
        CommissionStatement statementBefore = statement("alice", month);

        // c. two orders settled, part of the second refunded
        String sku = "E2E-PERF-" + UUID.randomUUID().toString().substring(0, 8);
        steps.stockProduct(sku, new BigDecimal("1250.00"), new BigDecimal("700.00"), 50);
        UUID customerId = steps.registerCustomer("E2E performance " + UUID.randomUUID());
        OrderView first = steps.settle(customerId, sku, 3);
        OrderView second = steps.settle(customerId, sku, 2);
        assertEquals("SETTLED", first.getStatus());
        assertEquals("SETTLED", second.getStatus());
        BigDecimal refund = new BigDecimal("500.00");
        steps.refund(second.getId(), refund);
        BigDecimal net = first.getNetAmount().add(second.getNetAmount()).subtract(refund);

        // d. a customer answers a survey about the first order: alice's satisfaction gets one more answer
        SentSurvey sent = OpportunityClientSteps.retryWhileRules(SalesSteps.REPLICA_WAIT,
                () -> surveys("sam").sendSurvey(new SendRequest().orderId(first.getId())), "survey.subject-known");
        assertEquals(StackClient.ALICE_ID, sent.getRepId(), "the order's owner is the rep responsible");
        surveys(null).answerSurvey(sent.getToken(), new AnswerRequest().score(4).likelihoodToRecommend(9)
                .comment("quick delivery"));

        // e. the KPI figures and the scorecard, from the events alone
        int surveysBefore = sampleSize(kpiBefore, "customerSatisfaction");
        RepKpiView kpi = StackClient.eventually(PROJECTION_WAIT, () -> {
            RepKpiView now = call(() -> kpis("alice").getRepKpi(StackClient.ALICE_ID, month));
            assertMoney(kpiBefore.getSalesAmount().add(net), now.getSalesAmount(), "alice's net sales");
            assertEquals(kpiBefore.getOrderCount() + 2, now.getOrderCount());
            assertEquals(kpiBefore.getRefundCount() + 1, now.getRefundCount());
            assertEquals(surveysBefore + 1, sampleSize(now, "customerSatisfaction"), "answers counted: " + now.getScorecard());
            return now;
        });
        ScorecardKpi revenue = kpi(kpi, "revenueAttainment");
        assertMoney(adjusted, revenue.getTarget(), "the revenue KPI's target is the approved one");
        assertMoney(kpi(kpiBefore, "revenueAttainment").getValue().add(net), revenue.getValue(), "revenue KPI");
        assertEquals(revenue.getValue().multiply(HUNDRED).divide(adjusted, 2, RoundingMode.HALF_UP),
                revenue.getAttainment().setScale(2, RoundingMode.HALF_UP), "attainment = revenue / target");
        assertEquals("performance.kpi", kpi.getScorecard().getPolicyKey());
        assertEquals(2, kpi.getScorecard().getPolicyVersion(), "the adopted KPI policy computed the scorecard");
        assertNotNull(kpi.getScorecard().getGrade(), "a month with revenue and a target is graded");
        assertFalse(kpi.getScorecard().getFrozen(), "the month is open");

        // f. the commission statement, every order recomputed here to the cent
        CommissionStatement statement = statement("alice", month);
        assertMoney(adjusted, statement.getTarget(), "statement target");
        assertEquals(2, statement.getPolicyVersion(), "performance.commission v2");
        assertMoney(statementBefore.getRevenue().add(net), statement.getRevenue(), "statement revenue");
        OrderLine firstLine = line(statement, first.getId());
        OrderLine secondLine = line(statement, second.getId());
        assertMoney(first.getNetAmount(), firstLine.getNetAmount(), "first order's line");
        assertMoney(refund, secondLine.getRefundedAmount(), "the refund in the same month lowers the order's line");
        assertMoney(second.getNetAmount().subtract(refund), secondLine.getNetAmount(), "second order's line");
        checkToTheCent(statement);

        // g. scope of the statement: her manager and finance read it, a teammate and another team do not
        assertEquals(statement.getCommission(), statement("mike", month).getCommission());
        assertEquals(statement.getCommission(), statement("fiona", month).getCommission());
        for (String outsider : List.of("bob", "wendy")) {
            ApiException hidden = assertThrows(ApiException.class, () -> statement(outsider, month));
            assertEquals(404, hidden.getCode(), outsider + " reads alice's statement");
        }

        // h. alice hands in a weekly report of a past week, late: her on-time rate of the month it was due counts it
        String reportMonth = reportCountsInTheMonthItWasDue();
        closeAndReward(reportMonth);

        // i. the director closes the previous month (once for the machine: a second close is 409)
        ApiException early = assertThrows(ApiException.class, () -> appraisals("diana").closeAppraisalPeriod(month));
        assertEquals(422, early.getCode(), "a month that is not over: " + early.getResponseBody());
        assertTrue(early.getResponseBody().contains("appraisal.period-not-over"), early.getResponseBody());
        ApiException byManager = assertThrows(ApiException.class, () -> appraisals("mike").closeAppraisalPeriod(previous));
        assertEquals(403, byManager.getCode(), "only the director closes a month");
        try {
            AppraisalView closed = appraisals("diana").closeAppraisalPeriod(previous);
            assertEquals(AppraisalView.StatusEnum.CLOSED, closed.getStatus());
        } catch (ApiException alreadyClosed) {
            assertEquals(409, alreadyClosed.getCode(), "closed by an earlier run: " + alreadyClosed.getResponseBody());
        }
        ApiException twice = assertThrows(ApiException.class, () -> appraisals("diana").closeAppraisalPeriod(previous));
        assertEquals(409, twice.getCode(), "closing a closed month");
        AppraisalView previousMonth = appraisals("erin").getAppraisal(previous);
        assertEquals(AppraisalView.StatusEnum.CLOSED, previousMonth.getStatus());
        assertEquals(StackClient.claims(stack.token("diana")).path("sub").asText(), previousMonth.getClosedBy(),
                "closed by the director (her user id)");
    }

    /**
     * alice drafts and submits the WEEKLY report of a past week (one per rep and week: a week used by an
     * earlier run on the same database is 409, so another is drawn). It is due the Monday after the
     * week at 10:00 Asia/Shanghai (reporting.schedule v2), so it is late, and performance-service
     * counts it in the month of that Monday: one more report due, none more on time.
     */
    private String reportCountsInTheMonthItWasDue() throws Exception {
        SalesReportsApi reports = new SalesReportsApi(reporting("alice"));
        SalesReportView draft = null;
        LocalDate dueDay = null;
        RepKpiView before = null;
        for (int attempt = 0; draft == null && attempt < 10; attempt++) {
            int year = 2021 + ThreadLocalRandom.current().nextInt(4);
            int week = 1 + ThreadLocalRandom.current().nextInt(52);
            LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
            dueDay = monday.plusWeeks(1);
            String dueMonth = YearMonth.from(dueDay).toString();
            if (appraisals("erin").getAppraisal(dueMonth).getStatus() != AppraisalView.StatusEnum.OPEN) {
                continue; // closed by an earlier run: its facts would book into a later month
            }
            before = SalesSteps.steady(() -> call(() -> kpis("alice").getRepKpi(StackClient.ALICE_ID, dueMonth)));
            String label = String.format("%d-W%02d", year, week);
            try {
                draft = reports.draftSalesReport(new DraftSalesReportRequest().kind(DraftSalesReportRequest.KindEnum.WEEKLY).period(label)
                        .summary("e2e: week " + label).highlights("two renewals").risks("a slow distributor")
                        .nextSteps("visit the distributor"), UUID.randomUUID().toString());
            } catch (com.salesaffairs.e2e.client.reporting.ApiException taken) {
                assertEquals(409, taken.getCode(), "only an earlier run's report of the week may refuse it: " + taken.getResponseBody());
            }
        }
        assertNotNull(draft, "ten past weeks all taken");
        SalesReportView submitted = reports.submitSalesReport(draft.getId().toString(), null);
        assertEquals(SalesReportView.StatusEnum.SUBMITTED, submitted.getStatus());
        assertEquals(dueDay.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), submitted.getDueAt().toInstant(),
                "due the Monday after the week, 10:00 Asia/Shanghai");
        assertFalse(submitted.getOnTime(), "handed in years late");
        String dueMonth = YearMonth.from(dueDay).toString();
        int dueBefore = sampleSize(before, "reportTimeliness");
        BigDecimal rateBefore = dueBefore == 0 ? BigDecimal.ZERO : kpi(before, "reportTimeliness").getValue();
        long onTimeBefore = rateBefore.multiply(BigDecimal.valueOf(dueBefore)).divide(HUNDRED, 0, RoundingMode.HALF_UP).longValue();
        RepKpiView after = StackClient.eventually(PROJECTION_WAIT, () -> {
            RepKpiView now = call(() -> kpis("alice").getRepKpi(StackClient.ALICE_ID, dueMonth));
            assertEquals(dueBefore + 1, sampleSize(now, "reportTimeliness"), "reports due in " + dueMonth + ": " + now.getScorecard());
            return now;
        });
        BigDecimal expectedRate = BigDecimal.valueOf(onTimeBefore * 100).divide(BigDecimal.valueOf(dueBefore + 1L), 2, RoundingMode.HALF_UP);
        assertEquals(0, expectedRate.compareTo(kpi(after, "reportTimeliness").getValue()),
                "on-time rate of " + dueMonth + " with one more late report: " + kpi(after, "reportTimeliness"));
        return dueMonth;
    }

    /**
     * The director closes the past month the late report was due in: alice's scorecard there has only
     * the on-time rate to score, 0%, so she is frozen at grade D, and performance.rewards v2 recommends
     * an improvement plan with training in reportTimeliness; diana approves it as recommended, which
     * publishes sales.incentive.awarded.v1 and sales.appraisal.completed.v1 for payroll; a second
     * approval is 409.
     */
    private void closeAndReward(String month) throws Exception {
        AppraisalView closed = appraisals("diana").closeAppraisalPeriod(month);
        assertEquals(AppraisalView.StatusEnum.CLOSED, closed.getStatus());
        AppraisalResultView frozen = closed.getResults().stream().filter(r -> StackClient.ALICE_ID.equals(r.getRepId()))
                .findFirst().orElseThrow(() -> new AssertionError("alice not appraised in " + month + ": " + closed.getResults()));
        assertEquals("D", frozen.getGrade(), "only late reports to score: " + frozen);
        RewardRecommendation recommended = new RewardsApi(performance("diana")).listRewards(month, null, null).getItems()
                .stream().filter(r -> StackClient.ALICE_ID.equals(r.getRepId())).findFirst()
                .orElseThrow(() -> new AssertionError("no reward recommended for alice in " + month));
        assertEquals(RewardRecommendation.StatusEnum.RECOMMENDED, recommended.getStatus());
        assertEquals("D", recommended.getGrade());
        assertTrue(recommended.getRecommended().getImprovementPlan(), "grade D: an improvement plan");
        assertTrue(recommended.getRecommended().getTraining().contains("reportTimeliness"),
                "training in the weakest KPI: " + recommended.getRecommended());
        ApiException notHers = assertThrows(ApiException.class, () -> new RewardsApi(performance("mike"))
                .approveReward(recommended.getId().toString(), new RewardApproveRequest().comment("mine to give?")));
        assertEquals(403, notHers.getCode(), "a manager does not approve rewards");
        RewardRecommendation approved = new RewardsApi(performance("diana")).approveReward(recommended.getId().toString(),
                new RewardApproveRequest().training(recommended.getRecommended().getTraining())
                        .improvementPlan(true).comment("e2e: plan agreed with alice"));
        assertEquals(RewardRecommendation.StatusEnum.APPROVED, approved.getStatus());
        assertEquals(recommended.getRecommended().getTraining(), approved.getAwarded().getTraining());
        JsonNode awarded = event(StackClient.ALICE_ID, "sales.incentive.awarded.v1",
                e -> recommended.getId().toString().equals(e.path("rewardId").asText()));
        assertEquals(month, awarded.path("period").asText());
        assertTrue(awarded.path("improvementPlan").asBoolean());
        JsonNode completed = event(StackClient.ALICE_ID, "sales.appraisal.completed.v1",
                e -> recommended.getId().toString().equals(e.path("rewardId").asText()));
        assertEquals("D", completed.path("grade").asText());
        assertEquals(month, completed.path("period").asText());
        ApiException twice = assertThrows(ApiException.class, () -> new RewardsApi(performance("diana"))
                .approveReward(recommended.getId().toString(), new RewardApproveRequest()));
        assertEquals(409, twice.getCode(), "a reward is approved once");
    }

    private com.salesaffairs.e2e.client.reporting.ApiClient reporting(String username) {
        var client = new com.salesaffairs.e2e.client.reporting.ApiClient();
        client.updateBaseUri(Service.REPORTING.baseUrl());
        return client.setRequestInterceptor(bearer(username));
    }

    /** alice files her target; a SUBMITTED one left by an interrupted earlier run is returned first. */
    private ProposalView propose(String month, BigDecimal amount) throws Exception {
        TargetsApi mike = new TargetsApi(performance("mike"));
        for (ProposalView open : mike.listTargetProposals(null, month, StackClient.ALICE_ID, null, "SUBMITTED").getItems()) {
            mike.returnTargetProposal(open.getId().toString(), new ReturnRequest().comment("e2e: left open by an earlier run"), null);
        }
        return new TargetsApi(performance("alice")).proposeTarget(new ProposalRequest().period(month).amount(amount)
                .justification("e2e: last year's month plus the new distributor"), UUID.randomUUID().toString());
    }

    /**
     * Every order's way through the bands, as the adopted policy says: the bands start at 0, 80 and
     * 100% of the target (to the cent), each order fills them from the month's revenue before it, and
     * each part earns its band's rate (plus an approved reward's bonus points), rounded half-up.
     */
    private static void checkToTheCent(CommissionStatement statement) {
        BigDecimal target = statement.getTarget();
        BigDecimal bonus = statement.getRateBonus() == null ? BigDecimal.ZERO
                : statement.getRateBonus().getPoints().divide(HUNDRED);
        List<Band> bands = statement.getBands();
        assertEquals(3, bands.size(), "three bands: " + bands);
        List<BigDecimal> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BigDecimal from = target.multiply(BAND_FROM.get(i)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            starts.add(from);
            assertMoney(from, bands.get(i).getFromAmount(), "band " + i + " starts");
            assertEquals(0, BAND_RATE.get(i).add(bonus).compareTo(bands.get(i).getRate()), "band " + i + " rate");
        }
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLine order : statement.getOrders()) {
            assertMoney(revenue, order.getRevenueBefore(), "revenue before order " + order.getOrderNumber());
            BigDecimal start = revenue;
            BigDecimal end = revenue.add(order.getNetAmount());
            BigDecimal expected = BigDecimal.ZERO;
            for (int i = 0; i < 3; i++) {
                BigDecimal from = starts.get(i);
                BigDecimal to = i + 1 < 3 ? starts.get(i + 1) : null;
                BigDecimal part = (to == null ? end : end.min(to)).subtract(start.max(from)).max(BigDecimal.ZERO);
                expected = expected.add(part.multiply(BAND_RATE.get(i).add(bonus)).setScale(2, RoundingMode.HALF_UP));
            }
            assertMoney(expected, order.getCommission(), "commission of order " + order.getOrderNumber());
            BigDecimal portions = order.getPortions().stream().map(Portion::getCommission).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertMoney(order.getCommission(), portions, "portions of order " + order.getOrderNumber());
            revenue = end;
            total = total.add(expected);
        }
        assertMoney(revenue, statement.getRevenue(), "the month's revenue is its orders'");
        assertMoney(total, statement.getOrdersCommission(), "orders' commission");
        assertMoney(statement.getOrdersCommission().subtract(statement.getClawbackTotal()), statement.getCommission(),
                "commission = orders - clawbacks");
    }

    private JsonNode event(String key, String type, java.util.function.Predicate<JsonNode> match) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicReader.recordsWithKey(stack.kafkaBootstrap(), PERFORMANCE_TOPIC,
                key, r -> type.equals(TopicReader.header(r, "ce_type")) && match.test(json(r.value())), EVENT_WAIT);
        Optional<ConsumerRecord<String, String>> found = records.stream()
                .filter(r -> type.equals(TopicReader.header(r, "ce_type")) && match.test(json(r.value()))).findFirst();
        assertTrue(found.isPresent(), "no " + type + " keyed " + key + " on " + PERFORMANCE_TOPIC);
        return json(found.get().value());
    }

    private static JsonNode json(String value) {
        try {
            return StackClient.JSON.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }

    private KpisApi kpis(String username) {
        return new KpisApi(performance(username));
    }

    private AppraisalsApi appraisals(String username) {
        return new AppraisalsApi(performance(username));
    }

    private CommissionStatement statement(String username, String month) throws ApiException {
        return new CommissionsApi(performance(username)).getCommissionStatement(StackClient.ALICE_ID, month);
    }

    private static OrderLine line(CommissionStatement statement, UUID orderId) {
        return statement.getOrders().stream().filter(o -> orderId.equals(o.getOrderId())).findFirst()
                .orElseThrow(() -> new AssertionError("order " + orderId + " not on the statement " + statement.getOrders()));
    }

    private static ScorecardKpi kpi(RepKpiView view, String name) {
        return view.getScorecard().getKpis().stream().filter(k -> name.equals(k.getKpi())).findFirst()
                .orElseThrow(() -> new AssertionError("no KPI " + name + " in " + view.getScorecard()));
    }

    private static int sampleSize(RepKpiView view, String name) {
        Integer size = kpi(view, name).getSampleSize();
        return size == null ? 0 : size;
    }

    private static void assertMoney(BigDecimal expected, BigDecimal actual, String what) {
        assertNotNull(actual, what);
        assertEquals(0, expected.compareTo(actual), what + ": expected " + expected + ", was " + actual);
    }

    private static <T> T call(Callable<T> step) {
        try {
            return step.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
