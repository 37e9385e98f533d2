package com.salesaffairs.opportunity.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Win/loss learning (policy 3.1: analyse every close "to raise the success rate of the next one"):
 * win rate, cycle time and value won and lost over a set of closes, grouped one way, with the most
 * frequent lessons learned.
 */
public final class WinLoss {
    /** How many of the most frequent lessons are shown. */
    public static final int TOP_LESSONS = 5;

    private WinLoss() {
    }

    public enum GroupBy {
        MONTH, TEAM, SOURCE, REASON, COMPETITOR
    }

    /** One closed opportunity as the analysis needs it. */
    public record Close(String team, OpportunitySource source, CloseReason reason, String competitor, boolean won,
            Instant capturedAt, Instant closedAt, BigDecimal estimatedAmount, String currency, String lessonsLearned) {

        /** Whole days from capture to close. */
        long cycleDays() {
            return Duration.between(capturedAt, closedAt).toDays();
        }
    }

    /**
     * The figures of a group. winRate = won / (won + lost) to 4 decimals; averageCycleDays the mean
     * of whole days from capture to close, to 2 decimals (both null without closes); values are the
     * estimated amounts of the closes in the analysis currency.
     */
    public record Figures(String key, int won, int lost, int closed, BigDecimal winRate, BigDecimal averageCycleDays,
            BigDecimal valueWon, BigDecimal valueLost) {
    }

    public record Lesson(String lesson, int count) {
    }

    public record Analysis(Figures total, List<Figures> groups, List<Lesson> topLessons) {
    }

    public static Analysis of(List<Close> closes, GroupBy groupBy, String currency) {
        Function<Close, String> key = switch (groupBy) {
            case MONTH -> c -> YearMonth.from(c.closedAt().atZone(ZoneOffset.UTC)).toString();
            case TEAM -> Close::team;
            case SOURCE -> c -> c.source().name();
            case REASON -> c -> c.reason() == null ? null : c.reason().name();
            case COMPETITOR -> c -> c.competitor() == null || c.competitor().isBlank() ? null
                    : c.competitor().strip().toLowerCase(Locale.ROOT);
        };
        // Groups in key order; closes without a reason or competitor last, under a null key.
        Map<String, List<Close>> grouped = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Close c : closes) {
            grouped.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
        }
        List<Figures> groups = new ArrayList<>();
        grouped.forEach((k, members) -> groups.add(figures(k, members, currency)));
        return new Analysis(figures(null, closes, currency), groups, topLessons(closes));
    }

    private static Figures figures(String key, List<Close> closes, String currency) {
        int won = 0;
        long cycleDays = 0;
        BigDecimal valueWon = BigDecimal.ZERO.setScale(2);
        BigDecimal valueLost = BigDecimal.ZERO.setScale(2);
        for (Close c : closes) {
            won += c.won() ? 1 : 0;
            cycleDays += c.cycleDays();
            if (currency.equals(c.currency())) {
                if (c.won()) {
                    valueWon = valueWon.add(c.estimatedAmount());
                } else {
                    valueLost = valueLost.add(c.estimatedAmount());
                }
            }
        }
        int n = closes.size();
        return new Figures(key, won, n - won, n,
                n == 0 ? null : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP),
                n == 0 ? null : BigDecimal.valueOf(cycleDays).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP),
                valueWon, valueLost);
    }

    /** The most frequent normalised lessons, most frequent first, then alphabetically. */
    static List<Lesson> topLessons(List<Close> closes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Close c : closes) {
            String lesson = normaliseLesson(c.lessonsLearned());
            if (!lesson.isEmpty()) {
                counts.merge(lesson, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_LESSONS).map(e -> new Lesson(e.getKey(), e.getValue())).toList();
    }

    /** Lower case, inner whitespace collapsed to one space, trimmed, without trailing punctuation: "Offer  the warranty." is "offer the warranty". */
    public static String normaliseLesson(String text) {
        if (text == null) {
            return "";
        }
        String lesson = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return lesson.replaceAll("[\\s.!?;:,]+$", "");
    }
}
