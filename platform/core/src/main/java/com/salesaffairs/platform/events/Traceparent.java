package com.salesaffairs.platform.events;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * W3C trace context (traceparent) for the events a service writes: a child of the trace that
 * caused the write (the HTTP request's {@code traceparent} header, or the consumed event's), so a
 * finance or ERP consumer can follow one business action across services; a fresh sampled root
 * where there is none or it is malformed.
 */
public final class Traceparent {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** version-traceid-parentid-flags, lowercase hex; version ff is invalid by the specification. */
    private static final Pattern FORMAT = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_PARENT = "0".repeat(16);

    private Traceparent() {
    }

    public static String newRoot() {
        byte[] trace = new byte[16];
        RANDOM.nextBytes(trace);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + newSpanId() + "-01";
    }

    /** A new span in the caller's trace, keeping its trace id and flags; a new root if there is no valid parent. */
    public static String childOf(String parent) {
        if (parent == null) {
            return newRoot();
        }
        var m = FORMAT.matcher(parent.trim());
        if (!m.matches() || m.group(1).equals("ff") || m.group(2).equals(ZERO_TRACE) || m.group(3).equals(ZERO_PARENT)) {
            return newRoot();
        }
        return "00-" + m.group(2) + "-" + newSpanId() + "-" + m.group(4);
    }

    private static String newSpanId() {
        byte[] span = new byte[8];
        do {
            RANDOM.nextBytes(span);
        } while (HexFormat.of().formatHex(span).equals(ZERO_PARENT));
        return HexFormat.of().formatHex(span);
    }
}
