package com.salesaffairs.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes real Kafka topics from a test, as an outside consumer or producer would. */
public final class EventProbe {

    /** One record as a consumer sees it. */
    public record Received(String topic, String key, Map<String, String> headers, String value) {
        public String type() {
            return headers.get("ce_type");
        }

        public String id() {
            return headers.get("ce_id");
        }
    }

    private EventProbe() {
    }

    /** Waits until a record on the topic matches, reading from the beginning; fails after the timeout. */
    public static Received await(String topic, Predicate<Received> match, Duration timeout) {
        List<Received> seen = readUntil(topic, match, timeout);
        return seen.stream().filter(match).findFirst().orElseThrow(() -> new AssertionError(
                "no matching event on " + topic + " within " + timeout + "; saw " + seen.size() + " records"));
    }

    /** Every record on the topic that matches, read from the beginning for the given time. */
    public static List<Received> all(String topic, Predicate<Received> match, Duration window) {
        return readUntil(topic, r -> false, window).stream().filter(match).toList();
    }

    private static List<Received> readUntil(String topic, Predicate<Received> stop, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<Received> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    Received received = new Received(r.topic(), r.key(), headers(r), r.value());
                    seen.add(received);
                    if (stop.test(received)) {
                        return seen;
                    }
                }
            }
        }
        return seen;
    }

    /** Publishes a CloudEvent in binary mode, as another service's relay would. */
    public static void publish(String topic, String key, Map<String, String> headers, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish test event", e);
        }
    }

    /** The CloudEvents headers for a test event of the given type. */
    public static Map<String, String> cloudEventHeaders(String id, String source, String type, String subject) {
        Map<String, String> headers = new HashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_source", source);
        headers.put("ce_type", type);
        headers.put("ce_subject", subject);
        headers.put("ce_time", java.time.Instant.now().toString());
        headers.put("content-type", "application/json");
        return headers;
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
