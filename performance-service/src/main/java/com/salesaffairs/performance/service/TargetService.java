package com.salesaffairs.performance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.Target;
import com.salesaffairs.performance.domain.TargetApproved;
import com.salesaffairs.performance.domain.TargetConsistency;
import com.salesaffairs.performance.domain.TargetLevel;
import com.salesaffairs.performance.domain.TargetPeriod;
import com.salesaffairs.performance.domain.TargetProposal;
import com.salesaffairs.performance.domain.TargetSplit;
import com.salesaffairs.performance.repository.TargetProposalRepository;
import com.salesaffairs.performance.repository.TargetRepository;
import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

/**
 * Revenue targets (policy 4): the director sets company and region targets, managers their team's,
 * a rep's comes from a proposal their manager approved. Every new target or revision is published as
 * {@code sales.target.approved.v1} through the outbox, in the transaction that writes it.
 */
@ApplicationScoped
@Transactional
public class TargetService {
    private static final Logger LOG = Logger.getLogger(TargetService.class);

    /** What a director or manager asks for; {@code split} null means an even split. */
    public record TargetSetting(TargetLevel level, String subject, String region, TargetPeriod period,
            BigDecimal amount, Map<String, BigDecimal> split, String rationale) {
    }

    /** The target after a setting: created the first time, changed on a revision, neither when it repeats the current one. */
    public record SetResult(Target target, boolean created, boolean changed) {
    }

    /** A manager's decision on a proposal; amount and split null mean "as proposed". */
    public record Approval(String comment, BigDecimal amount, Map<String, BigDecimal> split) {
    }

    private final TargetRepository targets;
    private final TargetProposalRepository proposals;
    private final AppraisalCalendar calendar;
    private final Outbox outbox;
    private final Clock clock;

    public TargetService(TargetRepository targets, TargetProposalRepository proposals, AppraisalCalendar calendar,
            Outbox outbox, Clock clock) {
        this.targets = targets;
        this.proposals = proposals;
        this.calendar = calendar;
        this.outbox = outbox;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Sets a company, region or team target, or revises it: one target per (level, subject, period),
     * whose version counts up with each change. The same figures again change nothing and publish nothing.
     */
    public SetResult set(TargetSetting s, Optional<Long> ifMatch, Scope caller) {
        String team = null;
        String region;
        switch (s.level()) {
            case REP -> throw ApiProblem.ruleViolated("target.rep-from-proposal", "level",
                    "a rep's target comes from their approved proposal (POST /api/v1/targets/proposals)");
            case COMPANY, REGION -> {
                if (!caller.hasAnyRole(Roles.SALES_DIRECTOR, Roles.ADMIN)) {
                    throw ApiProblem.forbidden("only the sales director sets company and region targets");
                }
                region = s.level() == TargetLevel.REGION ? s.subject() : null;
                if (s.region() != null && !s.region().equals(region)) {
                    throw ApiProblem.invalid("region", s.level() == TargetLevel.REGION
                            ? "must be the subject (" + s.subject() + ") or absent" : "must be absent for a COMPANY target");
                }
            }
            default -> {
                team = s.subject();
                if (caller.hasAnyRole(Roles.SALES_DIRECTOR, Roles.ADMIN)) {
                    region = s.region();
                } else if (caller.managesTeam(team)) {
                    if (s.region() != null && !s.region().equals(caller.region())) {
                        throw ApiProblem.invalid("region", "must be your team's region (" + caller.region() + ") or absent");
                    }
                    region = caller.region();
                } else if (caller.hasRole(Roles.SALES_MANAGER)) {
                    throw ApiProblem.notFound("team", team);
                } else {
                    throw ApiProblem.forbidden("only the team's manager or the sales director sets a team target");
                }
            }
        }
        Map<KpiPeriod, BigDecimal> split = split("monthlySplit", s.amount(), s.period(), s.split());
        requireOpen(s.period(), true);
        Optional<Target> current = targets.lockFor(s.level(), s.subject(), s.period());
        if (ifMatch.isPresent() && current.map(t -> (long) t.version()).orElse(0L) != ifMatch.get()) {
            throw ApiProblem.preconditionFailed("the " + s.level() + " target of " + s.subject() + " for " + s.period()
                    + " is at version " + current.map(Target::version).orElse(0) + ", not " + ifMatch.get());
        }
        if (current.isEmpty()) {
            if (s.level() == TargetLevel.TEAM && region == null) {
                throw ApiProblem.invalid("region", "is required for a team's first target (the team's region)");
            }
            Target t = Target.first(s.level(), s.subject(), team, region, s.period(), s.amount(), split,
                    caller.userId(), null, s.rationale(), now());
            targets.add(t);
            published(t, false);
            return new SetResult(t, true, true);
        }
        Target t = current.get();
        String keptRegion = region == null && s.level() == TargetLevel.TEAM ? t.region() : region;
        if (t.sameAs(team, keptRegion, s.amount(), split)) {
            return new SetResult(t, false, false);
        }
        t.revise(team, keptRegion, s.amount(), split, caller.userId(), null, s.rationale(), now());
        published(t, false);
        return new SetResult(t, false, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Target get(UUID id, Scope caller) {
        return targets.find(id).filter(t -> TargetRepository.visible(t, caller))
                .orElseThrow(() -> ApiProblem.notFound("target", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Target> list(TargetLevel level, String period, String subject, String team, Scope caller,
            PageParams page) {
        return targets.list(level, period, subject, team, caller, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(TargetLevel level, String period, String subject, String team, Scope caller) {
        return targets.count(level, period, subject, team, caller);
    }

    /** A manager sees their own team's line only; director, executive and admin the whole company. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TargetConsistency consistency(TargetPeriod period, Scope caller) {
        String onlyTeam = caller.seesAll() ? null : caller.team() == null ? Scope.NO_TEAM : caller.team();
        return TargetConsistency.of(period, targets.monthTargets(period.months()), onlyTeam);
    }

    /** A rep files their own personal target; one proposal per rep and period waits for a decision at a time. */
    public TargetProposal propose(String namedRep, TargetPeriod period, BigDecimal amount,
            Map<String, BigDecimal> givenSplit, String justification, Scope caller) {
        if (namedRep != null && !namedRep.equals(caller.userId())) {
            throw ApiProblem.ruleViolated("target-proposal.own-only", "repId",
                    "a rep proposes only their own target; repId must be your own id or absent");
        }
        if (caller.team() == null) {
            throw ApiProblem.ruleViolated("target-proposal.team-required",
                    "you belong to no sales team, so no manager can approve your target");
        }
        Map<KpiPeriod, BigDecimal> split = split("monthlySplit", amount, period, givenSplit);
        requireOpen(period, false);
        if (proposals.openExists(caller.userId(), period.toString())) {
            throw ApiProblem.duplicate("target-proposal.open-exists", "you already have a proposal for " + period
                    + " waiting for your manager; wait for the decision");
        }
        TargetProposal p = TargetProposal.submit(caller.userId(), caller.team(), caller.region(), period, amount, split,
                justification, now());
        proposals.add(p);
        LOG.infof("target proposal %s filed by rep %s for %s", p.id(), p.repId(), p.period());
        return p;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TargetProposal proposal(UUID id, Scope caller) {
        return proposals.find(id).filter(p -> TargetProposalRepository.visible(p, caller))
                .orElseThrow(() -> ApiProblem.notFound("target proposal", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TargetProposal> proposals(TargetProposal.Status status, String period, String repId, Scope caller,
            PageParams page) {
        return proposals.list(status, period, repId, caller, page);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countProposals(TargetProposal.Status status, String period, String repId, Scope caller) {
        return proposals.count(status, period, repId, caller);
    }

    /**
     * The manager approves, as proposed or adjusted: the rep's target for the period is written (or
     * revised) from it and published, with {@code adjusted} telling the rep their figure was changed.
     */
    public TargetProposal approve(UUID id, Optional<Long> ifMatch, Approval a, Scope caller) {
        TargetProposal p = decidable(id, ifMatch, caller);
        p.requireSubmitted("approved");
        requireOpen(p.period(), true);
        BigDecimal amount = a.amount() == null ? p.amount() : a.amount().setScale(2);
        Map<KpiPeriod, BigDecimal> split;
        if (a.split() != null && !a.split().isEmpty()) {
            split = TargetSplit.checked("monthlySplit", amount, p.period(), a.split());
        } else if (amount.compareTo(p.amount()) == 0) {
            split = p.monthlySplit();
        } else {
            split = TargetSplit.even(amount, p.period());
        }
        Instant now = now();
        Optional<Target> current = targets.lockFor(TargetLevel.REP, p.repId(), p.period());
        Target t;
        if (current.isPresent()) {
            t = current.get();
            t.revise(p.team(), p.region(), amount, split, caller.userId(), p.id(), p.justification(), now);
        } else {
            t = Target.first(TargetLevel.REP, p.repId(), p.team(), p.region(), p.period(), amount, split,
                    caller.userId(), p.id(), p.justification(), now);
            targets.add(t);
        }
        p.approve(t, a.comment(), caller.userId(), now);
        published(t, p.adjusted());
        return p;
    }

    /** Back to the rep with the manager's comment; nothing is written to the targets. */
    public TargetProposal returnToRep(UUID id, Optional<Long> ifMatch, String comment, Scope caller) {
        TargetProposal p = decidable(id, ifMatch, caller);
        p.returnToRep(comment, caller.userId(), now());
        LOG.infof("target proposal %s of rep %s returned by %s", p.id(), p.repId(), caller.userId());
        return p;
    }

    /** The proposal, locked, if the caller manages the rep's team (or is director or admin); else 404. */
    private TargetProposal decidable(UUID id, Optional<Long> ifMatch, Scope caller) {
        TargetProposal p = proposals.lock(id)
                .filter(x -> caller.hasAnyRole(Roles.SALES_DIRECTOR, Roles.ADMIN) || caller.managesTeam(x.team()))
                .orElseThrow(() -> ApiProblem.notFound("target proposal", id));
        if (ifMatch.isPresent() && ifMatch.get() != p.version()) {
            throw ApiProblem.preconditionFailed("target proposal " + id + " is at version " + p.version() + ", not "
                    + ifMatch.get());
        }
        if (p.repId().equals(caller.userId())) {
            throw ApiProblem.ruleViolated("target-proposal.own-decision",
                    "you filed target proposal " + id + " yourself; another manager of your team, the sales director"
                            + " or an admin decides it");
        }
        return p;
    }

    /**
     * 422 {@code target.period-closed} when the period covers a month closed for appraisal: that month's
     * scorecards and commissions are frozen, so its target must not change. With {@code lock} (a target is
     * about to be written) the check holds the appraisal calendar's shared lock to the end of the
     * transaction, so a close waits for the write and a write that waited for a close sees it.
     */
    private void requireOpen(TargetPeriod period, boolean lock) {
        List<String> closed = period.months().stream()
                .filter(m -> lock ? !calendar.bookingPeriod(m).equals(m) : calendar.isClosed(m))
                .map(KpiPeriod::toString).toList();
        if (!closed.isEmpty()) {
            throw ApiProblem.ruleViolated("target.period-closed", "period",
                    "period " + period + " covers " + String.join(", ", closed) + ", already closed for appraisal;"
                            + " a closed month's target, scorecards and commissions no longer change");
        }
    }

    private static Map<KpiPeriod, BigDecimal> split(String field, BigDecimal amount, TargetPeriod period,
            Map<String, BigDecimal> given) {
        // An empty object is "no split" too: generated clients send {} for a map left unset.
        return given == null || given.isEmpty() ? TargetSplit.even(amount.setScale(2), period)
                : TargetSplit.checked(field, amount.setScale(2), period, given);
    }

    private void published(Target t, boolean adjusted) {
        outbox.record(Topics.PERFORMANCE, "sales-target", t.id().toString(), TargetApproved.TYPE,
                TargetApproved.of(t, adjusted));
        LOG.infof("target %s (%s %s %s) version %d approved by %s: %s %s", t.id(), t.level(), t.subject(), t.period(),
                t.version(), t.setBy(), t.amount().toPlainString(), t.currency());
    }
}
