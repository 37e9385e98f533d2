package com.salesaffairs.platform.events;

import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.arc.Arc;

/**
 * The trace an event written now belongs to: the event being consumed on this thread, else the
 * HTTP request being served, else none ({@link com.salesaffairs.platform.outbox.Outbox} then
 * starts a new root).
 */
public final class TraceContext {
    private static final ThreadLocal<String> CONSUMING = new ThreadLocal<>();

    private TraceContext() {
    }

    /** Runs {@code work} on this thread as part of the consumed event's trace. */
    public static <T> T consuming(String traceparent, Supplier<T> work) {
        String outer = CONSUMING.get();
        CONSUMING.set(traceparent);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CONSUMING.remove();
            } else {
                CONSUMING.set(outer);
            }
        }
    }

    /** The caller's traceparent, or null. */
    public static String current() {
        String consumed = CONSUMING.get();
        if (consumed != null) {
            return consumed;
        }
        if (Arc.container() != null && Arc.container().requestContext().isActive()) {
            return Arc.container().instance(RequestTrace.class).get().traceparent();
        }
        return null;
    }

    /** The {@code traceparent} header of the request being served (methods only: it is reached through a proxy). */
    @RequestScoped
    public static class RequestTrace {
        private String traceparent;

        public String traceparent() {
            return traceparent;
        }

        public void traceparent(String value) {
            traceparent = value;
        }
    }

    /** Keeps the request's {@code traceparent} header for the events the request writes. */
    public static class HeaderFilter {
        private final RequestTrace trace;

        public HeaderFilter(RequestTrace trace) {
            this.trace = trace;
        }

        @ServerRequestFilter
        public void capture(ContainerRequestContext request) {
            String header = request.getHeaderString(EventEnvelope.H_TRACEPARENT);
            if (header != null) {
                trace.traceparent(header);
            }
        }
    }
}
