package com.salesaffairs.aftersales.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.salesaffairs.aftersales.domain.CaseAction;
import com.salesaffairs.aftersales.domain.CaseEntry;
import com.salesaffairs.aftersales.domain.ServiceCase;
import com.salesaffairs.aftersales.domain.SlaPolicy;
import com.salesaffairs.aftersales.messaging.CaseEvents;

import io.quarkus.scheduler.Scheduled;

/**
 * The SLA watch: every minute (aftersales.escalation.every) it records a WARNING when a running
 * clock reaches warnAtPercent, and escalates a clock past its deadline one step along the
 * aftersales.sla escalation chain (see {@link ServiceCase#checkClocks}), publishing
 * sales.case.escalated.v1.
 *
 * <p>Safe with several replicas: a run selects the due cases FOR UPDATE SKIP LOCKED in its
 * transaction, so a case another replica is working on is skipped, and the due condition is checked
 * again on the locked row, so a case a finished run already moved is not due any more.
 */
@ApplicationScoped
public class CaseEscalation {
    private static final Logger LOG = Logger.getLogger(CaseEscalation.class);

    /** The SQL form of "a running clock reached its warning point or may take an escalation step". */
    private static final String DUE = """
            SELECT id FROM service_case
            WHERE status IN ('OPEN', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER') AND (
              (first_responded_at IS NULL AND (
                 (NOT response_warned AND response_warn_at <= :now)
                 OR (response_due_at < :now AND response_escalation_level < :chain
                     AND (response_escalated_at IS NULL OR response_escalated_at <= :stepBefore))))
              OR (status <> 'WAITING_FOR_CUSTOMER' AND (
                 (NOT resolution_warned AND resolution_warn_at <= :now)
                 OR (resolution_due_at < :now AND resolution_escalation_level < :chain
                     AND (resolution_escalated_at IS NULL OR resolution_escalated_at <= :stepBefore)))))
            ORDER BY response_due_at, id
            LIMIT :batch
            FOR UPDATE SKIP LOCKED""";

    public record Run(int cases, int warnings, int escalations) {
    }

    private final EntityManager em;
    private final CaseService cases;
    private final CaseEvents events;
    private final Clock clock;
    private final Duration stepInterval;
    private final int batchSize;

    public CaseEscalation(EntityManager em, CaseService cases, CaseEvents events, Clock clock,
            @ConfigProperty(name = "aftersales.escalation.step-interval", defaultValue = "1h") Duration stepInterval,
            @ConfigProperty(name = "aftersales.escalation.batch-size", defaultValue = "200") int batchSize) {
        this.em = em;
        this.cases = cases;
        this.events = events;
        this.clock = clock;
        this.stepInterval = stepInterval;
        this.batchSize = batchSize;
    }

    @Scheduled(identity = "case-escalation", every = "${aftersales.escalation.every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Run run = run(clock.instant());
        if (run.cases() > 0) {
            LOG.infof("SLA watch: %d cases, %d warnings, %d escalations", run.cases(), run.warnings(), run.escalations());
        }
    }

    /** One run as of {@code now}, in one transaction; tests call it directly (the schedule is off there). */
    @Transactional
    public Run run(Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        SlaPolicy policy = cases.activeSla();
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery(DUE, UUID.class)
                .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter("stepBefore", OffsetDateTime.ofInstant(now.minus(stepInterval), ZoneOffset.UTC))
                .setParameter("chain", policy.escalationChain().size())
                .setParameter("batch", batchSize)
                .getResultList();
        int warnings = 0;
        int escalations = 0;
        for (UUID id : due) {
            ServiceCase c = em.find(ServiceCase.class, id);
            for (CaseEntry e : c.checkClocks(now, policy.escalationChain(), stepInterval, policy.clock())) {
                em.persist(e);
                if (e.action() == CaseAction.ESCALATED) {
                    events.escalated(c, e);
                    escalations++;
                    LOG.infof("case %s: %s deadline passed, escalated to level %d (%s %s)", c.caseNumber(), e.deadline(),
                            e.level(), e.escalatedToRole(), e.escalatedToTeam() == null ? "" : e.escalatedToTeam());
                } else {
                    warnings++;
                }
            }
        }
        return new Run(due.size(), warnings, escalations);
    }
}
