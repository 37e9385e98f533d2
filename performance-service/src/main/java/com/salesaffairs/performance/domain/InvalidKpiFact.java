package com.salesaffairs.performance.domain;

/**
 * An inbound KPI fact (order, survey, opportunity outcome, report) whose payload breaks the
 * contract; retrying cannot help, so after the platform's retries it goes to the topic's DLQ.
 */
public class InvalidKpiFact extends IllegalArgumentException {
    public InvalidKpiFact(String message) {
        super(message);
    }
}
