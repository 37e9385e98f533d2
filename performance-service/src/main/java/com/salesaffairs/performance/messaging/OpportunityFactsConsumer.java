package com.salesaffairs.performance.messaging;

import java.math.BigDecimal;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.salesaffairs.performance.domain.InvalidKpiFact;
import com.salesaffairs.performance.domain.KpiFigures;
import com.salesaffairs.performance.domain.OpportunityOutcome;
import com.salesaffairs.performance.domain.OpportunityOutcome.Outcome;
import com.salesaffairs.performance.service.KpiFactService;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.platform.events.PayloadFields;
import com.salesaffairs.platform.inbox.InboundEvents;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Win rate per rep from opportunity-service's {@code sales.opportunity.won.v1}, {@code .lost.v1} and
 * {@code .reopened.v1}; the rep is the opportunity's assignee, the newest {@code version} wins.
 */
@ApplicationScoped
public class OpportunityFactsConsumer {
    private static final Logger LOG = Logger.getLogger(OpportunityFactsConsumer.class);
    static final String WON = "sales.opportunity.won.v1";
    static final String LOST = "sales.opportunity.lost.v1";
    static final String REOPENED = "sales.opportunity.reopened.v1";
    static final String CONSUMER = "rep-win-rate";

    private final InboundEvents inbound;
    private final KpiFactService facts;
    private final ObjectReader reader;

    public OpportunityFactsConsumer(InboundEvents inbound, KpiFactService facts, ObjectMapper json) {
        this.inbound = inbound;
        this.facts = facts;
        this.reader = PayloadFields.reader(json);
    }

    @Incoming("opportunity-events")
    @Blocking
    public void onEvent(ConsumerRecord<String, String> record) {
        inbound.apply(record, CONSUMER, Set.of(WON, LOST, REOPENED), this::apply);
    }

    void apply(EventEnvelope event) throws Exception {
        Outcome outcome = switch (event.type()) {
            case WON -> Outcome.WON;
            case LOST -> Outcome.LOST;
            case REOPENED -> Outcome.OPEN;
            default -> null;
        };
        if (outcome == null) {
            return;
        }
        PayloadFields opportunity = PayloadFields.lenient(reader, event, "opportunity fact", InvalidKpiFact::new);
        if (opportunity.optionalText("assigneeId") == null) {
            // The contract allows an unassigned opportunity; it is nobody's win or loss.
            LOG.infof("opportunity %s has no assignee; %s counts for no rep", opportunity.optionalText("opportunityId"),
                    event.type());
            return;
        }
        facts.opportunity(outcome(opportunity, outcome));
    }

    static OpportunityOutcome outcome(PayloadFields opportunity, Outcome outcome) {
        BigDecimal amount = opportunity.optionalMoney("estimatedAmount");
        String currency = opportunity.optionalText("currency");
        // kept for information only (the win rate counts opportunities); in CNY or not at all
        if (amount != null && (currency != null && !KpiFigures.CURRENCY.equals(currency)
                || amount.stripTrailingZeros().scale() > 2 || amount.signum() < 0)) {
            amount = null;
        }
        return new OpportunityOutcome(opportunity.uuid("opportunityId"), opportunity.text("assigneeId"),
                opportunity.optionalText("team"), opportunity.optionalText("region"), outcome, amount,
                opportunity.integer("version"), outcome == Outcome.OPEN ? null : opportunity.instant("closedAt"));
    }
}
