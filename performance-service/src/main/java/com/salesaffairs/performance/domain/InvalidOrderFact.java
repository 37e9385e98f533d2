package com.salesaffairs.performance.domain;

/** An order event whose payload breaks the contract; retrying cannot help, so it goes to the DLQ. */
public class InvalidOrderFact extends InvalidKpiFact {
    public InvalidOrderFact(String message) {
        super(message);
    }
}
