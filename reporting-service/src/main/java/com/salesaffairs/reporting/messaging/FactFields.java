package com.salesaffairs.reporting.messaging;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.events.PayloadFields;

/** Readings the platform's {@link PayloadFields} lacks, shared by reporting's consumers. */
final class FactFields {
    private FactFields() {
    }

    /** A whole number that may exceed an int (versions). */
    static long wholeLong(PayloadFields fields, String field) {
        JsonNode value = fields.node(field);
        if (value.isMissingNode() || value.isNull()) {
            throw fields.missing(field);
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw fields.invalid(field, "must be a JSON integer");
        }
        return value.longValue();
    }

    /** A JSON integer, or null when the field is absent or null. */
    static Integer optionalInteger(PayloadFields fields, String field) {
        JsonNode value = fields.node(field);
        return value.isMissingNode() || value.isNull() ? null : fields.integer(field);
    }

    /** A whole count added to a contract later: absent (an older producer) reads as 0. */
    static int countOrZero(PayloadFields fields, String field) {
        Integer value = optionalInteger(fields, field);
        return value == null ? 0 : value;
    }

    /** An ISO date ({@code 2026-12-31}), or null when absent. */
    static LocalDate optionalDate(PayloadFields fields, String field) {
        String value = fields.optionalText(field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw fields.invalid(field, "'" + value + "' is not an ISO-8601 date");
        }
    }

    /** The value of an enumerated field that may be absent or null. */
    static <E extends Enum<E>> E optionalChoice(PayloadFields fields, String field, Class<E> values) {
        return fields.optionalText(field) == null ? null : fields.choice(field, values);
    }
}
