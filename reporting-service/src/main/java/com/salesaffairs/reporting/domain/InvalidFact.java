package com.salesaffairs.reporting.domain;

/** An event whose payload breaks its contract; retrying cannot help, so it ends on the dead-letter topic. */
public class InvalidFact extends IllegalArgumentException {
    public InvalidFact(String message) {
        super(message);
    }
}
