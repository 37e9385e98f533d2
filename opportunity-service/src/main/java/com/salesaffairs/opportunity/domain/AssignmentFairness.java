package com.salesaffairs.opportunity.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a team's assignments were fair (policy 3.1: the supervisor "makes sure it is fair and
 * reasonable"): each rep's count and estimated value of assignments and their shares, the average
 * suggestion score the assignees had, how often the top suggestion was followed, and how
 * concentrated the assignments were.
 *
 * <p>Concentration: the Herfindahl-Hirschman index of the count shares, sum of (n_i / N)^2 over the
 * reps listed, and of the value shares likewise; 1/k when k reps got equal shares, 1 when one rep got
 * everything. maxMinRatio = the most assignments of a listed rep divided by the fewest, null when a
 * listed rep got none.
 */
public final class AssignmentFairness {
    private static final MathContext EXACT = MathContext.DECIMAL64;

    private AssignmentFairness() {
    }

    /** One assignment as the analysis needs it. */
    public record Given(String assigneeId, BigDecimal estimatedAmount, String currency, Boolean followedTopSuggestion,
            BigDecimal assigneeScore) {
    }

    /**
     * A rep's part. averageSuggestionScore: the mean of the assignee's score at the moment of each
     * assignment (null when none was scored); followedTopSuggestion: how many of the rep's assignments
     * went to the top suggestion, out of {@code judged} (those made while a rep could be suggested).
     */
    public record RepShare(String repId, int assignments, BigDecimal value, BigDecimal countShare,
            BigDecimal valueShare, BigDecimal averageSuggestionScore, int followedTopSuggestion, int judged) {
    }

    public record Concentration(BigDecimal countHhi, BigDecimal valueHhi, BigDecimal maxMinRatio) {
    }

    public record Report(int assignments, BigDecimal value, int followedTopSuggestion, int judged,
            BigDecimal followedTopRate, List<RepShare> reps, Concentration concentration) {
    }

    /**
     * @param teamReps the reps the team had to choose from; an assignee outside it is listed too
     * @param currency value figures count only the assignments in this currency (never converted)
     */
    public static Report of(List<String> teamReps, List<Given> given, String currency) {
        Map<String, List<Given>> byRep = new LinkedHashMap<>();
        teamReps.forEach(r -> byRep.put(r, new ArrayList<>()));
        given.forEach(g -> byRep.computeIfAbsent(g.assigneeId(), k -> new ArrayList<>()).add(g));
        int total = given.size();
        BigDecimal totalValue = value(given, currency);
        List<RepShare> reps = new ArrayList<>();
        BigDecimal countHhi = BigDecimal.ZERO;
        BigDecimal valueHhi = BigDecimal.ZERO;
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (Map.Entry<String, List<Given>> e : byRep.entrySet()) {
            List<Given> mine = e.getValue();
            BigDecimal value = value(mine, currency);
            BigDecimal countShare = total == 0 ? null
                    : BigDecimal.valueOf(mine.size()).divide(BigDecimal.valueOf(total), EXACT);
            BigDecimal valueShare = totalValue.signum() == 0 ? null : value.divide(totalValue, EXACT);
            if (countShare != null) {
                countHhi = countHhi.add(countShare.multiply(countShare, EXACT));
            }
            if (valueShare != null) {
                valueHhi = valueHhi.add(valueShare.multiply(valueShare, EXACT));
            }
            List<BigDecimal> scores = mine.stream().map(Given::assigneeScore).filter(s -> s != null).toList();
            BigDecimal average = scores.isEmpty() ? null
                    : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                            .divide(BigDecimal.valueOf(scores.size()), 4, RoundingMode.HALF_UP);
            int followed = (int) mine.stream().filter(g -> Boolean.TRUE.equals(g.followedTopSuggestion())).count();
            int judged = (int) mine.stream().filter(g -> g.followedTopSuggestion() != null).count();
            reps.add(new RepShare(e.getKey(), mine.size(), value, round(countShare), round(valueShare), average,
                    followed, judged));
            max = Math.max(max, mine.size());
            min = Math.min(min, mine.size());
        }
        reps.sort(Comparator.comparingInt(RepShare::assignments).reversed().thenComparing(RepShare::value,
                Comparator.reverseOrder()).thenComparing(RepShare::repId));
        int followed = reps.stream().mapToInt(RepShare::followedTopSuggestion).sum();
        int judged = reps.stream().mapToInt(RepShare::judged).sum();
        Concentration concentration = new Concentration(total == 0 ? null : round(countHhi),
                totalValue.signum() == 0 ? null : round(valueHhi),
                reps.isEmpty() || min == 0 ? null
                        : BigDecimal.valueOf(max).divide(BigDecimal.valueOf(min), 4, RoundingMode.HALF_UP));
        return new Report(total, totalValue, followed, judged,
                judged == 0 ? null : BigDecimal.valueOf(followed).divide(BigDecimal.valueOf(judged), 4, RoundingMode.HALF_UP),
                reps, concentration);
    }

    private static BigDecimal value(List<Given> given, String currency) {
        return given.stream().filter(g -> currency.equals(g.currency()) && g.estimatedAmount() != null)
                .map(Given::estimatedAmount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static BigDecimal round(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.HALF_UP);
    }
}
