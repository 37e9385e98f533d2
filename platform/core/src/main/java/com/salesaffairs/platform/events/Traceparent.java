package com.salesaffairs.platform.events;

import java.security.SecureRandom;
import java.util.HexFormat;

/** W3C trace context for events written without an incoming trace: a fresh sampled root. */
public final class Traceparent {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Traceparent() {
    }

    public static String newRoot() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
