package com.salesaffairs.platform.events;

/** An event that does not follow the CloudEvents contract of docs/events.md; retrying cannot help. */
public class InvalidEnvelopeException extends RuntimeException {
    public InvalidEnvelopeException(String message) {
        super(message);
    }
}
