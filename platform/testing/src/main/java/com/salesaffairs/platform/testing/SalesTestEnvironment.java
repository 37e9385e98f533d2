package com.salesaffairs.platform.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Everything a service test needs beyond PostgreSQL (which the test command prepares): the shared
 * in-JVM Kafka broker, and token verification switched to the test signing key with the same
 * issuer and audience checks as production. Pruning of outbox, inbox and idempotency rows runs
 * only when a test calls it, so a test that counts rows is not raced by the schedule.
 */
public class SalesTestEnvironment implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", KafkaTestBroker.bootstrapServers(),
                "quarkus.oidc.public-key", TestTokens.publicKey(),
                "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                "quarkus.oidc.token.audience", TestTokens.AUDIENCE,
                "sales.outbox.prune-interval", "off",
                "sales.retention.prune-interval", "off");
    }

    @Override
    public void stop() {
        // the broker lives for the whole test JVM and stops with it
    }
}
