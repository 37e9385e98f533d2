package com.salesaffairs.platform.inbox;

/** An event that could not be applied after every attempt; the connector routes it to the DLQ. */
public class EventApplicationFailed extends RuntimeException {
    public EventApplicationFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
