package com.salesaffairs.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PayloadFieldsTest {
    static class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }

    enum Colour { RED, BLUE }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID ID = UUID.fromString("7a1c5a8e-2f0b-4c1e-9d3a-0b6f1f0e2a11");

    private static JsonNode tree(String json) throws Exception {
        return PayloadFields.reader(JSON).readTree(json);
    }

    private static PayloadFields lenient(String json) throws Exception {
        return PayloadFields.lenient(tree(json), "order fact", Invalid::new);
    }

    private static PayloadFields strict(String json) throws Exception {
        return PayloadFields.strict(tree(json), "order.settled.v1", "order.settled.v1 field ", Invalid::new);
    }

    private static String message(Runnable read) {
        return assertThrows(Invalid.class, read::run).getMessage();
    }

    @Test
    void reads_the_fields_as_written() throws Exception {
        PayloadFields f = lenient("""
                {"id":"%s","name":"a","blank":" ","amount":12345678901234567.89,"count":3,"ok":true,
                 "at":"2026-05-01T10:00:00Z","colour":"RED","lines":[{"sku":"x"}]}""".formatted(ID));
        assertEquals(ID, f.uuid("id"));
        assertEquals("a", f.text("name"));
        assertNull(f.optionalText("blank"));
        assertNull(f.optionalUuid("none"));
        assertEquals(0, new BigDecimal("12345678901234567.89").compareTo(f.money("amount")), "no detour through a double");
        assertNull(f.optionalMoney("none"));
        assertEquals(3, f.integer("count"));
        assertTrue(f.bool("ok"));
        assertEquals(Instant.parse("2026-05-01T10:00:00Z"), f.instant("at"));
        assertEquals(Colour.RED, f.choice("colour", Colour.class));
        List<PayloadFields> lines = f.objects("lines");
        assertEquals("x", lines.get(0).text("sku"));
    }

    @Test
    void a_missing_or_broken_field_is_the_caller_s_exception_naming_it() throws Exception {
        PayloadFields f = lenient("{\"id\":\"nope\",\"amount\":\"12\",\"count\":1.5,\"ok\":1,\"at\":\"May\",\"name\":7}");
        assertEquals("order fact without orderId", message(() -> f.text("orderId")));
        assertEquals("order fact without name", message(() -> f.text("name")), "lenient: a number is no text");
        assertEquals("id 'nope' is not a UUID", message(() -> f.uuid("id")));
        assertEquals("amount must be a JSON number", message(() -> f.money("amount")));
        assertEquals("count must be a JSON integer", message(() -> f.integer("count")));
        assertEquals("ok must be a JSON boolean", message(() -> f.bool("ok")));
        assertEquals("at 'May' is not an ISO-8601 UTC instant", message(() -> f.instant("at")));
    }

    @Test
    void strict_fields_are_named_with_the_prefix_and_text_must_be_a_string() throws Exception {
        PayloadFields f = strict("{\"name\":7,\"colour\":\"GREEN\",\"lines\":[1],\"one\":{}}");
        assertEquals("order.settled.v1 field name must be a string", message(() -> f.optionalText("name")));
        assertEquals("order.settled.v1 without sku", message(() -> f.text("sku")));
        assertEquals("order.settled.v1 field colour 'GREEN' is not one of [RED, BLUE]",
                message(() -> f.choice("colour", Colour.class)));
        assertEquals("order.settled.v1 field lines must hold objects", message(() -> f.objects("lines")));
        assertEquals("order.settled.v1 field one must be an array", message(() -> f.objects("one")));
    }

    @Test
    void optional_readers_give_null_when_absent_and_refuse_what_is_broken() throws Exception {
        PayloadFields f = lenient("""
                {"version":9876543210,"score":4,"on":"2026-12-31","colour":"BLUE","bad":"31/12","big":1.5,"hue":"PINK"}""");
        assertEquals(9876543210L, f.longInteger("version"));
        assertEquals(4, f.optionalInteger("score"));
        assertEquals(null, f.optionalInteger("none"));
        assertEquals(java.time.LocalDate.parse("2026-12-31"), f.optionalDate("on"));
        assertEquals(null, f.optionalDate("none"));
        assertEquals(Colour.BLUE, f.optionalChoice("colour", Colour.class));
        assertEquals(null, f.optionalChoice("none", Colour.class));
        assertEquals("order fact without none", message(() -> f.longInteger("none")));
        assertEquals("big must be a JSON integer", message(() -> f.longInteger("big")));
        assertEquals("big must be a JSON integer", message(() -> f.optionalInteger("big")));
        assertEquals("bad '31/12' is not an ISO-8601 date", message(() -> f.optionalDate("bad")));
        assertTrue(message(() -> f.optionalChoice("hue", Colour.class)).startsWith("hue 'PINK' is not one of"));
    }

    @Test
    void a_payload_must_be_a_json_object() throws Exception {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), "/order-service", "sales.order.settled.v1", "o-1",
                Instant.now(), null, "[1]");
        assertEquals("sales.order.settled.v1 payload is not a JSON object",
                assertThrows(Invalid.class, () -> PayloadFields.object(PayloadFields.reader(JSON), event, Invalid::new))
                        .getMessage());
    }
}
