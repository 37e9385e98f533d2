package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One month's share of an approved target ({@code target_month_fact} with its target's kind), as the
 * pipeline and performance reports compare against it. One subject can hold a year, a quarter and a
 * month target that all cover the same month (performance-service keeps one target per level, subject
 * and period); {@link #effective} picks, per month, the finest period (MONTH before QUARTER before
 * YEAR), then the latest approval, so that no month is counted twice.
 *
 * @param subject the target's subject: {@code company}, the team or the rep's user id
 * @param month {@code YYYY-MM}
 * @param periodKind MONTH, QUARTER or YEAR
 */
public record PerformanceTarget(String subject, String month, String periodKind, Instant approvedAt, BigDecimal amount) {

    private static final Comparator<PerformanceTarget> PREFERRED = Comparator
            .comparingInt((PerformanceTarget t) -> fineness(t.periodKind())).reversed()
            .thenComparing(PerformanceTarget::approvedAt, Comparator.reverseOrder());

    private static int fineness(String periodKind) {
        return switch (periodKind) {
            case "MONTH" -> 3;
            case "QUARTER" -> 2;
            default -> 1;
        };
    }

    /** Per subject and month, the one target share that counts. Key: subject, then month. */
    public static Map<String, Map<String, BigDecimal>> effective(Collection<PerformanceTarget> shares) {
        Map<String, Map<String, PerformanceTarget>> chosen = new LinkedHashMap<>();
        for (PerformanceTarget share : shares) {
            chosen.computeIfAbsent(share.subject(), s -> new LinkedHashMap<>())
                    .merge(share.month(), share, (a, b) -> PREFERRED.compare(a, b) <= 0 ? a : b);
        }
        Map<String, Map<String, BigDecimal>> amounts = new LinkedHashMap<>();
        chosen.forEach((subject, months) -> {
            Map<String, BigDecimal> perMonth = new LinkedHashMap<>();
            months.forEach((month, share) -> perMonth.put(month, share.amount()));
            amounts.put(subject, perMonth);
        });
        return amounts;
    }

    /** The sum over {@code months} of one subject's effective targets; empty when no month has one. */
    public static Optional<BigDecimal> total(Map<String, BigDecimal> perMonth, List<String> months) {
        return months.stream().map(perMonth::get).filter(Objects::nonNull).reduce(BigDecimal::add);
    }
}
