package com.salesaffairs.platform.events;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A CloudEvents 1.0 event in Kafka binary mode: the attributes travel as {@code ce_*} headers,
 * the payload is the record value (JSON). One record type for both directions.
 */
public record EventEnvelope(
        UUID id,
        String source,
        String type,
        String subject,
        Instant time,
        String traceparent,
        String data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public static final String H_SPECVERSION = "ce_specversion";
    public static final String H_ID = "ce_id";
    public static final String H_SOURCE = "ce_source";
    public static final String H_TYPE = "ce_type";
    public static final String H_SUBJECT = "ce_subject";
    public static final String H_TIME = "ce_time";
    public static final String H_CONTENT_TYPE = "content-type";
    public static final String H_TRACEPARENT = "traceparent";

    /** sales.&lt;aggregate&gt;.&lt;past-tense&gt;.v&lt;major&gt; */
    private static final Pattern TYPE = Pattern.compile("^sales\\.[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*$");
    private static final Pattern SOURCE = Pattern.compile("^/[a-z]+(-[a-z]+)*$");

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new InvalidEnvelopeException("ce_type '" + type + "' is not sales.<aggregate>.<past-tense>.v<major>");
        }
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new InvalidEnvelopeException("ce_source '" + source + "' is not a /<service> path");
        }
        if (subject == null || subject.isBlank()) {
            throw new InvalidEnvelopeException("ce_subject (the aggregate id) is required");
        }
    }

    public static boolean isValidType(String type) {
        return type != null && TYPE.matcher(type).matches();
    }

    /** The major version of the type: {@code sales.order.settled.v1} is 1. */
    public int majorVersion() {
        return Integer.parseInt(type.substring(type.lastIndexOf(".v") + 2));
    }

    /** The headers of this event in Kafka binary mode, in a stable order. */
    public Map<String, String> headers() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put(H_SPECVERSION, SPEC_VERSION);
        headers.put(H_ID, id.toString());
        headers.put(H_SOURCE, source);
        headers.put(H_TYPE, type);
        headers.put(H_SUBJECT, subject);
        headers.put(H_TIME, time.toString());
        headers.put(H_CONTENT_TYPE, CONTENT_TYPE);
        if (traceparent != null) {
            headers.put(H_TRACEPARENT, traceparent);
        }
        return headers;
    }

    /** Reads an event back from Kafka headers and value; a missing or malformed attribute is an error. */
    public static EventEnvelope fromHeaders(Map<String, String> headers, String value) {
        Map<String, String> h = new HashMap<>(headers);
        if (!SPEC_VERSION.equals(h.get(H_SPECVERSION))) {
            throw new InvalidEnvelopeException("ce_specversion must be 1.0, was " + h.get(H_SPECVERSION));
        }
        if (value == null) {
            throw new InvalidEnvelopeException("event has no data");
        }
        UUID id;
        Instant time;
        try {
            id = UUID.fromString(required(h, H_ID));
            time = Instant.parse(required(h, H_TIME));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new InvalidEnvelopeException("malformed ce_id or ce_time: " + e.getMessage());
        }
        return new EventEnvelope(id, required(h, H_SOURCE), required(h, H_TYPE), required(h, H_SUBJECT), time,
                h.get(H_TRACEPARENT), value);
    }

    private static String required(Map<String, String> headers, String name) {
        String v = headers.get(name);
        if (v == null || v.isBlank()) {
            throw new InvalidEnvelopeException("missing header " + name);
        }
        return v;
    }
}
