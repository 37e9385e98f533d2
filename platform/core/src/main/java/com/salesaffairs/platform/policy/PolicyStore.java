package com.salesaffairs.platform.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.config.SalesConfig;
import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.problem.Violation;

/**
 * The versioned policy store (docs/policies.md). A change is a draft by one person, approved by
 * another, effective from a date; the version in force at a moment is the newest approved one
 * whose date has come. Every approval is published as {@code sales.policy.changed.v1}.
 */
@ApplicationScoped
@Transactional
public class PolicyStore {
    private static final Logger LOG = Logger.getLogger(PolicyStore.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Outbox outbox;
    private final SalesConfig config;
    private final Map<String, PolicyContentValidator> validators;

    public PolicyStore(EntityManager em, ObjectMapper json, Clock clock, Outbox outbox, SalesConfig config,
            Instance<PolicyContentValidator> validators) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.outbox = outbox;
        this.config = config;
        this.validators = validators.stream()
                .collect(Collectors.toMap(PolicyContentValidator::policyKey, v -> v));
    }

    /** The version in force now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PolicyVersion> active(String key) {
        return inForceAt(key, clock.instant());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PolicyVersion> inForceAt(String key, Instant at) {
        return em.createQuery("""
                FROM PolicyVersion p WHERE p.policyKey = :key AND p.status IN (:approved, :active, :retired)
                AND p.effectiveFrom <= :at ORDER BY p.effectiveFrom DESC, p.version DESC""", PolicyVersion.class)
                .setParameter("key", key)
                .setParameter("approved", PolicyStatus.APPROVED)
                .setParameter("active", PolicyStatus.ACTIVE)
                .setParameter("retired", PolicyStatus.RETIRED)
                .setParameter("at", at)
                .setMaxResults(1)
                // A list of at most one: a result stream would open a scrollable cursor for it.
                .getResultList().stream().findFirst();
    }

    /** The content of the version in force, for a service's rules; a missing policy is a deployment error. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PolicyVersion require(String key) {
        return active(key).orElseThrow(() -> new IllegalStateException("no version of policy " + key + " is in force"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PolicyVersion> version(String key, int version) {
        return Optional.ofNullable(em.find(PolicyVersion.class, new PolicyVersion.Key(key, version)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PolicyVersion> versions(String key) {
        return em.createQuery("FROM PolicyVersion p WHERE p.policyKey = :key ORDER BY p.version", PolicyVersion.class)
                .setParameter("key", key).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> keys() {
        return em.createQuery("SELECT DISTINCT p.policyKey FROM PolicyVersion p ORDER BY p.policyKey", String.class)
                .getResultList();
    }

    public PolicyVersion draft(String key, JsonNode content, String rationale, Instant effectiveFrom,
            Instant reviewDueAt, String author) {
        if (versions(key).isEmpty()) {
            throw ApiProblem.notFound("policy", key);
        }
        if (content == null || !content.isObject()) {
            throw ApiProblem.invalid("content", "must be a JSON object");
        }
        PolicyContentValidator validator = validators.get(key);
        if (validator != null) {
            List<Violation> violations = validator.validate(content);
            if (!violations.isEmpty()) {
                throw new ApiProblem(400, "invalid-request", "Invalid request",
                        "content breaks the rules of policy " + key, null,
                        violations.stream().map(v -> new Violation("content." + v.field(), v.message())).toList());
            }
        }
        Integer last = em.createQuery("SELECT MAX(p.version) FROM PolicyVersion p WHERE p.policyKey = :key", Integer.class)
                .setParameter("key", key).setLockMode(LockModeType.NONE).getSingleResult();
        PolicyVersion draft = new PolicyVersion();
        draft.policyKey = key;
        draft.version = last + 1;
        draft.content = write(content);
        draft.status = PolicyStatus.DRAFT;
        draft.effectiveFrom = effectiveFrom;
        draft.reviewDueAt = reviewDueAt;
        draft.rationale = rationale;
        draft.author = author;
        draft.createdAt = clock.instant();
        em.persist(draft);
        em.flush();
        LOG.infof("policy %s v%d drafted by %s", key, draft.version, author);
        return draft;
    }

    /** Four eyes: the approver is never the author. */
    public PolicyVersion approve(String key, int version, String approver, String comment) {
        PolicyVersion draft = decidable(key, version, approver);
        Instant now = clock.instant();
        draft.approver = approver;
        draft.decidedAt = now;
        draft.decisionComment = comment;
        if (draft.effectiveFrom == null || draft.effectiveFrom.isBefore(now)) {
            draft.effectiveFrom = now;
        }
        draft.status = PolicyStatus.APPROVED;
        activateDue(key);
        outbox.record(Topics.POLICY, "policy", key, "sales.policy.changed.v1", changedEvent(draft));
        LOG.infof("policy %s v%d approved by %s, effective %s", key, version, approver, draft.effectiveFrom);
        return draft;
    }

    public PolicyVersion reject(String key, int version, String approver, String comment) {
        PolicyVersion draft = decidable(key, version, approver);
        draft.status = PolicyStatus.REJECTED;
        draft.approver = approver;
        draft.decidedAt = clock.instant();
        draft.decisionComment = comment;
        return draft;
    }

    /** Marks the version now in force ACTIVE and the one it replaced RETIRED. */
    public void activateDue(String key) {
        Optional<PolicyVersion> inForce = active(key);
        if (inForce.isEmpty()) {
            return;
        }
        for (PolicyVersion v : versions(key)) {
            if (v.version == inForce.get().version) {
                v.status = PolicyStatus.ACTIVE;
            } else if (v.status == PolicyStatus.ACTIVE) {
                v.status = PolicyStatus.RETIRED;
            }
        }
    }

    private PolicyVersion decidable(String key, int version, String decider) {
        PolicyVersion v = em.find(PolicyVersion.class, new PolicyVersion.Key(key, version), LockModeType.PESSIMISTIC_WRITE);
        if (v == null) {
            throw ApiProblem.notFound("policy version", key + " v" + version);
        }
        if (v.status != PolicyStatus.DRAFT) {
            throw ApiProblem.conflict("policy " + key + " v" + version + " is " + v.status + ", only a DRAFT can be decided");
        }
        if (v.author.equals(decider)) {
            throw ApiProblem.ruleViolated("policy.four-eyes", "the author of a policy change cannot decide it");
        }
        return v;
    }

    private Map<String, Object> changedEvent(PolicyVersion v) {
        return Map.of(
                "service", config.serviceName(),
                "policyKey", v.policyKey,
                "version", v.version,
                "effectiveFrom", v.effectiveFrom.toString(),
                "author", v.author,
                "approver", v.approver,
                "rationale", v.rationale,
                "content", read(v.content));
    }

    public JsonNode read(String content) {
        try {
            return json.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy content is not JSON", e);
        }
    }

    private String write(JsonNode content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
