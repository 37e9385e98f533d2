package com.salesaffairs.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import com.salesaffairs.platform.config.SalesConfig;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.events.InvalidEnvelopeException;
import com.salesaffairs.platform.events.TraceContext;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one way a service consumes events: read the CloudEvents headers, then apply the handler and
 * record the {@code ce_id} in one transaction, so a redelivered event changes nothing. A failing
 * event is tried a few times, then thrown back to the connector, whose dead-letter strategy sends
 * it to {@code <topic>.dlq} with the reason.
 */
@ApplicationScoped
public class InboundEvents {
    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final Inbox inbox;
    private final SalesConfig config;

    public InboundEvents(Inbox inbox, SalesConfig config) {
        this.inbox = inbox;
        this.config = config;
    }

    /**
     * Applies the record once per consumer if its type is one the consumer wants. A topic carries
     * every event of its domain; the types a consumer does not use cost no transaction and leave
     * no inbox row. A record without a type goes on, to fail as an invalid event.
     */
    public boolean apply(ConsumerRecord<String, String> record, String consumer, Set<String> types,
            EventHandler handler) {
        Header type = record.headers().lastHeader(EventEnvelope.H_TYPE);
        if (type != null && type.value() != null
                && !types.contains(new String(type.value(), StandardCharsets.UTF_8))) {
            return false;
        }
        return apply(record, consumer, handler);
    }

    /**
     * Applies the record once per consumer.
     *
     * @param consumer names the effect (a service may apply one event in two places)
     * @return true if the handler ran, false for a duplicate
     */
    public boolean apply(ConsumerRecord<String, String> record, String consumer, EventHandler handler) {
        EventEnvelope event;
        try {
            event = EventEnvelope.fromHeaders(headers(record), record.value());
        } catch (InvalidEnvelopeException e) {
            LOG.warnf("record %s-%d@%d is not a valid event: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            throw e;
        }
        int attempts = Math.max(1, config.inbox().attempts());
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                // Events the handler writes continue the consumed event's trace.
                return TraceContext.consuming(event.traceparent(), () -> QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(event, consumer)) {
                        LOG.debugf("duplicate event %s (%s) ignored by %s", event.id(), event.type(), consumer);
                        return false;
                    }
                    handler.apply(event);
                    return true;
                }));
            } catch (RuntimeException e) {
                last = e;
                LOG.warnf("applying event %s (%s) in %s failed, attempt %d of %d: %s", event.id(), event.type(),
                        consumer, attempt, attempts, rootMessage(e));
                pause(attempt);
            }
        }
        throw new EventApplicationFailed("event " + event.id() + " (" + event.type() + ") failed " + attempts
                + " times in " + consumer + ": " + rootMessage(last), last);
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(config.inbox().retryDelay().toMillis() * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
