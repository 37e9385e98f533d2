package com.salesaffairs.reporting.service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.reporting.service.ProjectionRebuildChannels.Channel;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Rebuilds every read model from the topics (issue 15, capability 1), while the current tables keep
 * serving:
 * <ol>
 * <li>PREPARING: empty copies of the read-model tables in {@code read_model_rebuild};</li>
 * <li>REPLAYING: a plain KafkaConsumer (assigned, no group, nothing committed) reads every consumed
 * topic-partition from its beginning to the end offsets of that moment; each record goes through the
 * live consumer's own {@code @Incoming} method, inbox included, with the transactions pointed at the
 * copies ({@link ProjectionRebuildGate});</li>
 * <li>CATCHING_UP: once more to the new end offsets, without blocking anyone;</li>
 * <li>SWAPPING: in one transaction holding the advisory lock exclusively (live consumers wait at the
 * gate), read to the end offsets of that instant, move the copies into {@code public}, and record the
 * positions as watermarks. Readers see the old tables up to the commit and the new ones after it.</li>
 * </ol>
 * One rebuild at a time: a second request while one runs is refused (409) by a unique index. A rebuild
 * that stops (error, restart) leaves the live tables as they were; one whose progress has not moved for
 * {@code reporting.rebuild.abandoned-after} counts as abandoned and no longer blocks a new request.
 */
@ApplicationScoped
public class ProjectionRebuildService {
    private static final Logger LOG = Logger.getLogger(ProjectionRebuildService.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final EntityManager em;
    private final ProjectionRebuildGate gate;
    private final ProjectionRebuildChannels channels;
    private final ProjectionRebuildSchema schema;
    private final Clock clock;
    private final String bootstrapServers;
    private final Duration abandonedAfter;
    private final Duration swapTimeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "read-model-rebuild");
        t.setDaemon(true);
        return t;
    });
    /** For tests: runs before the catch-up, on the rebuild's thread, while the old tables serve. */
    private volatile Runnable beforeCatchUp = () -> {
    };

    public ProjectionRebuildService(EntityManager em, ProjectionRebuildGate gate, ProjectionRebuildChannels channels,
            ProjectionRebuildSchema schema, Clock clock,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "reporting.rebuild.abandoned-after", defaultValue = "PT10M") Duration abandonedAfter,
            @ConfigProperty(name = "reporting.rebuild.swap-timeout", defaultValue = "PT10M") Duration swapTimeout) {
        this.em = em;
        this.gate = gate;
        this.channels = channels;
        this.schema = schema;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
        this.abandonedAfter = abandonedAfter;
        this.swapTimeout = swapTimeout;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Starts a rebuild in the background; 409 while another runs. */
    public ProjectionRebuildProgress start(String requestedBy) {
        UUID id = UUID.randomUUID();
        boolean started = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = now();
            em.createNativeQuery("""
                    UPDATE projection_rebuild SET state = 'FAILED', finished_at = :now, updated_at = :now,
                        error = 'abandoned: no progress since ' || CAST(updated_at AS text)
                    WHERE state = 'RUNNING' AND updated_at < :stale""")
                    .setParameter("now", now).setParameter("stale", now.minus(abandonedAfter)).executeUpdate();
            return em.createNativeQuery("""
                    INSERT INTO projection_rebuild (id, state, phase, requested_by, started_at, updated_at)
                    VALUES (:id, 'RUNNING', 'PREPARING', :by, :now, :now) ON CONFLICT DO NOTHING""")
                    .setParameter("id", id).setParameter("by", requestedBy).setParameter("now", now)
                    .executeUpdate() == 1;
        });
        if (!started) {
            throw ApiProblem.duplicate("projection-rebuild.one-at-a-time",
                    "a rebuild of the read models is already running; follow it at GET /api/v1/admin/projections/rebuild");
        }
        LOG.infof("read-model rebuild %s requested by %s", id, requestedBy);
        worker.submit(() -> run(id));
        return find(id).orElseThrow();
    }

    public Optional<ProjectionRebuildProgress> latest() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> ids = em.createNativeQuery(
                    "SELECT id FROM projection_rebuild ORDER BY started_at DESC, id LIMIT 1").getResultList();
            return ids.isEmpty() ? Optional.<ProjectionRebuildProgress>empty() : load((UUID) ids.get(0));
        });
    }

    public Optional<ProjectionRebuildProgress> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> load(id));
    }

    /** For tests: something to do on the rebuild's thread after the replay, before the catch-up. */
    public void beforeCatchUp(Runnable hook) {
        this.beforeCatchUp = hook == null ? () -> {
        } : hook;
    }

    void run(UUID id) {
        List<String> tables = List.of();
        try {
            tables = schema.tables();
            List<Channel> consumed = channels.channels();
            record(id, "PREPARING", "channels = :channels, tables = :tables",
                    Map.of("channels", String.join(",", consumed.stream().map(Channel::name).toList()),
                            "tables", String.join(",", tables)));
            schema.prepare(tables);
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
                Replay replay = new Replay(id, consumer, consumed);
                replay.assign();
                record(id, "REPLAYING", null, Map.of());
                replay.readTo(consumer.endOffsets(replay.partitions()));
                beforeCatchUp.run();
                record(id, "CATCHING_UP", null, Map.of());
                replay.readTo(consumer.endOffsets(replay.partitions()));
                schema.analyze(tables);
                record(id, "SWAPPING", null, Map.of());
                List<String> swapped = tables;
                Instant giveUp = now().plus(swapTimeout);
                for (int attempt = 1;; attempt++) {
                    try {
                        swapOnce(id, replay, swapped);
                        break;
                    } catch (RuntimeException e) {
                        if (!lockTimedOut(e) || now().isAfter(giveUp)) {
                            throw e;
                        }
                        // a long report query holds a read-model table: let it finish, serve on, and try again
                        LOG.infof("rebuild %s: swap attempt %d waited too long for a table lock; trying again", id, attempt);
                        record(id, "SWAPPING", null, Map.of());
                        Thread.sleep(SWAP_RETRY_PAUSE.toMillis());
                    }
                }
                LOG.infof("read-model rebuild %s swapped in: %d events read, %d failed", id, replay.read,
                        replay.failed);
            }
        } catch (Throwable e) {
            LOG.errorf(e, "read-model rebuild %s failed; the live read models are unchanged", id);
            try {
                schema.discard();
            } catch (RuntimeException cleanup) {
                LOG.warnf("could not drop the rebuild schema: %s", cleanup.getMessage());
            }
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    UPDATE projection_rebuild SET state = 'FAILED', finished_at = :now, updated_at = :now, error = :error
                    WHERE id = :id""").setParameter("now", now())
                    .setParameter("error", message.length() > 2000 ? message.substring(0, 2000) : message)
                    .setParameter("id", id).executeUpdate());
        }
    }

    /** How long the swap waits for a read-model table before it lets the readers go and tries again. */
    private static final String SWAP_LOCK_TIMEOUT = "5s";
    private static final Duration SWAP_RETRY_PAUSE = Duration.ofSeconds(2);

    /**
     * One try at the swap, in one transaction: the live consumers held by the exclusive advisory
     * lock, every read-model table locked at once in name order with a bounded wait (so a long report query
     * delays the swap instead of queueing every reader behind it, and two lockers never deadlock), the last
     * events read, the tables swapped and the watermarks written, and the run marked SWAPPED only if it is
     * still RUNNING (a run another request declared abandoned meanwhile rolls its swap back).
     */
    private void swapOnce(UUID id, Replay replay, List<String> tables) {
        QuarkusTransaction.requiringNew().timeout((int) swapTimeout.toSeconds()).call(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                    .setParameter("key", ProjectionRebuildGate.LOCK_KEY).getSingleResult();
            em.createNativeQuery("SET LOCAL lock_timeout = '" + SWAP_LOCK_TIMEOUT + "'").executeUpdate();
            schema.lockAll(tables);
            replay.readTo(replay.consumer.endOffsets(replay.partitions()));
            schema.swap(tables);
            replay.watermarks();
            Instant now = now();
            if (em.createNativeQuery("""
                    UPDATE projection_rebuild SET state = 'SWAPPED', phase = 'DONE', swapped_at = :now,
                        finished_at = :now, updated_at = :now WHERE id = :id AND state = 'RUNNING'""")
                    .setParameter("now", now).setParameter("id", id).executeUpdate() == 0) {
                // declared abandoned meanwhile: roll the swap back rather than finish a run that is no longer ours
                throw new IllegalStateException("rebuild " + id + " is no longer RUNNING: not swapping");
            }
            return null;
        });
    }

    /** True when PostgreSQL gave up waiting for a lock (SQLSTATE 55P03) somewhere in the cause chain. */
    private static boolean lockTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The reading side of one rebuild: positions, counts, and applying each record through its channel. */
    private final class Replay {
        private final UUID id;
        private final KafkaConsumer<String, String> consumer;
        private final Map<String, Channel> byTopic = new LinkedHashMap<>();
        private final List<TopicPartition> partitions = new ArrayList<>();
        private long read;
        private long failed;

        Replay(UUID id, KafkaConsumer<String, String> consumer, List<Channel> consumed) {
            this.id = id;
            this.consumer = consumer;
            for (Channel channel : consumed) {
                byTopic.put(channel.topic(), channel);
            }
        }

        List<TopicPartition> partitions() {
            return partitions;
        }

        void assign() {
            for (Channel channel : byTopic.values()) {
                List<PartitionInfo> infos = consumer.partitionsFor(channel.topic(), Duration.ofSeconds(30));
                if (infos == null) {
                    continue; // the topic does not exist yet: nothing to replay
                }
                for (PartitionInfo info : infos) {
                    partitions.add(new TopicPartition(info.topic(), info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            QuarkusTransaction.requiringNew().run(() -> {
                for (TopicPartition tp : partitions) {
                    em.createNativeQuery("""
                            INSERT INTO projection_rebuild_partition (rebuild_id, channel, topic, partition_no, position, end_offset)
                            VALUES (:id, :channel, :topic, :partition, :position, :end)""")
                            .setParameter("id", id).setParameter("channel", byTopic.get(tp.topic()).name())
                            .setParameter("topic", tp.topic()).setParameter("partition", tp.partition())
                            .setParameter("position", consumer.position(tp)).setParameter("end", ends.get(tp))
                            .executeUpdate();
                }
            });
        }

        /** Reads every partition up to (at least) its end offset, applying each record into the copies. */
        void readTo(Map<TopicPartition, Long> ends) throws Exception {
            progress(ends);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                Map<String, List<ConsumerRecord<String, String>>> byTopicPoll = new LinkedHashMap<>();
                for (ConsumerRecord<String, String> record : records) {
                    byTopicPoll.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record);
                }
                for (List<ConsumerRecord<String, String>> poll : byTopicPoll.values()) {
                    apply(byTopic.get(poll.get(0).topic()), poll);
                }
                progress(ends);
            }
        }

        /** A poll's records of one topic: in one call when the consumer has a batch way, else one by one. */
        private void apply(Channel channel, List<ConsumerRecord<String, String>> poll) {
            if (channel.batch() != null) {
                try {
                    failed += gate.into(ProjectionRebuildGate.REBUILD_SCHEMA, () -> channel.deliverAll(poll));
                    read += poll.size();
                    return;
                } catch (Exception e) {
                    LOG.warnf("rebuild %s: a batch of %d from %s failed as a whole (%s); one by one", id, poll.size(),
                            channel.topic(), e.getMessage());
                }
            }
            for (ConsumerRecord<String, String> record : poll) {
                read++;
                try {
                    gate.into(ProjectionRebuildGate.REBUILD_SCHEMA, () -> {
                        channel.deliver(record);
                        return null;
                    });
                } catch (Exception e) {
                    // what the live consumer sent to the dead-letter topic is not applied here either
                    failed++;
                    LOG.warnf("rebuild %s: %s-%d@%d not applied: %s", id, record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                }
            }
        }

        private void progress(Map<TopicPartition, Long> ends) {
            Map<TopicPartition, Long> positions = new HashMap<>();
            for (TopicPartition tp : partitions) {
                positions.put(tp, consumer.position(tp));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                for (TopicPartition tp : partitions) {
                    em.createNativeQuery("""
                            UPDATE projection_rebuild_partition SET position = :position, end_offset = :end
                            WHERE rebuild_id = :id AND topic = :topic AND partition_no = :partition""")
                            .setParameter("position", positions.get(tp)).setParameter("end", ends.get(tp))
                            .setParameter("id", id).setParameter("topic", tp.topic())
                            .setParameter("partition", tp.partition()).executeUpdate();
                }
                em.createNativeQuery("""
                        UPDATE projection_rebuild SET events_read = :read, events_failed = :failed, updated_at = :now
                        WHERE id = :id""").setParameter("read", read).setParameter("failed", failed)
                        .setParameter("now", now()).setParameter("id", id).executeUpdate();
            });
        }

        /** In the swap's transaction: below these offsets, the swapped-in tables hold every event. */
        void watermarks() {
            for (TopicPartition tp : partitions) {
                em.createNativeQuery("""
                        INSERT INTO projection_watermark (topic, partition_no, applied_before, rebuild_id)
                        VALUES (:topic, :partition, :before, :id)
                        ON CONFLICT (topic, partition_no)
                        DO UPDATE SET applied_before = EXCLUDED.applied_before, rebuild_id = EXCLUDED.rebuild_id""")
                        .setParameter("topic", tp.topic()).setParameter("partition", tp.partition())
                        .setParameter("before", consumer.position(tp)).setParameter("id", id).executeUpdate();
            }
        }
    }

    private Properties consumerConfig() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-read-model-rebuild");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        return config;
    }

    private void record(UUID id, String phase, String assignments, Map<String, Object> parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery("UPDATE projection_rebuild SET phase = :phase, updated_at = :now"
                    + (assignments == null ? "" : ", " + assignments) + " WHERE id = :id")
                    .setParameter("phase", phase).setParameter("now", now()).setParameter("id", id);
            parameters.forEach(q::setParameter);
            q.executeUpdate();
        });
    }

    @SuppressWarnings("unchecked")
    private Optional<ProjectionRebuildProgress> load(UUID id) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, state, phase, requested_by, channels, tables, events_read, events_failed, started_at,
                       updated_at, swapped_at, finished_at, error
                FROM projection_rebuild WHERE id = :id""").setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        List<ProjectionRebuildProgress.Partition> partitions = ((List<Object[]>) em.createNativeQuery("""
                SELECT channel, topic, partition_no, position, end_offset FROM projection_rebuild_partition
                WHERE rebuild_id = :id ORDER BY topic, partition_no""").setParameter("id", id).getResultList())
                .stream()
                .map(p -> new ProjectionRebuildProgress.Partition((String) p[0], (String) p[1],
                        ((Number) p[2]).intValue(), ((Number) p[3]).longValue(), ((Number) p[4]).longValue()))
                .toList();
        return Optional.of(new ProjectionRebuildProgress((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                list(r[4]), list(r[5]), ((Number) r[6]).longValue(), ((Number) r[7]).longValue(), instant(r[8]),
                instant(r[9]), instant(r[10]), instant(r[11]), (String) r[12], partitions));
    }

    private static List<String> list(Object csv) {
        return csv == null || csv.toString().isEmpty() ? List.of() : Arrays.asList(csv.toString().split(","));
    }

    private static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Instant i) {
            return i;
        }
        if (column instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (column instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + column.getClass());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
