package com.salesaffairs.platform.inbox;

import com.salesaffairs.platform.events.EventEnvelope;

/** Applies one incoming event; runs inside the transaction that also records it in the inbox. */
@FunctionalInterface
public interface EventHandler {
    void apply(EventEnvelope event) throws Exception;
}
