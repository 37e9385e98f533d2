package com.salesaffairs.platform.problem;

/** One invalid field of a request. */
public record Violation(String field, String message) {
}
