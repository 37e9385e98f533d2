package com.salesaffairs.aftersales.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.salesaffairs.platform.problem.ApiProblem;

/**
 * A customer's feedback as a case (policy 3.3): owned by the customer's rep, within their team,
 * running against the response and resolution deadlines of the SLA policy version in force when it
 * was logged. Every later move (assign, respond, resolve...) is a method here that checks the status
 * and returns the history entries it makes; an illegal move is a 409.
 *
 * <pre>
 * OPEN --assign/respond--> IN_PROGRESS --wait-for-customer--> WAITING_FOR_CUSTOMER
 * WAITING_FOR_CUSTOMER --respond / comment with customer contact--> IN_PROGRESS
 * OPEN, IN_PROGRESS, WAITING_FOR_CUSTOMER --resolve--> RESOLVED --confirm--> CLOSED
 * RESOLVED --reopen--> IN_PROGRESS
 * </pre>
 */
@Entity
@Table(name = "service_case")
public class ServiceCase {
    @Id
    private UUID id;
    @Column(name = "case_number", nullable = false)
    private String caseNumber;
    @Column(name = "customer_id", nullable = false)
    private UUID customerId;
    @Column(name = "customer_name", nullable = false)
    private String customerName;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "owner_id", nullable = false)
    private String ownerId;
    private String team;
    private String region;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FeedbackChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FeedbackCategory category;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Severity severity;
    @Column(nullable = false)
    private String summary;
    private String details;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;
    @Column(name = "logged_by", nullable = false)
    private String loggedBy;
    @Column(name = "logged_at", nullable = false)
    private Instant loggedAt;
    @Column(name = "response_due_at", nullable = false)
    private Instant responseDueAt;
    @Column(name = "resolution_due_at", nullable = false)
    private Instant resolutionDueAt;
    @Column(name = "sla_policy_version", nullable = false)
    private int slaPolicyVersion;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FeedbackKind kind;
    @Enumerated(EnumType.STRING)
    private Department department;
    @Column(name = "assignee_id")
    private String assigneeId;
    /** Decimal business hours, at most two decimals (V7 widened the columns from whole hours). */
    @Column(name = "response_hours", nullable = false, precision = 7, scale = 2)
    private BigDecimal responseHours;
    @Column(name = "resolution_hours", nullable = false, precision = 7, scale = 2)
    private BigDecimal resolutionHours;
    @Column(name = "warn_percent", nullable = false)
    private int warnPercent;
    @Column(name = "response_warn_at", nullable = false)
    private Instant responseWarnAt;
    @Column(name = "resolution_warn_at", nullable = false)
    private Instant resolutionWarnAt;
    @Column(name = "first_responded_at")
    private Instant firstRespondedAt;
    @Column(name = "response_met")
    private Boolean responseMet;
    @Column(name = "resolution_started_at", nullable = false)
    private Instant resolutionStartedAt;
    @Column(name = "waiting_since")
    private Instant waitingSince;
    @Column(name = "paused_minutes", nullable = false)
    private long pausedMinutes;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "resolution_met")
    private Boolean resolutionMet;
    private String solution;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "response_warned", nullable = false)
    private boolean responseWarned;
    @Column(name = "resolution_warned", nullable = false)
    private boolean resolutionWarned;
    @Column(name = "response_escalation_level", nullable = false)
    private int responseEscalationLevel;
    @Column(name = "response_escalated_at")
    private Instant responseEscalatedAt;
    @Column(name = "resolution_escalation_level", nullable = false)
    private int resolutionEscalationLevel;
    @Column(name = "resolution_escalated_at")
    private Instant resolutionEscalatedAt;
    @Version
    private long version;

    protected ServiceCase() {
    }

    /** Opens a case for logged feedback; the customer's rep owns it, whoever logged it. */
    public static ServiceCase open(String caseNumber, Customer customer, Feedback feedback, String loggedBy,
            SlaDeadlines sla, Instant at) {
        ServiceCase c = new ServiceCase();
        c.id = UUID.randomUUID();
        c.caseNumber = caseNumber;
        c.customerId = customer.id();
        c.customerName = customer.name();
        c.orderId = feedback.orderId();
        c.ownerId = customer.ownerId();
        c.team = customer.team();
        c.region = customer.region();
        c.channel = feedback.channel();
        c.category = feedback.category();
        c.severity = feedback.severity();
        c.summary = feedback.summary().trim();
        c.details = feedback.details() == null || feedback.details().isBlank() ? null : feedback.details().trim();
        c.status = CaseStatus.OPEN;
        c.loggedBy = loggedBy;
        c.loggedAt = at;
        c.responseDueAt = sla.responseDueAt();
        c.resolutionDueAt = sla.resolutionDueAt();
        c.slaPolicyVersion = sla.policyVersion();
        c.updatedAt = at;
        c.kind = feedback.kind() == null ? FeedbackKind.COMPLAINT : feedback.kind();
        c.responseHours = sla.responseHours();
        c.resolutionHours = sla.resolutionHours();
        c.warnPercent = sla.warnAtPercent();
        c.responseWarnAt = sla.responseWarnAt();
        c.resolutionWarnAt = sla.resolutionWarnAt();
        c.resolutionStartedAt = at;
        return c;
    }

    /** The first line of the history: who logged the feedback. */
    public CaseEntry logged(String actor) {
        return CaseEntry.of(id, CaseAction.LOGGED, actor, loggedAt, summary);
    }

    /** Assigns the case to a department (and a person in it); a later assignment is a transfer, the earlier stays in the history. */
    public CaseEntry assign(Department to, String assignee, String note, String actor, Instant now) {
        requireActive("assigned");
        CaseAction action = department == null ? CaseAction.ASSIGNED : CaseAction.TRANSFERRED;
        department = to;
        assigneeId = assignee;
        if (status == CaseStatus.OPEN) {
            status = CaseStatus.IN_PROGRESS;
        }
        touch(now);
        return CaseEntry.of(id, action, actor, now, note).assignment(to, assignee);
    }

    /**
     * A note on the case; with {@code customerContact} it records a contact with the customer, which
     * ends a wait for the customer (the resolution clock runs again).
     */
    public List<CaseEntry> comment(String text, boolean customerContact, String actor, Instant now, SlaClock clock) {
        if (status == CaseStatus.CLOSED) {
            throw illegal("commented");
        }
        List<CaseEntry> entries = new ArrayList<>();
        entries.add(CaseEntry.of(id, CaseAction.COMMENTED, actor, now, text).contact(customerContact));
        if (customerContact && status == CaseStatus.WAITING_FOR_CUSTOMER) {
            entries.add(resume(actor, now, clock));
        }
        touch(now);
        return entries;
    }

    /**
     * An answer to the customer. The first one stops the response clock and records whether it met
     * its deadline; any answer ends a wait for the customer.
     */
    public List<CaseEntry> respond(String message, String actor, Instant now, SlaClock clock) {
        requireActive("answered");
        List<CaseEntry> entries = new ArrayList<>();
        stopResponseClock(now);
        entries.add(CaseEntry.of(id, CaseAction.RESPONDED, actor, now, message).contact(true));
        if (status == CaseStatus.WAITING_FOR_CUSTOMER) {
            entries.add(resume(actor, now, clock));
        }
        status = CaseStatus.IN_PROGRESS;
        touch(now);
        return entries;
    }

    /** Pauses the resolution clock until the customer is in touch again (a respond, or a comment with customer contact). */
    public CaseEntry waitForCustomer(String reason, String actor, Instant now) {
        if (status != CaseStatus.OPEN && status != CaseStatus.IN_PROGRESS) {
            throw illegal("put to wait for the customer");
        }
        status = CaseStatus.WAITING_FOR_CUSTOMER;
        waitingSince = now;
        touch(now);
        return CaseEntry.of(id, CaseAction.WAITING_FOR_CUSTOMER, actor, now, reason);
    }

    /**
     * Resolves the case with a solution: stops the resolution clock (ending a wait first) and records
     * whether the deadline was met. A case resolved before any answer counts the solution as its first response.
     */
    public List<CaseEntry> resolve(String solutionText, String actor, Instant now, SlaClock clock) {
        requireActive("resolved");
        List<CaseEntry> entries = new ArrayList<>();
        if (status == CaseStatus.WAITING_FOR_CUSTOMER) {
            entries.add(resume(actor, now, clock));
        }
        stopResponseClock(now);
        resolvedAt = now;
        resolutionMet = !now.isAfter(resolutionDueAt);
        solution = solutionText;
        status = CaseStatus.RESOLVED;
        touch(now);
        entries.add(CaseEntry.of(id, CaseAction.RESOLVED, actor, now, solutionText));
        return entries;
    }

    /** The customer confirmed the solution (told the agent or the rep): the case is closed. */
    public CaseEntry confirm(String actor, Instant now) {
        if (status != CaseStatus.RESOLVED) {
            throw illegal("confirmed (only a RESOLVED case is)");
        }
        status = CaseStatus.CLOSED;
        closedAt = now;
        touch(now);
        return CaseEntry.of(id, CaseAction.CONFIRMED, actor, now, null);
    }

    /**
     * The solution did not hold: back to IN_PROGRESS with a new resolution clock of the case's
     * budget starting now (warning and escalation of the resolution clock start over).
     */
    public CaseEntry reopen(String reason, String actor, Instant now, SlaClock clock) {
        if (status != CaseStatus.RESOLVED) {
            throw illegal("reopened (only a RESOLVED case is; a closed case stays closed)");
        }
        status = CaseStatus.IN_PROGRESS;
        resolutionStartedAt = now;
        pausedMinutes = 0;
        resolutionDueAt = clock.deadline(now, resolutionHours);
        resolutionWarnAt = clock.warnAt(now, resolutionHours, warnPercent);
        resolutionWarned = false;
        resolutionEscalationLevel = 0;
        resolutionEscalatedAt = null;
        resolvedAt = null;
        resolutionMet = null;
        solution = null;
        touch(now);
        return CaseEntry.of(id, CaseAction.REOPENED, actor, now, reason);
    }

    /** Whether a clock runs now: the response clock until the first answer, the resolution clock unless paused or stopped. */
    public boolean clockRuns(DeadlineKind kind) {
        return kind == DeadlineKind.RESPONSE ? status.active() && firstRespondedAt == null
                : status == CaseStatus.OPEN || status == CaseStatus.IN_PROGRESS;
    }

    public Instant dueAt(DeadlineKind kind) {
        return kind == DeadlineKind.RESPONSE ? responseDueAt : resolutionDueAt;
    }

    public int escalationLevel(DeadlineKind kind) {
        return kind == DeadlineKind.RESPONSE ? responseEscalationLevel : resolutionEscalationLevel;
    }

    /**
     * The escalation rule, per running clock: once its warning point is reached a WARNING is recorded
     * (once); once its deadline has passed it escalates one step along the chain, and a further step
     * only when the previous step of that clock is at least {@code stepInterval} old, until the chain
     * ends. So one run moves each clock at most one step.
     */
    public List<CaseEntry> checkClocks(Instant now, List<EscalationStep> chain, Duration stepInterval, SlaClock clock) {
        List<CaseEntry> entries = new ArrayList<>();
        for (DeadlineKind kind : DeadlineKind.values()) {
            if (!clockRuns(kind)) {
                continue;
            }
            boolean response = kind == DeadlineKind.RESPONSE;
            Instant warnAt = response ? responseWarnAt : resolutionWarnAt;
            boolean warned = response ? responseWarned : resolutionWarned;
            if (!warned && !now.isBefore(warnAt)) {
                if (response) {
                    responseWarned = true;
                } else {
                    resolutionWarned = true;
                }
                entries.add(CaseEntry.of(id, CaseAction.WARNING, "sla-escalation", now,
                        warnPercent + "% of the " + kind.name().toLowerCase() + " time used")
                        .clock(kind, null, null, null, null));
            }
            Instant due = dueAt(kind);
            int level = escalationLevel(kind);
            Instant last = response ? responseEscalatedAt : resolutionEscalatedAt;
            if (now.isAfter(due) && level < chain.size() && (last == null || !now.isBefore(last.plus(stepInterval)))) {
                EscalationStep step = chain.get(level);
                if (response) {
                    responseEscalationLevel = level + 1;
                    responseEscalatedAt = now;
                } else {
                    resolutionEscalationLevel = level + 1;
                    resolutionEscalatedAt = now;
                }
                entries.add(CaseEntry.of(id, CaseAction.ESCALATED, "sla-escalation", now,
                        kind.name().toLowerCase() + " deadline passed; escalated to " + step.policyName())
                        .clock(kind, level + 1, step.role(), step.teamFor(team), clock.overdueMinutes(due, now)));
            }
        }
        if (!entries.isEmpty()) {
            touch(now);
        }
        return entries;
    }

    /** Business minutes the response took (null before the first answer). */
    public Long responseMinutes(SlaClock clock) {
        return firstRespondedAt == null ? null : clock.taken(loggedAt, firstRespondedAt, 0);
    }

    /** Business minutes the (latest) resolution clock ran, less its pauses (null before resolution). */
    public Long resolutionMinutes(SlaClock clock) {
        return resolvedAt == null ? null : clock.taken(resolutionStartedAt, resolvedAt, pausedMinutes);
    }

    private void stopResponseClock(Instant now) {
        if (firstRespondedAt == null) {
            firstRespondedAt = now;
            responseMet = !now.isAfter(responseDueAt);
        }
    }

    private CaseEntry resume(String actor, Instant now, SlaClock clock) {
        Duration paused = clock.pausedFor(waitingSince, now);
        resolutionDueAt = clock.resumed(resolutionDueAt, waitingSince, now);
        resolutionWarnAt = clock.resumed(resolutionWarnAt, waitingSince, now);
        pausedMinutes += paused.toMinutes();
        waitingSince = null;
        status = CaseStatus.IN_PROGRESS;
        return CaseEntry.of(id, CaseAction.RESUMED, actor, now,
                "resolution clock resumed after " + paused.toMinutes() + " business minutes of waiting");
    }

    private void requireActive(String action) {
        if (!status.active()) {
            throw illegal(action);
        }
    }

    private ApiProblem illegal(String action) {
        return ApiProblem.conflict("case " + caseNumber + " is " + status + "; it cannot be " + action);
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public UUID customerId() {
        return customerId;
    }

    public String customerName() {
        return customerName;
    }

    public UUID orderId() {
        return orderId;
    }

    public String ownerId() {
        return ownerId;
    }

    public String team() {
        return team;
    }

    public String region() {
        return region;
    }

    public FeedbackChannel channel() {
        return channel;
    }

    public FeedbackCategory category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    public String summary() {
        return summary;
    }

    public String details() {
        return details;
    }

    public CaseStatus status() {
        return status;
    }

    public String loggedBy() {
        return loggedBy;
    }

    public Instant loggedAt() {
        return loggedAt;
    }

    public Instant responseDueAt() {
        return responseDueAt;
    }

    public Instant resolutionDueAt() {
        return resolutionDueAt;
    }

    public int slaPolicyVersion() {
        return slaPolicyVersion;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public FeedbackKind kind() {
        return kind;
    }

    public Department department() {
        return department;
    }

    public String assigneeId() {
        return assigneeId;
    }

    /** The response budget in business hours as the policy wrote it (24, 0.5; never 24.00). */
    public BigDecimal responseHours() {
        return SlaPolicy.plain(responseHours);
    }

    /** The resolution budget in business hours as the policy wrote it. */
    public BigDecimal resolutionHours() {
        return SlaPolicy.plain(resolutionHours);
    }

    public Instant firstRespondedAt() {
        return firstRespondedAt;
    }

    public Boolean responseMet() {
        return responseMet;
    }

    public Instant resolutionStartedAt() {
        return resolutionStartedAt;
    }

    public Instant waitingSince() {
        return waitingSince;
    }

    public long pausedMinutes() {
        return pausedMinutes;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Boolean resolutionMet() {
        return resolutionMet;
    }

    public String solution() {
        return solution;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Instant responseWarnAt() {
        return responseWarnAt;
    }

    public Instant resolutionWarnAt() {
        return resolutionWarnAt;
    }

    public int responseEscalationLevel() {
        return responseEscalationLevel;
    }

    public int resolutionEscalationLevel() {
        return resolutionEscalationLevel;
    }
}
