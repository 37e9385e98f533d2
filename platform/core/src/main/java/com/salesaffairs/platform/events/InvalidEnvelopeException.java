package com.salesaffairs.platform.events;

/** An event that does not follow the CloudEvents contract of DESIGN section 5; retrying cannot help. */
public class InvalidEnvelopeException extends RuntimeException {
    public InvalidEnvelopeException(String message) {
        super(message);
    }
}
