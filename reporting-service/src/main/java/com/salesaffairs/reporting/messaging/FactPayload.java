package com.salesaffairs.reporting.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.salesaffairs.platform.events.EventEnvelope;
import com.salesaffairs.reporting.domain.InvalidFact;

/**
 * The fields of an event's JSON payload, read as the contract states them; a missing or mistyped
 * field is an {@link InvalidFact}. Unknown fields are ignored: producers may add fields within a
 * major version.
 */
final class FactPayload {
    private final String type;
    private final JsonNode node;

    private FactPayload(String type, JsonNode node) {
        this.type = type;
        this.node = node;
    }

    /** A reader that keeps 1234.10 a BigDecimal instead of passing it through a double. */
    static ObjectReader reader(ObjectMapper json) {
        return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    static FactPayload of(EventEnvelope event, ObjectReader reader) {
        JsonNode node;
        try {
            node = reader.readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new InvalidFact(event.type() + " payload is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidFact(event.type() + " payload is not a JSON object");
        }
        return new FactPayload(event.type(), node);
    }

    private FactPayload(FactPayload parent, JsonNode node) {
        this(parent.type, node);
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
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidFact(type + " field " + field + " must be a string");
        }
        return value.asText().isBlank() ? null : value.asText();
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
            throw new InvalidFact(type + " field " + field + " '" + value + "' is not a UUID");
        }
    }

    BigDecimal money(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw missing(field);
        }
        if (!value.isNumber()) {
            throw new InvalidFact(type + " field " + field + " must be a JSON number");
        }
        return value.decimalValue();
    }

    int wholeNumber(String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidFact(type + " field " + field + " must be a whole number");
        }
        return value.intValue();
    }

    Instant instant(String field) {
        String value = text(field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFact(type + " field " + field + " '" + value + "' is not an ISO-8601 UTC instant");
        }
    }

    /** The objects of an array field; a missing array is an error, an empty one is not. */
    List<FactPayload> objects(String field) {
        JsonNode value = node.path(field);
        if (!value.isArray()) {
            throw new InvalidFact(type + " field " + field + " must be an array");
        }
        List<FactPayload> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw new InvalidFact(type + " field " + field + " must hold objects");
            }
            items.add(new FactPayload(this, item));
        }
        return items;
    }

    /** The value of an enumerated field; a value the contract does not list is an error. */
    <E extends Enum<E>> E choice(String field, Class<E> values) {
        String value = text(field);
        try {
            return Enum.valueOf(values, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFact(type + " field " + field + " '" + value + "' is not one of "
                    + java.util.Arrays.toString(values.getEnumConstants()));
        }
    }

    private InvalidFact missing(String field) {
        return new InvalidFact(type + " without " + field);
    }
}
