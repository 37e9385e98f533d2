package com.salesaffairs.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads the fields of an inbound event's JSON payload as its contract states them. A field that is
 * missing or breaks the contract throws the exception the caller's {@code invalid} function makes
 * from a message naming the field, so each service keeps its own exception type (and with it the
 * dead-letter reason). Unknown fields are ignored: producers may add fields within a major version.
 *
 * <p>Missing fields read as "{@code <what> without <field>}"; other problems as
 * "{@code <fieldPrefix><field> <problem>}".
 */
public final class PayloadFields {
    private final JsonNode node;
    private final String what;
    private final String fieldPrefix;
    private final boolean textMustBeString;
    private final Function<String, ? extends RuntimeException> invalid;

    private PayloadFields(JsonNode node, String what, String fieldPrefix, boolean textMustBeString,
            Function<String, ? extends RuntimeException> invalid) {
        this.node = node;
        this.what = what;
        this.fieldPrefix = fieldPrefix;
        this.textMustBeString = textMustBeString;
        this.invalid = invalid;
    }

    /**
     * Fields named bare in messages; a text field holding something other than a string reads as
     * absent.
     */
    public static PayloadFields lenient(JsonNode node, String what, Function<String, ? extends RuntimeException> invalid) {
        return new PayloadFields(node, what, "", false, invalid);
    }

    /**
     * Fields named {@code fieldPrefix + field} in messages; a text field holding something other
     * than a string is invalid.
     */
    public static PayloadFields strict(JsonNode node, String what, String fieldPrefix,
            Function<String, ? extends RuntimeException> invalid) {
        return new PayloadFields(node, what, fieldPrefix, true, invalid);
    }

    /**
     * The event's payload read {@link #lenient leniently}; a payload that is not JSON at all throws
     * the reader's own exception, one that is not an object the caller's.
     */
    public static PayloadFields lenient(ObjectReader reader, EventEnvelope event, String what,
            Function<String, ? extends RuntimeException> invalid) throws JsonProcessingException {
        return lenient(object(reader, event, invalid), what, invalid);
    }

    /**
     * The event's payload read {@link #strict strictly}, named after the event type
     * ("{@code <type> without <field>}", "{@code <type> field <field> ...}"); a payload that is not
     * a JSON object, or not JSON at all, is the caller's exception too.
     */
    public static PayloadFields strict(ObjectReader reader, EventEnvelope event,
            Function<String, ? extends RuntimeException> invalid) {
        JsonNode node;
        try {
            node = object(reader, event, invalid);
        } catch (JsonProcessingException e) {
            throw invalid.apply(event.type() + " payload is not JSON: " + e.getOriginalMessage());
        }
        return strict(node, event.type(), event.type() + " field ", invalid);
    }

    /** A reader that keeps 1234.10 a BigDecimal instead of passing it through a double. */
    public static ObjectReader reader(ObjectMapper json) {
        return json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The event's payload, which must be a JSON object; text that is not JSON at all is left to the caller. */
    public static JsonNode object(ObjectReader reader, EventEnvelope event,
            Function<String, ? extends RuntimeException> invalid) throws JsonProcessingException {
        JsonNode payload = reader.readTree(event.data());
        if (payload == null || !payload.isObject()) {
            throw invalid.apply(event.type() + " payload is not a JSON object");
        }
        return payload;
    }

    /** The same reading rules for a nested object. */
    public PayloadFields nested(JsonNode child) {
        return new PayloadFields(child, what, fieldPrefix, textMustBeString, invalid);
    }

    /** The raw value of a field ({@link JsonNode#isMissingNode() missing} if absent). */
    public JsonNode node(String field) {
        return node.path(field);
    }

    /** "{@code <what> without <field>}". */
    public RuntimeException missing(String field) {
        return invalid.apply(what + " without " + field);
    }

    /** "{@code <fieldPrefix><field> <problem>}". */
    public RuntimeException invalid(String field, String problem) {
        return invalid.apply(fieldPrefix + field + " " + problem);
    }

    public String text(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    /** The text of a field, or null if it is absent or blank. */
    public String optionalText(String field) {
        JsonNode value = node.path(field);
        if (textMustBeString && !value.isMissingNode() && !value.isNull() && !value.isTextual()) {
            throw invalid(field, "must be a string");
        }
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    public UUID uuid(String field) {
        UUID value = optionalUuid(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    public UUID optionalUuid(String field) {
        String value = optionalText(field);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "'" + value + "' is not a UUID");
        }
    }

    /** Money as written, from a JSON number. */
    public BigDecimal money(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw missing(field);
        }
        if (!value.isNumber()) {
            throw invalid(field, "must be a JSON number");
        }
        return value.decimalValue();
    }

    public BigDecimal optionalMoney(String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : money(field);
    }

    public int integer(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw missing(field);
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw invalid(field, "must be a JSON integer");
        }
        return value.intValue();
    }

    /** A whole number that may exceed an int (versions, minutes). */
    public long longInteger(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw missing(field);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(field, "must be a JSON integer");
        }
        return value.longValue();
    }

    /** A JSON integer, or null when the field is absent or null. */
    public Integer optionalInteger(String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : integer(field);
    }

    /** An ISO date ({@code 2026-12-31}), or null when absent. */
    public LocalDate optionalDate(String field) {
        String value = optionalText(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + value + "' is not an ISO-8601 date");
        }
    }

    public boolean bool(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw missing(field);
        }
        if (!value.isBoolean()) {
            throw invalid(field, "must be a JSON boolean");
        }
        return value.booleanValue();
    }

    public Instant instant(String field) {
        String value = text(field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + value + "' is not an ISO-8601 UTC instant");
        }
    }

    /** The objects of an array field, read by the same rules; a missing array is an error, an empty one is not. */
    public List<PayloadFields> objects(String field) {
        JsonNode value = node.path(field);
        if (!value.isArray()) {
            throw invalid(field, "must be an array");
        }
        List<PayloadFields> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isObject()) {
                throw invalid(field, "must hold objects");
            }
            items.add(nested(item));
        }
        return items;
    }

    /** The value of an enumerated field that may be absent or null; a value the contract does not list is an error. */
    public <E extends Enum<E>> E optionalChoice(String field, Class<E> values) {
        return optionalText(field) == null ? null : choice(field, values);
    }

    /** The value of an enumerated field; a value the contract does not list is an error. */
    public <E extends Enum<E>> E choice(String field, Class<E> values) {
        String value = text(field);
        try {
            return Enum.valueOf(values, value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "'" + value + "' is not one of " + Arrays.toString(values.getEnumConstants()));
        }
    }
}
