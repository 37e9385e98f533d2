package com.salesaffairs.reporting;

import static com.salesaffairs.reporting.ReadModelEvents.awaitApplied;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;
import com.salesaffairs.reporting.domain.CaseFact;
import com.salesaffairs.reporting.domain.CustomerContact;
import com.salesaffairs.reporting.domain.CustomerFact;
import com.salesaffairs.reporting.domain.KpiFact;
import com.salesaffairs.reporting.domain.OpportunityFact;
import com.salesaffairs.reporting.domain.OpportunityStage;
import com.salesaffairs.reporting.domain.OpportunityStageFact;
import com.salesaffairs.reporting.domain.SurveyFact;
import com.salesaffairs.reporting.domain.TargetFact;
import com.salesaffairs.reporting.domain.TargetMonth;
import com.salesaffairs.reporting.repository.CaseFactRepository;
import com.salesaffairs.reporting.repository.CustomerFactRepository;
import com.salesaffairs.reporting.repository.KpiFactRepository;
import com.salesaffairs.reporting.repository.OpportunityFactRepository;
import com.salesaffairs.reporting.repository.OpportunityStageFactRepository;
import com.salesaffairs.reporting.repository.SurveyFactRepository;
import com.salesaffairs.reporting.repository.TargetFactRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The V4 read models fed through the real consumers and the in-JVM broker: the newest state wins
 * whatever order the copies arrive in, and a copy under another ce_id changes nothing. Facts are in 2015
 * and team {@code ingest-h1} so that no report test of another class counts them.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class ReadModelIngestTest {
    private static final String TEAM = "ingest-h1";
    private static final String PIPELINE = "pipeline-read-model";
    private static final String CASES = "case-read-model";
    private static final String PERFORMANCE = "performance-read-model";

    @Inject
    EntityManager em;
    @Inject
    CustomerFactRepository customers;
    @Inject
    OpportunityFactRepository opportunities;
    @Inject
    OpportunityStageFactRepository stages;
    @Inject
    CaseFactRepository cases;
    @Inject
    SurveyFactRepository surveys;
    @Inject
    TargetFactRepository targets;
    @Inject
    KpiFactRepository kpis;

    /** Reads in a transaction of its own, so nothing cached from an earlier read answers. */
    private static <T> T read(Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }

    @Test
    void a_customer_keeps_its_highest_version_with_contacts_whatever_the_order_and_copies() {
        String id = UUID.randomUUID().toString();
        String contacts = "[{\"name\":\"Li Wei\",\"title\":\"Purchasing\",\"phone\":\"+86 574 1\",\"email\":\"li@acme.example\"},"
                + "{\"name\":\"Zhang Min\",\"title\":null,\"phone\":null,\"email\":null}]";
        // Version 3 (a contact added) arrives first, again under another ce_id, then the registration (1)
        // and an update (2) late.
        String v3 = ReadModelEvents.customer(id, 3, "Ningbo Pumps", TestUsers.ALICE_ID, TEAM, "ENTERPRISE", contacts,
                "2015-01-07T02:00:00Z");
        ReadModelEvents.opportunityEvent("sales.customer.updated.v1", id, v3);
        ReadModelEvents.opportunityEvent("sales.customer.updated.v1", id, v3);
        ReadModelEvents.opportunityEvent("sales.customer.registered.v1", id, ReadModelEvents.customer(id, 1,
                "Ningbo Pumps Old", TestUsers.ALICE_ID, TEAM, null, null, "2015-01-05T02:00:00Z"));
        String last = ReadModelEvents.opportunityEvent("sales.customer.updated.v1", id, ReadModelEvents.customer(id, 2,
                "Ningbo Pumps Mid", TestUsers.BOB_ID, TEAM, "MID_MARKET", "[]", "2015-01-06T02:00:00Z"));
        awaitApplied(em, last, PIPELINE);

        CustomerFact kept = read(() -> customers.findById(UUID.fromString(id)));
        assertNotNull(kept, "customer recorded");
        assertEquals(3, kept.version());
        assertEquals("Ningbo Pumps", kept.name());
        assertEquals("ENTERPRISE", kept.segment());
        assertEquals(TestUsers.ALICE_ID, kept.ownerId());
        assertEquals(TEAM, kept.team());
        assertEquals("east", kept.region());
        assertEquals("91330200MA2AB3CD4E", kept.registrationId());
        assertEquals("info@ningbo-pumps.example", kept.email());
        assertEquals("+86 574 8000", kept.phone());
        assertEquals(Instant.parse("2015-01-07T02:00:00Z"), kept.updatedAt());
        assertEquals(List.of(new CustomerContact("Li Wei", "Purchasing", "+86 574 1", "li@acme.example"),
                new CustomerContact("Zhang Min", null, null, null)), kept.contacts());

        // A newer version replaces everything, contacts included; one without the field has none.
        String v4 = ReadModelEvents.opportunityEvent("sales.customer.updated.v1", id, ReadModelEvents.customer(id, 4,
                "Ningbo Pumps Group", TestUsers.ALICE_ID, TEAM, null, null, "2015-01-08T02:00:00Z"));
        awaitApplied(em, v4, PIPELINE);
        CustomerFact newer = read(() -> customers.findById(UUID.fromString(id)));
        assertEquals(4, newer.version());
        assertEquals("Ningbo Pumps Group", newer.name());
        assertNull(newer.segment());
        assertEquals(List.of(), newer.contacts());
    }

    @Test
    void an_opportunity_keeps_its_newest_version_and_the_first_arrival_in_every_stage() {
        String id = UUID.randomUUID().toString();
        String rep = TestUsers.ALICE_ID;
        String created = ReadModelEvents.opportunity(id, 1, "QUALIFICATION", 10, "50000.00", null, TEAM,
                "2015-03-02T01:00:00Z", ",\"nextFollowUpAt\":\"2015-03-09T01:00:00Z\"");
        String assignedInProposal = ReadModelEvents.opportunity(id, 4, "PROPOSAL", 50, "52000.00", rep, TEAM,
                "2015-03-20T01:00:00Z", ",\"assignmentId\":\"" + UUID.randomUUID() + "\",\"previousAssigneeId\":null,"
                        + "\"assignedBy\":\"" + TestUsers.MIKE_ID + "\",\"assignedAt\":\"2015-03-20T01:00:00Z\",\"reason\":\"load\"");
        // Delivered out of order: the assignment (v4) before the stage changes (v2, v3) that led to it.
        ReadModelEvents.opportunityEvent("sales.opportunity.created.v1", id, created);
        ReadModelEvents.opportunityEvent("sales.opportunity.assigned.v1", id, assignedInProposal);
        ReadModelEvents.opportunityEvent("sales.opportunity.stage-changed.v1", id, ReadModelEvents.opportunity(id, 3,
                "PROPOSAL", 50, "51000.00", null, TEAM, "2015-03-10T01:00:00Z",
                ",\"fromStage\":\"NEEDS_ANALYSIS\",\"changedBy\":\"x\",\"changedAt\":\"2015-03-10T01:00:00Z\""));
        ReadModelEvents.opportunityEvent("sales.opportunity.stage-changed.v1", id, ReadModelEvents.opportunity(id, 2,
                "NEEDS_ANALYSIS", 25, "50000.00", null, TEAM, "2015-03-05T01:00:00Z",
                ",\"fromStage\":\"QUALIFICATION\",\"changedBy\":\"x\",\"changedAt\":\"2015-03-05T01:00:00Z\""));
        String dup = ReadModelEvents.opportunityEvent("sales.opportunity.created.v1", id, created);
        awaitApplied(em, dup, PIPELINE);

        OpportunityFact open = read(() -> opportunities.findById(UUID.fromString(id)));
        assertEquals(4, open.version());
        assertEquals(OpportunityStage.PROPOSAL, open.stage());
        assertEquals(50, open.probability());
        assertEquals(new BigDecimal("52000.00"), open.estimatedAmount());
        assertEquals(rep, open.assigneeId());
        assertEquals(TEAM, open.team());
        assertEquals(LocalDate.parse("2015-06-30"), open.expectedCloseDate());
        assertNull(open.closedAt());
        // PROPOSAL was first shown by the assignment (20th), then moved back by the late stage change (10th).
        assertEquals(Map.of(OpportunityStage.QUALIFICATION, Instant.parse("2015-03-02T01:00:00Z"),
                OpportunityStage.NEEDS_ANALYSIS, Instant.parse("2015-03-05T01:00:00Z"),
                OpportunityStage.PROPOSAL, Instant.parse("2015-03-10T01:00:00Z")), arrivals(id));

        // Won, then an activity on the won opportunity (names no close time), then a stale copy of v3.
        ReadModelEvents.opportunityEvent("sales.opportunity.won.v1", id, ReadModelEvents.opportunity(id, 5, "WON", 100,
                "52000.00", rep, TEAM, "2015-04-01T01:00:00Z", ",\"closedFromStage\":\"PROPOSAL\",\"closedAt\":"
                        + "\"2015-04-01T01:00:00Z\",\"closedBy\":\"" + rep + "\",\"cycleDays\":30,\"reason\":null,"
                        + "\"competitor\":null,\"lines\":[{\"sku\":\"PUMP-1\",\"quantity\":2,\"unitPrice\":26000.00}]"));
        ReadModelEvents.opportunityEvent("sales.opportunity.activity-logged.v1", id, ReadModelEvents.opportunity(id, 6,
                "WON", 100, "52000.00", rep, TEAM, "2015-04-03T01:00:00Z", ",\"activityId\":\"" + UUID.randomUUID()
                        + "\",\"activityType\":\"CALL\",\"occurredAt\":\"2015-04-03T01:00:00Z\",\"loggedBy\":\"" + rep
                        + "\",\"lastContactAt\":\"2015-04-03T01:00:00Z\",\"nextFollowUpAt\":null"));
        String stale = ReadModelEvents.opportunityEvent("sales.opportunity.stage-changed.v1", id,
                ReadModelEvents.opportunity(id, 3, "PROPOSAL", 50, "51000.00", null, TEAM, "2015-03-10T01:00:00Z",
                        ",\"fromStage\":\"NEEDS_ANALYSIS\",\"changedBy\":\"x\",\"changedAt\":\"2015-03-10T01:00:00Z\""));
        awaitApplied(em, stale, PIPELINE);
        OpportunityFact won = read(() -> opportunities.findById(UUID.fromString(id)));
        assertEquals(6, won.version());
        assertEquals(OpportunityStage.WON, won.stage());
        assertEquals(100, won.probability());
        assertEquals(Instant.parse("2015-04-01T01:00:00Z"), won.closedAt(), "the close time survives the activity");
        assertEquals(Instant.parse("2015-04-01T01:00:00Z"), arrivals(id).get(OpportunityStage.WON));

        // Reopened into PROPOSAL: open again, PROPOSAL keeps its first arrival.
        String reopened = ReadModelEvents.opportunityEvent("sales.opportunity.reopened.v1", id,
                ReadModelEvents.opportunity(id, 7, "PROPOSAL", 50, "52000.00", rep, TEAM, "2015-04-10T01:00:00Z",
                        ",\"reopenedFrom\":\"WON\",\"reopenedBy\":\"" + TestUsers.MIKE_ID + "\",\"reopenedAt\":"
                                + "\"2015-04-10T01:00:00Z\",\"reason\":\"order cancelled\",\"nextFollowUpAt\":\"2015-04-17T01:00:00Z\""));
        awaitApplied(em, reopened, PIPELINE);
        OpportunityFact again = read(() -> opportunities.findById(UUID.fromString(id)));
        assertEquals(OpportunityStage.PROPOSAL, again.stage());
        assertNull(again.closedAt());
        assertEquals(Instant.parse("2015-03-10T01:00:00Z"), arrivals(id).get(OpportunityStage.PROPOSAL));
        assertEquals(Set.of(OpportunityStage.QUALIFICATION, OpportunityStage.NEEDS_ANALYSIS, OpportunityStage.PROPOSAL,
                OpportunityStage.WON), arrivals(id).keySet());
    }

    private Map<OpportunityStage, Instant> arrivals(String opportunityId) {
        return read(() -> stages.stagesOf(UUID.fromString(opportunityId))).stream()
                .collect(Collectors.toMap(OpportunityStageFact::stage, OpportunityStageFact::enteredAt));
    }

    @Test
    void a_case_outcome_follows_the_latest_event_and_counts_each_escalation_once() {
        String id = UUID.randomUUID().toString();
        String owner = TestUsers.ALICE_ID;
        // Closed first, then its resolution, then escalations from before (one twice, under two ce_ids).
        ReadModelEvents.aftersalesEvent("sales.case.closed.v1", id,
                ReadModelEvents.caseClosed(id, owner, TEAM, "2015-05-04T08:00:00Z", false, true));
        ReadModelEvents.aftersalesEvent("sales.case.resolved.v1", id,
                ReadModelEvents.caseResolved(id, owner, TEAM, "2015-05-02T08:00:00Z", false, true, 300));
        String escalation = ReadModelEvents.caseEscalated(id, owner, TEAM, "RESPONSE", 1, "2015-05-01T02:00:00Z",
                "2015-05-01T02:05:00Z");
        ReadModelEvents.aftersalesEvent("sales.case.escalated.v1", id, escalation);
        ReadModelEvents.aftersalesEvent("sales.case.escalated.v1", id, escalation);
        String last = ReadModelEvents.aftersalesEvent("sales.case.escalated.v1", id, ReadModelEvents.caseEscalated(id,
                owner, TEAM, "RESPONSE", 2, "2015-05-01T04:00:00Z", "2015-05-01T04:05:00Z"));
        awaitApplied(em, last, CASES);

        CaseFact closed = read(() -> cases.findById(UUID.fromString(id)));
        assertEquals("CLOSED", closed.state());
        assertEquals(Instant.parse("2015-05-04T08:00:00Z"), closed.lastEventAt());
        assertEquals(Instant.parse("2015-05-04T08:00:00Z"), closed.closedAt());
        assertEquals(Instant.parse("2015-05-02T08:00:00Z"), closed.resolvedAt());
        assertEquals(Boolean.FALSE, closed.responseMet());
        assertEquals(Boolean.TRUE, closed.resolutionMet());
        assertEquals(300L, closed.resolutionMinutes());
        assertEquals(2, closed.escalations());
        assertEquals(0, closed.reopens());
        assertEquals("HIGH", closed.severity());
        assertEquals(TEAM, closed.team());
        assertEquals("east", closed.region());
        assertEquals(owner, closed.ownerId());
    }

    @Test
    void a_reopened_case_keeps_the_latest_resolution_and_counts_the_reopening_once() {
        String id = UUID.randomUUID().toString();
        String owner = TestUsers.CINDY_ID;
        String reopen = ReadModelEvents.caseReopened(id, owner, TEAM, "2015-05-12T08:00:00Z");
        // Delivered newest first: the second resolution (met), the reopening, the first resolution (missed).
        ReadModelEvents.aftersalesEvent("sales.case.resolved.v1", id,
                ReadModelEvents.caseResolved(id, owner, TEAM, "2015-05-14T08:00:00Z", true, true, 120));
        ReadModelEvents.aftersalesEvent("sales.case.reopened.v1", id, reopen);
        ReadModelEvents.aftersalesEvent("sales.case.resolved.v1", id,
                ReadModelEvents.caseResolved(id, owner, TEAM, "2015-05-11T08:00:00Z", true, false, 900));
        String again = ReadModelEvents.aftersalesEvent("sales.case.reopened.v1", id, reopen);
        awaitApplied(em, again, CASES);

        CaseFact resolved = read(() -> cases.findById(UUID.fromString(id)));
        assertEquals("RESOLVED", resolved.state());
        assertEquals(Instant.parse("2015-05-14T08:00:00Z"), resolved.resolvedAt());
        assertEquals(Boolean.TRUE, resolved.resolutionMet());
        assertEquals(120L, resolved.resolutionMinutes());
        assertEquals(1, resolved.reopens());
        assertNull(resolved.closedAt());

        // A reopening after the latest resolution opens the case again.
        String later = ReadModelEvents.aftersalesEvent("sales.case.reopened.v1", id,
                ReadModelEvents.caseReopened(id, owner, TEAM, "2015-05-15T08:00:00Z"));
        awaitApplied(em, later, CASES);
        CaseFact open = read(() -> cases.findById(UUID.fromString(id)));
        assertEquals("OPEN", open.state());
        assertEquals(2, open.reopens());
        assertEquals(Instant.parse("2015-05-14T08:00:00Z"), open.resolvedAt());
    }

    @Test
    void a_survey_is_kept_once_and_a_score_outside_the_contract_goes_to_the_dead_letter_topic() {
        String id = UUID.randomUUID().toString();
        String caseId = UUID.randomUUID().toString();
        String answer = ReadModelEvents.survey(id, caseId, TestUsers.ALICE_ID, TEAM, 4, 9, "2015-05-20T23:30:00Z");
        ReadModelEvents.aftersalesEvent("sales.survey.completed.v1", id, answer);
        String copy = ReadModelEvents.aftersalesEvent("sales.survey.completed.v1", id,
                ReadModelEvents.survey(id, caseId, TestUsers.ALICE_ID, TEAM, 1, 0, "2015-05-21T23:30:00Z"));
        awaitApplied(em, copy, CASES);
        SurveyFact kept = read(() -> surveys.findById(UUID.fromString(id)));
        assertEquals(4, kept.score(), "a survey is answered once: the first copy stands");
        assertEquals(9, kept.likelihood());
        assertEquals(LocalDate.parse("2015-05-20"), kept.answeredOn());
        assertEquals(TestUsers.ALICE_ID, kept.repId());
        assertEquals(UUID.fromString(caseId), kept.caseId());
        assertEquals(1L, read(() -> surveys.count("surveyId", UUID.fromString(id))));

        String bad = UUID.randomUUID().toString();
        ReadModelEvents.aftersalesEvent("sales.survey.completed.v1", bad,
                ReadModelEvents.survey(bad, null, TestUsers.ALICE_ID, TEAM, 6, 9, "2015-05-20T23:30:00Z"));
        EventProbe.Received dead = EventProbe.await("sales.aftersales.events.dlq", r -> bad.equals(r.key()),
                Duration.ofSeconds(30));
        assertTrue(dead.headers().getOrDefault("dead-letter-reason", "").contains("score"), dead.headers().toString());
        assertNull(read(() -> surveys.findById(UUID.fromString(bad))));
    }

    @Test
    void a_target_keeps_its_highest_version_with_that_versions_monthly_split() {
        String id = UUID.randomUUID().toString();
        String v2 = ReadModelEvents.target(id, "TEAM", TEAM, TEAM, "2015-Q2", "QUARTER", "3000.00",
                "[{\"month\":\"2015-04\",\"amount\":1000.00},{\"month\":\"2015-05\",\"amount\":1000.00},"
                        + "{\"month\":\"2015-06\",\"amount\":1000.00}]", 2, "2015-03-20T01:00:00Z");
        ReadModelEvents.performanceEvent("sales.target.approved.v1", id, v2);
        String old = ReadModelEvents.performanceEvent("sales.target.approved.v1", id, ReadModelEvents.target(id, "TEAM",
                TEAM, TEAM, "2015-Q2", "QUARTER", "2400.00", "[{\"month\":\"2015-04\",\"amount\":800.00},"
                        + "{\"month\":\"2015-05\",\"amount\":800.00},{\"month\":\"2015-06\",\"amount\":800.00}]",
                1, "2015-03-10T01:00:00Z"));
        awaitApplied(em, old, PERFORMANCE);
        assertEquals(Map.of("2015-04", new BigDecimal("1000.00"), "2015-05", new BigDecimal("1000.00"),
                "2015-06", new BigDecimal("1000.00")), split(id));
        assertEquals(2, read(() -> targets.findById(UUID.fromString(id)).version()));

        String v3 = ReadModelEvents.performanceEvent("sales.target.approved.v1", id, ReadModelEvents.target(id, "TEAM",
                TEAM, TEAM, "2015-Q2", "QUARTER", "3300.50", "[{\"month\":\"2015-04\",\"amount\":1000.00},"
                        + "{\"month\":\"2015-05\",\"amount\":1100.25},{\"month\":\"2015-06\",\"amount\":1200.25}]",
                3, "2015-04-02T01:00:00Z"));
        awaitApplied(em, v3, PERFORMANCE);
        assertEquals(Map.of("2015-04", new BigDecimal("1000.00"), "2015-05", new BigDecimal("1100.25"),
                "2015-06", new BigDecimal("1200.25")), split(id));
        TargetFact kept = read(() -> targets.findById(UUID.fromString(id)));
        assertEquals(new BigDecimal("3300.50"), kept.amount());
        assertEquals(TargetFact.Level.TEAM, kept.level());
        assertEquals(TEAM, kept.team());
    }

    private Map<String, BigDecimal> split(String targetId) {
        return read(() -> targets.findById(UUID.fromString(targetId)).months().stream()
                .collect(Collectors.toMap(TargetMonth::month, TargetMonth::amount)));
    }

    @Test
    void a_kpi_month_keeps_the_latest_figures_and_an_appraisal_that_came_first() {
        String rep = "ingest-rep-" + UUID.randomUUID();
        String key = rep + ":2015-06";
        // The appraisal before any figures, then figures newest first, then an older update.
        ReadModelEvents.performanceEvent("sales.appraisal.completed.v1", key,
                ReadModelEvents.appraisal(rep, "2015-06", TEAM, "87.50", "B", "2015-07-05T02:00:00Z"));
        ReadModelEvents.performanceEvent("sales.kpi.updated.v1", key,
                ReadModelEvents.kpi(rep, "2015-06", TEAM, "12000.00", "7000.00", 3, "2015-06-28T02:00:00Z"));
        String older = ReadModelEvents.performanceEvent("sales.kpi.updated.v1", key,
                ReadModelEvents.kpi(rep, "2015-06", TEAM, "8000.00", "5000.00", 2, "2015-06-20T02:00:00Z"));
        awaitApplied(em, older, PERFORMANCE);

        KpiFact month = read(() -> kpis.find(rep, "2015-06"));
        assertEquals(new BigDecimal("12000.00"), month.salesAmount());
        assertEquals(new BigDecimal("7000.00"), month.costAmount());
        assertEquals(new BigDecimal("5000.00"), month.grossMargin());
        assertEquals(3, month.orderCount());
        assertEquals(new BigDecimal("4.50"), month.satisfactionAvg());
        assertEquals(4, month.reportsDue());
        assertEquals(3, month.reportsOnTime());
        assertEquals(1, month.opportunitiesWon());
        assertEquals(TEAM, month.team());
        assertEquals(Instant.parse("2015-06-28T02:00:00Z"), month.updatedAt());
        assertEquals(new BigDecimal("87.50"), month.score(), "the appraisal survives the figures");
        assertEquals("B", month.grade());

        // An update from before the conduct fields existed reads them as none.
        String legacy = ReadModelEvents.performanceEvent("sales.kpi.updated.v1", key, "{\"repId\":\"" + rep
                + "\",\"period\":\"2015-06\",\"team\":\"" + TEAM + "\",\"region\":\"east\",\"currency\":\"CNY\","
                + "\"salesAmount\":-100.00,\"costAmount\":0.00,\"grossMargin\":-100.00,\"orderCount\":0,"
                + "\"refundCount\":1,\"updatedAt\":\"2015-06-30T02:00:00Z\"}");
        awaitApplied(em, legacy, PERFORMANCE);
        KpiFact refunded = read(() -> kpis.find(rep, "2015-06"));
        assertEquals(new BigDecimal("-100.00"), refunded.salesAmount());
        assertEquals(1, refunded.refundCount());
        assertEquals(0, refunded.reportsDue());
        assertNull(refunded.satisfactionAvg());
        assertEquals("B", refunded.grade());
    }

    @Test
    void an_opportunity_in_a_stage_the_contract_does_not_list_goes_to_the_dead_letter_topic() {
        String id = UUID.randomUUID().toString();
        ReadModelEvents.opportunityEvent("sales.opportunity.created.v1", id, ReadModelEvents.opportunity(id, 1,
                "DREAMING", 10, "100.00", null, TEAM, "2015-03-02T01:00:00Z", ""));
        EventProbe.Received dead = EventProbe.await("sales.opportunity.events.dlq", r -> id.equals(r.key()),
                Duration.ofSeconds(30));
        assertTrue(dead.headers().getOrDefault("dead-letter-reason", "").contains("stage"), dead.headers().toString());
        assertNull(read(() -> opportunities.findById(UUID.fromString(id))));
    }
}
