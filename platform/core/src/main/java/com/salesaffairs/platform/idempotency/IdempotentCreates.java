package com.salesaffairs.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.Versioned;

/**
 * {@code Idempotency-Key} for creating POSTs (docs/rest-conventions.md): the same key with the same body
 * replays the first response; with another body it is a 422. The record is written in the
 * create's own transaction, so a failed create leaves no key behind and a retry can succeed.
 */
@ApplicationScoped
public class IdempotentCreates {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;
    /** The first key of the two-key advisory locks taken for Idempotency-Keys (ASCII "IK"). */
    private static final int ADVISORY_LOCK_SPACE = 0x494B;

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotentCreates(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code create} unless this caller already sent the key for this operation.
     *
     * @param key the header value, or null to create without idempotency
     */
    @Transactional
    public <T> Response create(String key, String caller, String operation, Object request, Supplier<Created<T>> create) {
        if (key == null) {
            return created(create.get());
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiProblem.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(request);
        awaitEarlierRequestWithKey(key, caller, operation);
        IdempotencyRecord earlier = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(key, caller, operation));
        if (earlier != null) {
            if (!earlier.requestHash.equals(hash)) {
                throw ApiProblem.ruleViolated("idempotency-key.reused",
                        "Idempotency-Key " + key + " was already used with a different request body");
            }
            Response.ResponseBuilder replay = Response.status(earlier.status).header(REPLAYED_HEADER, "true")
                    .type("application/json").entity(earlier.body);
            if (earlier.location != null) {
                replay.header("Location", earlier.location);
            }
            versionOf(earlier.body).ifPresent(v -> replay.tag(new EntityTag(Long.toString(v))));
            return replay.build();
        }
        Created<T> result = create.get();
        IdempotencyRecord record = new IdempotencyRecord();
        record.idempotencyKey = key;
        record.caller = caller;
        record.operation = operation;
        record.requestHash = hash;
        record.status = 201;
        record.location = result.location().toString();
        record.body = write(result.body());
        record.createdAt = clock.instant();
        em.persist(record);
        return created(result);
    }

    /**
     * A double click sends the key twice at once: the second waits here until the first has committed
     * (or rolled back) and then replays it, instead of both creating and one failing on the key.
     */
    private void awaitEarlierRequestWithKey(String key, String caller, String operation) {
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:space, hashtext(:key))")
                .setParameter("space", ADVISORY_LOCK_SPACE).setParameter("key", caller + '\n' + operation + '\n' + key)
                .getSingleResult();
    }

    /** 201 with Location, and the new resource's version as its ETag where it has one. */
    private static <T> Response created(Created<T> result) {
        Response.ResponseBuilder created = Response.created(result.location()).entity(result.body());
        if (result.body() instanceof Versioned v) {
            created.tag(new EntityTag(Long.toString(v.version())));
        }
        return created.build();
    }

    /** The version a replayed body carries, so the replay has the ETag the first answer had. */
    private Optional<Long> versionOf(String body) {
        try {
            JsonNode version = json.readTree(body).path("version");
            return version.isIntegralNumber() ? Optional.of(version.asLong()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
