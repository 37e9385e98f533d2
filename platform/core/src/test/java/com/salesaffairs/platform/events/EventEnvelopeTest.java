package com.salesaffairs.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static EventEnvelope settled() {
        return new EventEnvelope(UUID.randomUUID(), "/order-service", "sales.order.settled.v1", "order-1",
                Instant.parse("2026-11-27T10:00:00Z"), "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "{}");
    }

    @Test
    void headers_follow_cloudevents_binary_mode() {
        EventEnvelope e = settled();
        Map<String, String> h = e.headers();
        assertEquals("1.0", h.get("ce_specversion"));
        assertEquals(e.id().toString(), h.get("ce_id"));
        assertEquals("/order-service", h.get("ce_source"));
        assertEquals("sales.order.settled.v1", h.get("ce_type"));
        assertEquals("order-1", h.get("ce_subject"));
        assertEquals("2026-11-27T10:00:00Z", h.get("ce_time"));
        assertEquals("application/json", h.get("content-type"));
        assertEquals(e.traceparent(), h.get("traceparent"));
    }

    @Test
    void an_envelope_survives_the_round_trip_through_headers() {
        EventEnvelope e = settled();
        assertEquals(e, EventEnvelope.fromHeaders(e.headers(), e.data()));
    }

    @Test
    void type_names_follow_the_catalogue_convention() {
        assertTrue(EventEnvelope.isValidType("sales.order.payment-received.v1"));
        assertTrue(EventEnvelope.isValidType("sales.opportunity.stage-changed.v2"));
        assertFalse(EventEnvelope.isValidType("sales.order.settled"));
        assertFalse(EventEnvelope.isValidType("order.settled.v1"));
        assertFalse(EventEnvelope.isValidType("sales.Order.settled.v1"));
        assertFalse(EventEnvelope.isValidType("sales.order.settled.v0"));
        assertEquals(2, new EventEnvelope(UUID.randomUUID(), "/order-service", "sales.order.settled.v2", "x",
                Instant.now(), null, "{}").majorVersion());
    }

    @Test
    void missing_or_malformed_attributes_are_refused() {
        Map<String, String> h = new HashMap<>(settled().headers());
        h.remove("ce_id");
        assertThrows(InvalidEnvelopeException.class, () -> EventEnvelope.fromHeaders(h, "{}"));
        Map<String, String> badId = new HashMap<>(settled().headers());
        badId.put("ce_id", "not-a-uuid");
        assertThrows(InvalidEnvelopeException.class, () -> EventEnvelope.fromHeaders(badId, "{}"));
        Map<String, String> oldSpec = new HashMap<>(settled().headers());
        oldSpec.put("ce_specversion", "0.3");
        assertThrows(InvalidEnvelopeException.class, () -> EventEnvelope.fromHeaders(oldSpec, "{}"));
        assertThrows(InvalidEnvelopeException.class, () -> EventEnvelope.fromHeaders(settled().headers(), null));
        assertThrows(InvalidEnvelopeException.class, () -> new EventEnvelope(UUID.randomUUID(), "order-service",
                "sales.order.settled.v1", "x", Instant.now(), null, "{}"));
    }

    @Test
    void a_new_traceparent_is_a_sampled_w3c_root() {
        String t = Traceparent.newRoot();
        assertTrue(t.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), t);
        assertFalse(t.equals(Traceparent.newRoot()));
    }
}
