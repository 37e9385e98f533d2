package com.salesaffairs.aftersales.domain;

import static com.salesaffairs.aftersales.domain.SlaDeadlinesTest.CLOCK;
import static com.salesaffairs.aftersales.domain.SlaDeadlinesTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.salesaffairs.platform.problem.ApiProblem;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The moves of a case, its clocks and the escalation rule, without a database. */
class CaseStateMachineTest {
    static final List<EscalationStep> CHAIN = List.of(EscalationStep.AFTERSALES_AGENT, EscalationStep.TEAM_MANAGER,
            EscalationStep.SALES_DIRECTOR);
    static final Duration STEP = Duration.ofHours(1);
    static final String AGENT = "agent";

    /** A MEDIUM case (8h answer, 27h resolution) logged Monday 30 November 2026 09:00 Shanghai. */
    static ServiceCase openCase() {
        Instant logged = at("2026-11-30T09:00");
        SlaDeadlines sla = new SlaDeadlines(CLOCK.deadline(logged, 8), CLOCK.deadline(logged, 27), 2, 8, 27, 80,
                CLOCK.warnAt(logged, 8, 80), CLOCK.warnAt(logged, 27, 80));
        Customer customer = Customer.fromFact(UUID.randomUUID(), "Acme", "alice", "east-1", "east", 0, logged);
        Feedback feedback = new Feedback(customer.id(), null, FeedbackChannel.PHONE, FeedbackCategory.PRODUCT_QUALITY,
                Severity.MEDIUM, "leak", null, null);
        return ServiceCase.open("CS-2026-000001", customer, feedback, "alice", sla, logged);
    }

    static int status(ApiProblem p) {
        return p.status();
    }

    @Example
    void a_case_opens_as_a_complaint_with_both_clocks_running() {
        ServiceCase c = openCase();
        assertEquals(CaseStatus.OPEN, c.status());
        assertEquals(FeedbackKind.COMPLAINT, c.kind());
        assertEquals(at("2026-11-30T17:00"), c.responseDueAt());
        assertEquals(at("2026-12-02T18:00"), c.resolutionDueAt());
        assertTrue(c.clockRuns(DeadlineKind.RESPONSE));
        assertTrue(c.clockRuns(DeadlineKind.RESOLUTION));
    }

    @Example
    void the_whole_life_of_a_case_assign_respond_resolve_confirm() {
        ServiceCase c = openCase();
        CaseEntry assigned = c.assign(Department.QUALITY, "sam", "inspect", AGENT, at("2026-11-30T10:00"));
        assertEquals(CaseAction.ASSIGNED, assigned.action());
        assertEquals(CaseStatus.IN_PROGRESS, c.status());
        CaseEntry moved = c.assign(Department.TECHNICAL, null, "needs an engineer", AGENT, at("2026-11-30T10:30"));
        assertEquals(CaseAction.TRANSFERRED, moved.action());
        assertEquals(Department.TECHNICAL, c.department());

        c.respond("sorry", AGENT, at("2026-11-30T11:00"), CLOCK);
        assertEquals(at("2026-11-30T11:00"), c.firstRespondedAt());
        assertEquals(true, c.responseMet());
        assertFalse(c.clockRuns(DeadlineKind.RESPONSE));
        c.respond("again", AGENT, at("2026-11-30T19:00"), CLOCK);
        assertEquals(at("2026-11-30T11:00"), c.firstRespondedAt(), "only the first answer stops the clock");

        c.resolve("new seals", AGENT, at("2026-12-01T12:00"), CLOCK);
        assertEquals(CaseStatus.RESOLVED, c.status());
        assertEquals(true, c.resolutionMet());
        assertEquals(120L, c.responseMinutes(CLOCK));
        assertEquals(12L * 60, c.resolutionMinutes(CLOCK));
        c.confirm("alice", at("2026-12-01T13:00"));
        assertEquals(CaseStatus.CLOSED, c.status());
    }

    @Example
    void illegal_moves_are_409_and_change_nothing() {
        ServiceCase c = openCase();
        assertEquals(409, status(assertThrows(ApiProblem.class, () -> c.confirm(AGENT, at("2026-11-30T10:00")))));
        assertEquals(409, status(assertThrows(ApiProblem.class, () -> c.reopen("x", AGENT, at("2026-11-30T10:00"), CLOCK))));
        c.resolve("done", AGENT, at("2026-11-30T10:00"), CLOCK);
        assertEquals(409, status(assertThrows(ApiProblem.class, () -> c.resolve("again", AGENT, at("2026-11-30T11:00"), CLOCK))));
        assertEquals(409, status(assertThrows(ApiProblem.class, () -> c.assign(Department.SALES, null, "x", AGENT, at("2026-11-30T11:00")))));
        assertEquals(409, status(assertThrows(ApiProblem.class, () -> c.respond("x", AGENT, at("2026-11-30T11:00"), CLOCK))));
        assertEquals(409, status(assertThrows(ApiProblem.class, () -> c.waitForCustomer("x", AGENT, at("2026-11-30T11:00")))));
        c.confirm(AGENT, at("2026-11-30T12:00"));
        assertEquals(409, status(assertThrows(ApiProblem.class, () -> c.reopen("x", AGENT, at("2026-11-30T13:00"), CLOCK))));
        assertEquals(409, status(assertThrows(ApiProblem.class, () -> c.comment("x", false, AGENT, at("2026-11-30T13:00"), CLOCK))));
        assertEquals(CaseStatus.CLOSED, c.status());
    }

    @Example
    void a_case_resolved_without_an_answer_counts_the_solution_as_its_first_response() {
        ServiceCase c = openCase();
        c.resolve("fixed on the phone", AGENT, at("2026-11-30T18:00"), CLOCK);
        assertEquals(at("2026-11-30T18:00"), c.firstRespondedAt());
        assertEquals(false, c.responseMet(), "answered after 17:00");
    }

    @Example
    void waiting_for_the_customer_pauses_the_resolution_clock_and_a_contact_resumes_it() {
        ServiceCase c = openCase();
        c.respond("please send photos", AGENT, at("2026-11-30T10:00"), CLOCK);
        c.waitForCustomer("photos", AGENT, at("2026-11-30T11:00"));
        assertFalse(c.clockRuns(DeadlineKind.RESOLUTION));
        assertEquals(409, status(assertThrows(ApiProblem.class, () -> c.waitForCustomer("again", AGENT, at("2026-11-30T12:00")))));
        // A note without customer contact does not resume.
        c.comment("still nothing", false, AGENT, at("2026-11-30T15:00"), CLOCK);
        assertEquals(CaseStatus.WAITING_FOR_CUSTOMER, c.status());
        // Waited 11:00 Monday to 10:00 Tuesday: 7h + 1h = 8 business hours.
        List<CaseEntry> entries = c.comment("photos received", true, AGENT, at("2026-12-01T10:00"), CLOCK);
        assertEquals(List.of(CaseAction.COMMENTED, CaseAction.RESUMED), entries.stream().map(CaseEntry::action).toList());
        assertEquals(CaseStatus.IN_PROGRESS, c.status());
        assertEquals(at("2026-12-03T17:00"), c.resolutionDueAt());
        assertEquals(480, c.pausedMinutes());
        c.resolve("replaced", AGENT, at("2026-12-01T12:00"), CLOCK);
        // Ran 09:00 Monday to 12:00 Tuesday = 12h, less 8h waiting.
        assertEquals(240L, c.resolutionMinutes(CLOCK));
    }

    @Example
    void an_answer_ends_a_wait_too() {
        ServiceCase c = openCase();
        c.waitForCustomer("photos", AGENT, at("2026-11-30T10:00"));
        c.respond("we got them", AGENT, at("2026-11-30T12:00"), CLOCK);
        assertEquals(CaseStatus.IN_PROGRESS, c.status());
        assertEquals(at("2026-12-03T11:00"), c.resolutionDueAt());
    }

    @Example
    void reopening_restarts_the_resolution_clock_from_the_reopening() {
        ServiceCase c = openCase();
        c.resolve("done", AGENT, at("2026-11-30T10:00"), CLOCK);
        c.reopen("leaks again", AGENT, at("2026-12-07T09:00"), CLOCK);
        assertEquals(CaseStatus.IN_PROGRESS, c.status());
        assertEquals(at("2026-12-09T18:00"), c.resolutionDueAt());
        assertNull(c.resolvedAt());
        assertNull(c.resolutionMet());
        assertEquals(at("2026-12-07T09:00"), c.resolutionStartedAt());
    }

    @Example
    void the_response_clock_warns_once_then_escalates_along_the_chain_one_step_per_interval() {
        ServiceCase c = openCase();
        assertEquals(List.of(), c.checkClocks(at("2026-11-30T15:00"), CHAIN, STEP, CLOCK));
        // 80% of 8h = 6h24m: 15:24.
        List<CaseEntry> warned = c.checkClocks(at("2026-11-30T15:24"), CHAIN, STEP, CLOCK);
        assertEquals(List.of(CaseAction.WARNING), warned.stream().map(CaseEntry::action).toList());
        assertEquals(DeadlineKind.RESPONSE, warned.get(0).deadline());
        assertEquals(List.of(), c.checkClocks(at("2026-11-30T16:00"), CHAIN, STEP, CLOCK), "a warning is recorded once");

        CaseEntry first = single(c.checkClocks(at("2026-11-30T17:30"), CHAIN, STEP, CLOCK));
        assertEquals(1, first.level());
        assertEquals("aftersales-agent", first.escalatedToRole());
        assertNull(first.escalatedToTeam());
        assertEquals(30L, first.overdueMinutes());
        assertEquals(List.of(), c.checkClocks(at("2026-11-30T18:29"), CHAIN, STEP, CLOCK), "not within the step interval");
        CaseEntry second = single(c.checkClocks(at("2026-11-30T18:30"), CHAIN, STEP, CLOCK));
        assertEquals(2, second.level());
        assertEquals("sales-manager", second.escalatedToRole());
        assertEquals("east-1", second.escalatedToTeam());
        // Overnight the deadline is still 60 business minutes overdue.
        assertEquals(60L, second.overdueMinutes());
        CaseEntry third = single(c.checkClocks(at("2026-11-30T19:30"), CHAIN, STEP, CLOCK));
        assertEquals(3, third.level());
        assertEquals("sales-director", third.escalatedToRole());
        assertEquals(List.of(), c.checkClocks(at("2026-11-30T23:30"), CHAIN, STEP, CLOCK), "the chain has ended");
        assertEquals(3, c.responseEscalationLevel());
    }

    private static CaseEntry single(List<CaseEntry> entries) {
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(CaseAction.ESCALATED, entries.get(0).action());
        return entries.get(0);
    }

    @Example
    void an_answered_case_does_not_escalate_its_response_and_a_waiting_case_not_its_resolution() {
        ServiceCase c = openCase();
        c.respond("hello", AGENT, at("2026-11-30T10:00"), CLOCK);
        c.waitForCustomer("photos", AGENT, at("2026-11-30T11:00"));
        assertEquals(List.of(), c.checkClocks(at("2026-12-10T10:00"), CHAIN, STEP, CLOCK));
    }

    @Property
    void the_chain_is_walked_in_order_never_skipping_or_repeating_a_step(
            @ForAll @IntRange(min = 1, max = 40) int runs, @ForAll @IntRange(min = 1, max = 180) int minutesBetweenRuns) {
        ServiceCase c = openCase();
        Instant now = at("2026-11-30T17:01");
        List<Integer> levels = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            for (CaseEntry e : c.checkClocks(now, CHAIN, STEP, CLOCK)) {
                if (e.action() == CaseAction.ESCALATED && e.deadline() == DeadlineKind.RESPONSE) {
                    levels.add(e.level());
                    times.add(now);
                }
            }
            now = now.plus(Duration.ofMinutes(minutesBetweenRuns));
        }
        for (int i = 0; i < levels.size(); i++) {
            assertEquals(i + 1, levels.get(i));
            assertEquals(CHAIN.get(i).role(), CHAIN.get(levels.get(i) - 1).role());
            if (i > 0) {
                assertFalse(times.get(i).isBefore(times.get(i - 1).plus(STEP)), "two steps within the interval");
            }
        }
        assertTrue(levels.size() <= CHAIN.size());
        assertEquals(levels.size(), c.responseEscalationLevel());
    }
}
