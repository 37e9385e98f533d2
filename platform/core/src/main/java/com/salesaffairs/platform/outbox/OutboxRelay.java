package com.salesaffairs.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.salesaffairs.platform.config.SalesConfig;
import com.salesaffairs.platform.events.EventEnvelope;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes committed outbox rows to Kafka with {@code acks=all} and an idempotent producer.
 *
 * <p>One relay works at a time per database (a transaction-scoped advisory lock), so two
 * replicas of a service never publish the same row and events leave in the order they were
 * written; rows are also claimed with {@code FOR UPDATE SKIP LOCKED}. When the broker is
 * unreachable the whole relay backs off and retries the same rows in order, so nothing is lost
 * and nothing overtakes. A row the broker refuses for its own sake (too large...) backs off
 * alone, so it cannot block other aggregates; later events of its own aggregate wait behind it.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory-lock key shared by every replica of a service: "outbox" in ASCII. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final EntityManager em;
    private final Clock clock;
    private final SalesConfig config;
    private final String bootstrapServers;
    private final RetryBackoff backoff;
    private final Counter published;
    private final Counter failures;

    private KafkaProducer<String, String> producer;
    private int consecutiveFailures;
    private Instant pausedUntil = Instant.MIN;

    public OutboxRelay(EntityManager em, Clock clock, SalesConfig config, MeterRegistry metrics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.backoff = new RetryBackoff(config.outbox().backoffInitial(), config.outbox().backoffMax());
        this.published = metrics.counter("sales.outbox.published");
        this.failures = metrics.counter("sales.outbox.failures");
    }

    @Scheduled(every = "${sales.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (clock.instant().isBefore(pausedUntil)) {
            return;
        }
        try {
            int sent;
            do {
                sent = publishBatch();
            } while (sent >= config.outbox().batchSize());
        } catch (RuntimeException e) {
            // The database is away or the application is stopping; the rows wait for the next round.
            LOG.warnf("outbox relay round failed, will retry: %s", e.getMessage());
        }
    }

    /** Publishes one batch of due rows; returns how many were published. */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean leader = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(leader)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<OutboxEvent> batch = em.createNativeQuery("""
                    SELECT * FROM outbox_event o
                    WHERE o.published_at IS NULL AND o.next_attempt_at <= :now
                    AND NOT EXISTS (SELECT 1 FROM outbox_event e WHERE e.published_at IS NULL
                        AND e.aggregate_id = o.aggregate_id AND e.id < o.id AND e.next_attempt_at > :now)
                    ORDER BY o.id LIMIT :limit FOR UPDATE OF o SKIP LOCKED""", OutboxEvent.class)
                    .setParameter("now", clock.instant())
                    .setParameter("limit", config.outbox().batchSize())
                    .getResultList();
            return batch.isEmpty() ? 0 : send(batch);
        });
    }

    private int send(List<OutboxEvent> batch) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        KafkaProducer<String, String> kafka = producer();
        for (OutboxEvent event : batch) {
            Future<RecordMetadata> send = kafka.send(toRecord(event));
            sends.add(send);
            if (send.isDone() && failedAlready(send)) {
                // Metadata could not be fetched: the broker is away, sending more would only wait more.
                break;
            }
        }
        List<Long> delivered = new ArrayList<>(sends.size());
        Throwable brokerDown = null;
        long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
        for (int i = 0; i < sends.size(); i++) {
            OutboxEvent event = batch.get(i);
            Instant now = clock.instant();
            try {
                sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                delivered.add(event.id);
                published.increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                brokerDown = e;
                break;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                failures.increment();
                if (isBrokerLevel(cause)) {
                    RelayBookkeeping.brokerUnavailable(event, cause);
                    brokerDown = cause;
                    // Later rows stay pending untouched, so order is kept when the broker returns.
                    break;
                }
                RelayBookkeeping.failed(event, now, cause, backoff);
                LOG.warnf("outbox event %s (%s) refused by the broker, retry at %s: %s",
                        event.ceId, event.eventType, event.nextAttemptAt, cause.getMessage());
            }
        }
        markPublished(delivered);
        if (brokerDown != null) {
            consecutiveFailures++;
            pausedUntil = backoff.nextAttempt(clock.instant(), consecutiveFailures);
            LOG.warnf("outbox relay paused until %s after %d failed round(s): %s", pausedUntil, consecutiveFailures,
                    brokerDown.getMessage());
        } else {
            consecutiveFailures = 0;
        }
        return delivered.size();
    }

    /**
     * One statement for the whole batch rather than a full-row update per event: a delivered row
     * is published, its attempt counted and its last error cleared.
     */
    private void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                UPDATE outbox_event SET published_at = :at, attempts = attempts + 1, last_error = NULL
                WHERE id IN (:ids)""")
                .setParameter("at", clock.instant())
                .setParameter("ids", ids)
                .executeUpdate();
    }

    private static boolean isBrokerLevel(Throwable cause) {
        return cause instanceof RetriableException || cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException;
    }

    private static boolean failedAlready(Future<RecordMetadata> send) {
        try {
            send.get();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private ProducerRecord<String, String> toRecord(OutboxEvent event) {
        EventEnvelope envelope = new EventEnvelope(event.ceId, "/" + config.serviceName(),
                event.eventType, event.aggregateId, event.occurredAt, event.traceparent, event.payload);
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic, event.aggregateId, event.payload);
        for (Map.Entry<String, String> header : envelope.headers().entrySet()) {
            record.headers().add(new RecordHeader(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
            int timeout = (int) config.outbox().sendTimeout().toMillis();
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 2));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-outbox-relay");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
