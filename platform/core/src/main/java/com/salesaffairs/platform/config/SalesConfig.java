package com.salesaffairs.platform.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings every service shares, under the {@code sales.} prefix. */
@ConfigMapping(prefix = "sales")
public interface SalesConfig {

    /** The service's name: consumer group id and CloudEvents source ({@code /order-service}). */
    String serviceName();

    Outbox outbox();

    Inbox inbox();

    Idempotency idempotency();

    Retention retention();

    TokenCache tokenCache();

    interface Outbox {
        /** Most events published per relay round. */
        @WithDefault("200")
        int batchSize();

        @WithDefault("PT0.5S")
        Duration backoffInitial();

        @WithDefault("PT30S")
        Duration backoffMax();

        /** How long one send may take before it counts as failed (the broker is down). */
        @WithDefault("PT10S")
        Duration sendTimeout();

        /** How long a published row stays in the outbox. */
        @WithDefault("P7D")
        Duration retention();

        /** How often published rows past the retention are deleted (a scheduler period, or "off"). */
        @WithDefault("10m")
        String pruneInterval();

        /** Rows read per pruning transaction. */
        @WithDefault("1000")
        int pruneBatchSize();
    }

    interface Inbox {
        /** Attempts at applying one event before it goes to the dead-letter topic. */
        @WithDefault("3")
        int attempts();

        @WithDefault("PT0.2S")
        Duration retryDelay();

        /**
         * How long an inbox row stays: longer than any topic keeps its events, or a redelivered
         * event would apply twice.
         */
        @WithDefault("P30D")
        Duration retention();
    }

    interface Idempotency {
        /** How long a client may retry a create with the same {@code Idempotency-Key} and get the first answer. */
        @WithDefault("P7D")
        Duration retention();
    }

    /** Pruning of inbox rows and idempotency records ({@code RecordRetention}). */
    interface Retention {
        /** A scheduler period, or "off". */
        @WithDefault("1h")
        String pruneInterval();

        /** Rows deleted per transaction. */
        @WithDefault("1000")
        int pruneBatchSize();
    }

    /** Bearer tokens verified once and then recognised until they expire. */
    interface TokenCache {
        @WithDefault("true")
        boolean enabled();

        /** Distinct tokens remembered at most; beyond that new tokens are verified every time. */
        @WithDefault("10000")
        int maxEntries();

        /** Longest a verified token is honoured without verifying it again, however late it expires. */
        @WithDefault("PT5M")
        Duration maxAge();
    }
}
