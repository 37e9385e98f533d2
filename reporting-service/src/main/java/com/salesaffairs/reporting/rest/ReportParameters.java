package com.salesaffairs.reporting.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.problem.Violation;
import com.salesaffairs.reporting.domain.Money;
import com.salesaffairs.reporting.domain.Granularity;
import com.salesaffairs.reporting.domain.ReportWindow;

/**
 * Reads a report's query parameters, collecting every bad one, so that a 400 names all the fields
 * to fix at once.
 */
final class ReportParameters {
    private final List<Violation> violations = new ArrayList<>();

    /** A required calendar date, {@code YYYY-MM-DD}. */
    LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "'" + value + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /** An optional choice among named values; blank means absent. */
    <T> T choice(String field, String value, Function<String, Optional<T>> lookup, String allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<T> choice = lookup.apply(value.trim());
        if (choice.isEmpty()) {
            violations.add(new Violation(field, "'" + value + "' is not one of " + allowed));
        }
        return choice.orElse(null);
    }

    /** A required choice among named values. */
    <T> T required(String field, String value, Function<String, Optional<T>> lookup, String allowed) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required (one of " + allowed + ")"));
            return null;
        }
        return choice(field, value, lookup, allowed);
    }

    /** An ISO-4217 code; blank means the default. */
    String currency(String field, String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!Money.isCurrency(value.trim())) {
            violations.add(new Violation(field, "'" + value + "' is not an ISO-4217 currency code"));
        }
        return value.trim();
    }

    /** The window from..to, when both dates were readable: {@code to} must not be before {@code from}, nor too far. */
    ReportWindow window(LocalDate from, LocalDate to, int maxDays, String limitReason) {
        if (from == null || to == null) {
            return null;
        }
        if (to.isBefore(from)) {
            violations.add(new Violation("to", "must be on or after from (" + from + ")"));
            return null;
        }
        ReportWindow window = new ReportWindow(from, to);
        if (window.days() > maxDays) {
            violations.add(new Violation("to", "the range covers " + window.days() + " days; " + limitReason));
        } else if (maxDays == Granularity.FIVE_YEARS && !to.isBefore(from.plusYears(5))) {
            // 1827 days is five years only when they hold two leap days; the calendar decides
            violations.add(new Violation("to", "the range is longer than five years: the last day from " + from
                    + " is " + from.plusYears(5).minusDays(1)));
        }
        return window;
    }

    /** Answers 400 with every violation found, and nothing is read. */
    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            String detail = violations.stream().map(v -> v.field() + " " + v.message())
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
            throw new ApiProblem(400, "invalid-request", "Invalid request", detail, null, List.copyOf(violations));
        }
    }
}
