package com.salesaffairs.reporting.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Feedback counts of a window. Every known severity and category is present, zero when none was
 * logged, so a dashboard's legend never changes shape.
 */
public record AftersalesSummary(ReportWindow window, long feedbackCount, Map<String, Long> bySeverity,
        Map<String, Long> byCategory) {

    public static AftersalesSummary of(ReportWindow window, Map<String, Long> severities, Map<String, Long> categories) {
        Map<String, Long> bySeverity = zeroFilled(FeedbackSeverity.values(), severities);
        Map<String, Long> byCategory = zeroFilled(FeedbackCategory.values(), categories);
        long total = bySeverity.values().stream().mapToLong(Long::longValue).sum();
        return new AftersalesSummary(window, total, bySeverity, byCategory);
    }

    private static Map<String, Long> zeroFilled(Enum<?>[] known, Map<String, Long> counted) {
        Map<String, Long> filled = new LinkedHashMap<>();
        for (Enum<?> value : known) {
            filled.put(value.name(), 0L);
        }
        counted.forEach((key, count) -> filled.merge(key, count, Long::sum));
        return filled;
    }
}
