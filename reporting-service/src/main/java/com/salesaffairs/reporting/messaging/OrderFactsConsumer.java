package com.salesaffairs.reporting.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.events.PayloadFields;
import com.salesaffairs.platform.inbox.InboundEvents;
import com.salesaffairs.reporting.domain.InvalidFact;
import com.salesaffairs.reporting.domain.RefundFact;
import com.salesaffairs.reporting.domain.SalesFact;
import com.salesaffairs.reporting.domain.SalesFactLine;
import com.salesaffairs.reporting.repository.SalesFactBatch;
import com.salesaffairs.reporting.service.FactRecorder;
import com.salesaffairs.reporting.service.ProjectionRebuildGate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the sales read models from {@code sales.order.settled.v1} and {@code sales.order.refunded.v1};
 * every other order event is only recorded in the inbox.
 *
 * <p>The channel is consumed a poll at a time ({@code batch=true}): one transaction records the poll's
 * events in the inbox and stores the settled orders among the first deliveries with one statement
 * each ({@link SalesFactBatch}). The outcome per event is the platform's {@link InboundEvents}: applied
 * once per consumer, a copy under the same ce_id or of a stored order changes nothing. An event that
 * cannot be read, and every event of a poll whose transaction fails, goes the per-event way instead
 * ({@link #onEvent}: retries, then the dead-letter topic with the reason, that event alone). Per event,
 * the ingest spent its time on five statements and a commit; see README "Benchmark".
 */
@ApplicationScoped
public class OrderFactsConsumer {
    static final String SETTLED = "sales.order.settled.v1";
    static final String REFUNDED = "sales.order.refunded.v1";
    static final String CONSUMER = "sales-read-model";
    static final Set<String> TYPES = Set.of(SETTLED, REFUNDED);
    private static final Logger LOG = Logger.getLogger(OrderFactsConsumer.class);

    private final InboundEvents inbound;
    private final FactRecorder recorder;
    private final SalesFactBatch batch;
    private final ProjectionRebuildGate gate;
    private final ObjectReader reader;
    private final Clock clock;

    public OrderFactsConsumer(InboundEvents inbound, FactRecorder recorder, SalesFactBatch batch,
            ProjectionRebuildGate gate, ObjectMapper json, Clock clock) {
        this.inbound = inbound;
        this.recorder = recorder;
        this.batch = batch;
        this.gate = gate;
        this.reader = PayloadFields.reader(json);
        this.clock = clock;
    }

    /** A read event of the poll, ready to apply. */
    private record Read(ConsumerRecord<String, String> record, EventEnvelope event, SalesFact settled, RefundFact refund) {
    }

    @Incoming("order-events")
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> poll) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(poll.getRecords().size());
        Map<ConsumerRecord<String, String>, KafkaRecord<String, String>> messages = new IdentityHashMap<>();
        for (KafkaRecord<String, String> message : poll.getRecords()) {
            @SuppressWarnings("unchecked")
            ConsumerRecord<String, String> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(m -> (ConsumerRecord<String, String>) m.getRecord()).orElseThrow();
            records.add(record);
            messages.put(record, message);
        }
        Map<ConsumerRecord<String, String>, RuntimeException> failed = applyAll(records);
        // The failed events go to the dead-letter topic one by one (the failure strategy acknowledges each
        // once it is there); then the poll is acknowledged up to its last offset per partition.
        List<CompletableFuture<Void>> dead = new ArrayList<>();
        Set<KafkaRecord<String, String>> nacked = new HashSet<>();
        failed.forEach((record, cause) -> {
            KafkaRecord<String, String> message = messages.get(record);
            nacked.add(message);
            dead.add(message.nack(cause).toCompletableFuture());
        });
        return CompletableFuture.allOf(dead.toArray(CompletableFuture[]::new)).thenCompose(done -> CompletableFuture.allOf(
                poll.getLatestOffsetRecords().values().stream().filter(m -> !nacked.contains(m))
                        .map(m -> m.ack().toCompletableFuture()).toArray(CompletableFuture[]::new)));
    }

    /** One event the per-event way (also what a projection rebuild replays). */
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.apply(record, CONSUMER, TYPES, ProjectionRebuildGate.live(record, this::apply));
    }

    /**
     * Applies a poll's events; returns those that failed (after the per-event way's retries), with the
     * cause for the dead-letter topic.
     */
    public Map<ConsumerRecord<String, String>, RuntimeException> applyAll(List<ConsumerRecord<String, String>> records) {
        List<Read> reads = new ArrayList<>();
        List<ConsumerRecord<String, String>> oneByOne = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Header type = record.headers().lastHeader(EventEnvelope.H_TYPE);
            if (type != null && type.value() != null && !TYPES.contains(new String(type.value(), StandardCharsets.UTF_8))) {
                continue; // not a sales fact: no transaction, no inbox row (as InboundEvents)
            }
            try {
                EventEnvelope event = EventEnvelope.fromHeaders(headers(record), record.value());
                PayloadFields fields = PayloadFields.strict(reader, event, InvalidFact::new);
                reads.add(SETTLED.equals(event.type()) ? new Read(record, event, settled(fields), null)
                        : new Read(record, event, null, refunded(fields)));
            } catch (RuntimeException unreadable) {
                oneByOne.add(record); // fails again there, with the platform's retries and reason
            }
        }
        if (!reads.isEmpty()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyReads(reads));
            } catch (RuntimeException e) {
                LOG.warnf("a poll of %d order events failed as a whole (%s); applying them one by one", reads.size(),
                        e.getMessage());
                reads.forEach(r -> oneByOne.add(r.record()));
            }
        }
        Map<ConsumerRecord<String, String>, RuntimeException> failed = new IdentityHashMap<>();
        for (ConsumerRecord<String, String> record : oneByOne) {
            try {
                onEvent(record);
            } catch (RuntimeException e) {
                failed.put(record, e);
            }
        }
        return failed;
    }

    private void applyReads(List<Read> reads) {
        Set<UUID> first = batch.firstDeliveries(reads.stream().map(Read::event).toList(), CONSUMER, clock.instant());
        // After the inbox rows, as the live gate does per event: the rebuild lock, and the swapped-in watermark.
        Set<ConsumerRecord<String, String>> admitted = Collections.newSetFromMap(new IdentityHashMap<>());
        admitted.addAll(gate.admitted(reads.stream().filter(r -> first.contains(r.event().id())).map(Read::record).toList()));
        List<SalesFact> settled = new ArrayList<>();
        Set<UUID> applied = new HashSet<>();
        for (Read r : reads) {
            if (!admitted.contains(r.record()) || !applied.add(r.event().id())) {
                continue; // a copy: already in the inbox, earlier in this poll, or in the rebuilt tables
            }
            if (r.settled() != null) {
                settled.add(r.settled());
            } else {
                recorder.refunded(r.refund());
            }
        }
        Set<UUID> stored = batch.addIfNew(settled);
        LOG.debugf("order events: %d in the poll, %d first deliveries, %d settled orders stored, %d copies ignored",
                reads.size(), first.size(), stored.size(), settled.size() - stored.size());
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case SETTLED -> recorder.settled(settled(PayloadFields.strict(reader, event, InvalidFact::new)));
            case REFUNDED -> recorder.refunded(refunded(PayloadFields.strict(reader, event, InvalidFact::new)));
            default -> {
                // not a sales fact; the inbox row is all that is kept
            }
        }
    }

    private SalesFact settled(PayloadFields order) {
        List<SalesFactLine> lines = order.objects("lines").stream()
                .map(l -> new SalesFactLine(l.text("sku"), l.optionalText("category"), wholeNumber(l, "quantity"),
                        l.money("netAmount"), l.money("costAmount")))
                .toList();
        return SalesFact.settled(order.uuid("orderId"), order.optionalText("orderNumber"), order.uuid("customerId"),
                seller(order), order.text("currency"), order.money("netAmount"), order.money("costAmount"),
                order.instant("settledAt"), lines, clock.instant());
    }

    private RefundFact refunded(PayloadFields refund) {
        return RefundFact.refunded(refund.uuid("refundId"), refund.uuid("orderId"), refund.optionalUuid("customerId"),
                seller(refund), refund.text("currency"), refund.money("amount"), refund.instant("refundedAt"),
                clock.instant());
    }

    private static SalesFact.Seller seller(PayloadFields fact) {
        return new SalesFact.Seller(fact.text("ownerId"), fact.optionalText("team"), fact.optionalText("region"),
                fact.optionalText("channel"));
    }

    /** A whole number; a missing field is no whole number either. */
    private static int wholeNumber(PayloadFields fields, String field) {
        JsonNode value = fields.node(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw fields.invalid(field, "must be a whole number");
        }
        return value.intValue();
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }
}
