package com.salesaffairs.performance.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.salesaffairs.performance.domain.InvalidKpiFact;
import com.salesaffairs.platform.events.EventEnvelope;

/**
 * Reads the fields of an inbound fact's payload; a field that breaks the contract throws the
 * caller's {@link InvalidKpiFact}, naming the field, which sends the event to the DLQ with that reason.
 */
final class FactFields {
    private final JsonNode node;
    private final String what;
    private final Function<String, ? extends InvalidKpiFact> invalid;

    private FactFields(JsonNode node, String what, Function<String, ? extends InvalidKpiFact> invalid) {
        this.node = node;
        this.what = what;
        this.invalid = invalid;
    }

    /** Money as written: 1234.10 must not pass through a double on its way to the ledger. */
    static ObjectReader reader(ObjectMapper json) {
        return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    static FactFields of(ObjectReader reader, EventEnvelope event, String what,
            Function<String, ? extends InvalidKpiFact> invalid) throws Exception {
        JsonNode payload = reader.readTree(event.data());
        if (payload == null || !payload.isObject()) {
            throw invalid.apply(event.type() + " payload is not a JSON object");
        }
        return new FactFields(payload, what, invalid);
    }

    static FactFields of(JsonNode node, String what, Function<String, ? extends InvalidKpiFact> invalid) {
        return new FactFields(node, what, invalid);
    }

    InvalidKpiFact missing(String field) {
        return invalid.apply(what + " without " + field);
    }

    String text(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    String optionalText(String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    UUID uuid(String field) {
        UUID value = optionalUuid(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    UUID optionalUuid(String field) {
        String value = optionalText(field);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid.apply(field + " '" + value + "' is not a UUID");
        }
    }

    BigDecimal money(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw missing(field);
        }
        if (!value.isNumber()) {
            throw invalid.apply(field + " must be a JSON number");
        }
        return value.decimalValue();
    }

    BigDecimal optionalMoney(String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : money(field);
    }

    int integer(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw missing(field);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid.apply(field + " must be a JSON integer");
        }
        return value.intValue();
    }

    boolean bool(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw missing(field);
        }
        if (!value.isBoolean()) {
            throw invalid.apply(field + " must be a JSON boolean");
        }
        return value.booleanValue();
    }

    Instant instant(String field) {
        String value = text(field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid.apply(field + " '" + value + "' is not an ISO-8601 UTC instant");
        }
    }
}
