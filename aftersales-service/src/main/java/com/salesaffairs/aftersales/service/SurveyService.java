package com.salesaffairs.aftersales.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.salesaffairs.aftersales.domain.CampaignPeriod;
import com.salesaffairs.aftersales.domain.OrderFact;
import com.salesaffairs.aftersales.domain.ServiceCase;
import com.salesaffairs.aftersales.domain.Survey;
import com.salesaffairs.aftersales.domain.SurveyCampaignRun;
import com.salesaffairs.aftersales.domain.SurveyPolicy;
import com.salesaffairs.aftersales.messaging.SurveyEvents;
import com.salesaffairs.platform.policy.PolicyStore;
import com.salesaffairs.platform.policy.PolicyVersion;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

/**
 * Satisfaction surveys: sent after a confirmed resolution, by hand or by a campaign, at most one per
 * customer per {@code minDaysBetweenSurveysPerCustomer}; answered once, without login, with the token.
 */
@ApplicationScoped
@Transactional
public class SurveyService {
    public static final String SURVEY_POLICY = "aftersales.survey";
    private static final Logger LOG = Logger.getLogger(SurveyService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A survey just sent, with the token that answers it: only ever returned here. */
    public record Sent(Survey survey, String token) {
    }

    public record CampaignResult(UUID campaignId, Instant settledFrom, Instant settledTo, int sent, int skipped,
            List<Sent> surveys) {
    }

    /** What a scheduled campaign tick did: ran the period's campaign ({@code result} set) or found it already run. */
    public record ScheduledCampaign(String period, CampaignResult result) {
        public boolean ran() {
            return result != null;
        }
    }

    private final EntityManager em;
    private final PolicyStore policies;
    private final SurveyEvents events;
    private final Clock clock;
    private final ZoneId campaignZone;

    public SurveyService(EntityManager em, PolicyStore policies, SurveyEvents events, Clock clock,
            @ConfigProperty(name = "aftersales.survey-campaign.zone", defaultValue = "Asia/Shanghai") String campaignZone) {
        this.em = em;
        this.policies = policies;
        this.events = events;
        this.clock = clock;
        this.campaignZone = ZoneId.of(campaignZone);
    }

    /** The campaign period (calendar months in the campaign zone, per campaign.everyMonths) that {@code at} falls in. */
    public CampaignPeriod campaignPeriod(Instant at, SurveyPolicy policy) {
        return CampaignPeriod.containing(at, policy.campaignEveryMonths(), campaignZone);
    }

    public SurveyPolicy activePolicy() {
        PolicyVersion v = policies.require(SURVEY_POLICY);
        return SurveyPolicy.from(v.version, policies.read(v.content));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Called in the transaction that closes the case; skipped (logged) when the customer was surveyed recently. */
    public void afterCaseClosed(ServiceCase c, String actor) {
        SurveyPolicy policy = activePolicy();
        if (!policy.afterResolution()) {
            return;
        }
        if (tooSoon(c.customerId(), policy, now())) {
            LOG.infof("no survey for closed case %s: customer %s was surveyed within %d days", c.caseNumber(),
                    c.customerId(), policy.minDaysBetweenSurveysPerCustomer());
            return;
        }
        Sent sent = send(c.customerId(), c.id(), c.orderId(), c.ownerId(), c.team(), Survey.Trigger.CASE_CLOSED, null,
                actor, policy);
        LOG.infof("survey %s sent for closed case %s", sent.survey().id(), c.caseNumber());
    }

    /** A survey sent by hand for a case or an order the caller sees; 422 survey.too-soon within the policy's days. */
    public Sent sendManual(UUID caseId, UUID orderId, Scope caller) {
        SurveyPolicy policy = activePolicy();
        Sent sent;
        if (caseId != null) {
            ServiceCase c = em.find(ServiceCase.class, caseId);
            if (c == null || !mayAct(c.team(), caller)) {
                throw ApiProblem.ruleViolated("survey.subject-known", "caseId",
                        "case " + caseId + " is not known, or not the caller's to survey");
            }
            requireNotTooSoon(c.customerId(), policy);
            sent = send(c.customerId(), c.id(), c.orderId(), c.ownerId(), c.team(), Survey.Trigger.MANUAL, null,
                    caller.userId(), policy);
        } else {
            OrderFact o = em.find(OrderFact.class, orderId);
            if (o == null || !mayAct(o.team(), caller)) {
                throw ApiProblem.ruleViolated("survey.subject-known", "orderId",
                        "order " + orderId + " is not known (yet), or not the caller's to survey");
            }
            requireNotTooSoon(o.customerId(), policy);
            sent = send(o.customerId(), null, o.id(), o.ownerId(), o.team(), Survey.Trigger.MANUAL, null,
                    caller.userId(), policy);
        }
        return sent;
    }

    /**
     * Surveys every customer with an order settled in [from, to) (default: the policy's settledWithinDays up
     * to now) about their latest such order, skipping those surveyed within the policy's days. Recorded as a
     * MANUAL run; it does not take the scheduled campaign's slot for the period.
     */
    public CampaignResult campaign(Instant from, Instant to, Scope caller) {
        SurveyPolicy policy = activePolicy();
        Instant now = now();
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(Duration.ofDays(policy.campaignSettledWithinDays())) : from;
        if (!start.isBefore(end)) {
            throw ApiProblem.invalid("settledFrom", "must be before settledTo");
        }
        SurveyCampaignRun run = SurveyCampaignRun.manual(UUID.randomUUID(), campaignPeriod(now, policy).label(),
                policy.version(), start, end, caller.userId(), now);
        em.persist(run);
        CampaignResult result = send(run.id(), start, end, caller.userId(), policy, now);
        run.finish(result.sent(), result.skipped(), now());
        return result;
    }

    /**
     * The scheduled campaign of the period {@code at} falls in, once: the run's row is inserted first with ON
     * CONFLICT DO NOTHING against the unique (period) of SCHEDULED runs, so a second replica (or a second tick)
     * waits for the first one's transaction and then finds the period taken. The orders asked about are those
     * settled in the policy's settledWithinDays up to {@code at}. A period with no one to ask is recorded too
     * (sent 0). A failure rolls the row back, so the next tick tries again.
     */
    public ScheduledCampaign scheduledCampaign(Instant at, String actor) {
        SurveyPolicy policy = activePolicy();
        Instant now = now();
        Instant end = at.truncatedTo(ChronoUnit.MILLIS);
        Instant start = end.minus(Duration.ofDays(policy.campaignSettledWithinDays()));
        String period = campaignPeriod(end, policy).label();
        UUID id = UUID.randomUUID();
        int claimed = em.createNativeQuery("INSERT INTO survey_campaign_run (id, period, trigger, policy_version,"
                + " settled_from, settled_to, sent, skipped, started_by, started_at) VALUES (:id, :period, 'SCHEDULED',"
                + " :version, :from, :to, 0, 0, :by, :at) ON CONFLICT DO NOTHING")
                .setParameter("id", id).setParameter("period", period).setParameter("version", policy.version())
                .setParameter("from", start).setParameter("to", end).setParameter("by", actor).setParameter("at", now)
                .executeUpdate();
        if (claimed == 0) {
            return new ScheduledCampaign(period, null);
        }
        CampaignResult result = send(id, start, end, actor, policy, now);
        em.find(SurveyCampaignRun.class, id).finish(result.sent(), result.skipped(), now());
        return new ScheduledCampaign(period, result);
    }

    private CampaignResult send(UUID campaignId, Instant start, Instant end, String actor, SurveyPolicy policy,
            Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (customer_id) CAST(id AS VARCHAR),"
                + " CAST(customer_id AS VARCHAR), owner_id, team FROM order_replica"
                + " WHERE settled_at >= :from AND settled_at < :to ORDER BY customer_id, settled_at DESC")
                .setParameter("from", start).setParameter("to", end).getResultList();
        List<Sent> sent = new ArrayList<>();
        int skipped = 0;
        for (Object[] row : rows) {
            UUID customer = UUID.fromString((String) row[1]);
            if (tooSoon(customer, policy, now)) {
                skipped++;
                continue;
            }
            sent.add(send(customer, null, UUID.fromString((String) row[0]), (String) row[2], (String) row[3],
                    Survey.Trigger.CAMPAIGN, campaignId, actor, policy));
        }
        LOG.infof("survey campaign %s by %s: %d sent, %d skipped (orders settled %s..%s)", campaignId, actor,
                sent.size(), skipped, start, end);
        return new CampaignResult(campaignId, start, end, sent.size(), skipped, sent);
    }

    /** Campaign runs, newest first; {@code period} (a label such as 2026-Q4) narrows them when given. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SurveyCampaignRun> campaignRuns(String period, PageParams page) {
        return runQuery(SurveyCampaignRun.class, "SELECT r", period, " ORDER BY r.startedAt DESC, r.id")
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countCampaignRuns(String period) {
        return runQuery(Long.class, "SELECT COUNT(r)", period, "").getSingleResult();
    }

    private <T> TypedQuery<T> runQuery(Class<T> type, String select, String period, String order) {
        TypedQuery<T> q = em.createQuery(select + " FROM SurveyCampaignRun r"
                + (period == null ? "" : " WHERE r.period = :period") + order, type);
        if (period != null) {
            q.setParameter("period", period);
        }
        return q;
    }

    /**
     * Records the answer once: the survey row is locked, so of two concurrent answers exactly one is
     * recorded. 404 for an unknown token, 409 survey.answered, 410 survey.expired.
     */
    public Survey answer(String token, int score, int likelihood, String comment) {
        List<Survey> found = em.createQuery("FROM Survey WHERE tokenHash = :h", Survey.class)
                .setParameter("h", hash(token)).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (found.isEmpty()) {
            throw ApiProblem.notFound("survey", "for this link");
        }
        Survey s = found.get(0);
        Instant now = now();
        switch (s.statusAt(now)) {
            case ANSWERED -> throw ApiProblem.duplicate("survey.answered", "this survey was already answered");
            case EXPIRED -> throw new ApiProblem(410, "gone", "Gone", "this survey link expired at " + s.expiresAt(),
                    "survey.expired", null);
            default -> {
            }
        }
        s.answer(score, likelihood, comment, now);
        em.flush();
        events.completed(s);
        LOG.infof("survey %s answered", s.id());
        return s;
    }

    /**
     * Issues a fresh single-use link for a survey the caller may act on (agents any, a manager the team's):
     * the previous token stops working, the expiry is unchanged, and the issue is recorded (who, when).
     * The survey row is locked, so an issue and an answer (or two issues) are serialised. 404 outside the
     * caller's scope, 409 survey.answered, 410 survey.expired.
     */
    public Sent issueLink(UUID id, Scope caller) {
        Survey s = em.find(Survey.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || !mayAct(s.team(), caller)) {
            throw ApiProblem.notFound("survey", id);
        }
        Instant now = now();
        switch (s.statusAt(now)) {
            case ANSWERED -> throw ApiProblem.duplicate("survey.answered",
                    "this survey was already answered; no new link is issued");
            case EXPIRED -> throw new ApiProblem(410, "gone", "Gone", "this survey expired at " + s.expiresAt()
                    + "; no new link is issued", "survey.expired", null);
            default -> {
            }
        }
        String token = newToken();
        s.issueLink(hash(token), caller.userId(), now);
        em.createNativeQuery("INSERT INTO survey_link_issue (survey_id, issued_by, issued_at) VALUES (:s, :by, :at)")
                .setParameter("s", s.id()).setParameter("by", caller.userId()).setParameter("at", now).executeUpdate();
        em.flush();
        LOG.infof("survey %s: new link issued by %s (the previous one no longer works)", s.id(), caller.userId());
        return new Sent(s, token);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Survey visible(UUID id, Scope caller) {
        Survey s = em.find(Survey.class, id);
        if (s == null || !sees(s, caller)) {
            throw ApiProblem.notFound("survey", id);
        }
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Survey> list(Scope caller, Survey.Status status, UUID customerId, PageParams page) {
        return query(Survey.class, "SELECT s", caller, status, customerId, " ORDER BY s.sentAt DESC, s.id")
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Scope caller, Survey.Status status, UUID customerId) {
        return query(Long.class, "SELECT COUNT(s)", caller, status, customerId, "").getSingleResult();
    }

    private <T> TypedQuery<T> query(Class<T> type, String select, Scope caller, Survey.Status status, UUID customerId,
            String order) {
        StringBuilder where = new StringBuilder(" FROM Survey s WHERE 1 = 1");
        boolean team = !seesAll(caller);
        if (team) {
            where.append(" AND s.team = :team");
        }
        if (customerId != null) {
            where.append(" AND s.customerId = :customer");
        }
        if (status == Survey.Status.ANSWERED) {
            where.append(" AND s.status = 'ANSWERED'");
        } else if (status == Survey.Status.SENT) {
            where.append(" AND s.status = 'SENT' AND s.expiresAt > :now");
        } else if (status == Survey.Status.EXPIRED) {
            where.append(" AND s.status = 'SENT' AND s.expiresAt <= :now");
        }
        TypedQuery<T> q = em.createQuery(select + where + order, type);
        if (team) {
            q.setParameter("team", caller.team() == null ? Scope.NO_TEAM : caller.team());
        }
        if (customerId != null) {
            q.setParameter("customer", customerId);
        }
        if (status == Survey.Status.SENT || status == Survey.Status.EXPIRED) {
            q.setParameter("now", now());
        }
        return q;
    }

    private static boolean seesAll(Scope caller) {
        return caller.seesAllAs(Roles.AFTERSALES_AGENT);
    }

    private static boolean sees(Survey s, Scope caller) {
        return seesAll(caller) || caller.managesTeam(s.team());
    }

    /** Agents and directors survey any customer; a manager their team's. */
    private static boolean mayAct(String team, Scope caller) {
        return seesAll(caller) || caller.managesTeam(team);
    }

    private void requireNotTooSoon(UUID customerId, SurveyPolicy policy) {
        if (tooSoon(customerId, policy, now())) {
            throw ApiProblem.ruleViolated("survey.too-soon", "customer " + customerId + " was sent a survey within the last "
                    + policy.minDaysBetweenSurveysPerCustomer() + " days (aftersales.survey v" + policy.version() + ")");
        }
    }

    /**
     * Whether the customer was sent a survey within the policy's days. Takes a transaction-scoped lock on
     * the customer first, so two concurrent sends for one customer cannot both pass the check.
     */
    private boolean tooSoon(UUID customerId, SurveyPolicy policy, Instant now) {
        em.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtextextended(:c, 17)) AS VARCHAR)")
                .setParameter("c", customerId.toString()).getSingleResult();
        Instant since = now.minus(Duration.ofDays(policy.minDaysBetweenSurveysPerCustomer()));
        return em.createQuery("SELECT COUNT(s) FROM Survey s WHERE s.customerId = :c AND s.sentAt > :since", Long.class)
                .setParameter("c", customerId).setParameter("since", since).getSingleResult() > 0;
    }

    private Sent send(UUID customerId, UUID caseId, UUID orderId, String repId, String team, Survey.Trigger trigger,
            UUID campaignId, String sentBy, SurveyPolicy policy) {
        String token = newToken();
        Instant now = now();
        Survey s = Survey.send(hash(token), customerId, caseId, orderId, repId, team, trigger, campaignId, sentBy, now,
                now.plus(Duration.ofDays(policy.linkValidDays())));
        em.persist(s);
        return new Sent(s, token);
    }

    /** 32 random bytes (256 bits), base64url without padding. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the token, hex: what the table keeps. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
