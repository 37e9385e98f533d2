package com.salesaffairs.platform.testing;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker inside the test JVM, started once and shared by every
 * test of the run. If {@code SALES_TEST_KAFKA} names a running broker, that one is used instead.
 */
public final class KafkaTestBroker {
    private static KafkaClusterTestKit cluster;
    private static String bootstrapServers;

    private KafkaTestBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers != null) {
            return bootstrapServers;
        }
        String external = System.getenv("SALES_TEST_KAFKA");
        if (external != null && !external.isBlank()) {
            bootstrapServers = external;
            return bootstrapServers;
        }
        try {
            // Our own directory: Kafka's default temp directories are deleted by a JVM shutdown hook
            // of their own, racing the broker's shutdown, and a broker that loses its log directory
            // halts the JVM with status 1, which fails a green test run. close() deletes this one
            // after the broker has stopped.
            java.nio.file.Path base = java.nio.file.Files.createTempDirectory("sales-kafka-test-");
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setBaseDirectory(base)
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            bootstrapServers = cluster.bootstrapServers();
            Runtime.getRuntime().addShutdownHook(new Thread(KafkaTestBroker::stop, "kafka-test-broker-stop"));
            return bootstrapServers;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test Kafka broker", e);
        }
    }

    private static synchronized void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // the JVM is going away
            }
            cluster = null;
        }
    }
}
