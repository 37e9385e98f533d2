package com.salesaffairs.opportunity.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ranks a team's reps for an opportunity (policy 3.1: assigned "according to each salesperson's
 * results and ability", fairly). Each rep gets four components from 0 to 1, weighted by
 * {@code opportunity.assignment}:
 * <ul>
 * <li>performance: the rep's sales in the window over the best sales of a rep of the team (negative
 * sales count as 0; 0 for all when nobody in the team sold);
 * <li>winRate: won / (won + lost) of the rep's closes in the window; without closes the team's rate
 * in the window, and without team closes {@value #NEUTRAL_WIN_RATE};
 * <li>freeCapacity: max(0, capacity - open load) / capacity;
 * <li>match: 0.5 when the rep's region is the opportunity's, plus 0.5 times the share of its
 * products of interest the rep has won before.
 * </ul>
 * The score is the sum of weight times component. Reps at capacity are not suggested. Ranked on the
 * exact score, then the lower open load, then username, then id, so equal inputs give one order.
 */
public final class AssignmentSuggestions {
    /** Neither evidence for nor against a rep nobody in the team has closed with yet. */
    public static final double NEUTRAL_WIN_RATE = 0.5;

    private AssignmentSuggestions() {
    }

    /** A rep of the team with the facts the components are computed from. */
    public record Candidate(String repId, String username, String region, int openLoad, BigDecimal salesInWindow,
            int wins, int losses, Set<String> productsWon) {
        public Candidate {
            salesInWindow = salesInWindow == null ? BigDecimal.ZERO : salesInWindow;
            productsWon = productsWon == null ? Set.of() : Set.copyOf(productsWon);
        }
    }

    /** The opportunity to assign, as far as matching is concerned. */
    public record Opening(String region, List<String> productsOfInterest) {
        public Opening {
            productsOfInterest = productsOfInterest == null ? List.of() : List.copyOf(productsOfInterest);
        }
    }

    public enum WinRateSource {
        REP, TEAM, NEUTRAL
    }

    /** One component of a score: its value, its weight in the policy, and their product. */
    public record Component(String name, double value, double weight) {
        public double contribution() {
            return value * weight;
        }
    }

    /** A rep's score with the components and the data behind them. */
    public record Suggestion(Candidate rep, double score, List<Component> components, int capacity,
            WinRateSource winRateSource, int winRateSampleSize, BigDecimal bestTeamSales, boolean regionMatch,
            int productsMatched, int productsAsked) {

        public boolean atCapacity() {
            return rep.openLoad() >= capacity;
        }

        public BigDecimal displayScore() {
            return round(score);
        }
    }

    /** The ranked reps that may be suggested, and the ones at capacity (scored, not suggested). */
    public record Ranking(AssignmentPolicy policy, List<Suggestion> ranked, List<Suggestion> atCapacity) {
        public Optional<Suggestion> top() {
            return ranked.stream().findFirst();
        }

        public Optional<Suggestion> of(String repId) {
            return Stream.concat(ranked.stream(), atCapacity.stream()).filter(s -> s.rep().repId().equals(repId))
                    .findFirst();
        }
    }

    /** The deterministic order: exact score, then lower load, then username, then id. */
    public static final Comparator<Suggestion> ORDER = Comparator.comparingDouble(Suggestion::score).reversed()
            .thenComparingInt(s -> s.rep().openLoad())
            .thenComparing(s -> s.rep().username(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(s -> s.rep().repId());

    /**
     * @param teamWins  the team's won closes in the window (the fallback win rate)
     * @param teamLosses the team's lost closes in the window
     */
    public static Ranking rank(AssignmentPolicy policy, Opening opening, List<Candidate> team, int teamWins,
            int teamLosses) {
        BigDecimal best = team.stream().map(Candidate::salesInWindow).max(Comparator.naturalOrder())
                .filter(b -> b.signum() > 0).orElse(BigDecimal.ZERO);
        List<String> asked = opening.productsOfInterest().stream().map(AssignmentSuggestions::normalise).distinct()
                .toList();
        List<Suggestion> ranked = new ArrayList<>();
        List<Suggestion> full = new ArrayList<>();
        for (Candidate rep : team) {
            Suggestion s = score(policy, opening, asked, rep, best, teamWins, teamLosses);
            (s.atCapacity() ? full : ranked).add(s);
        }
        ranked.sort(ORDER);
        full.sort(ORDER);
        return new Ranking(policy, List.copyOf(ranked), List.copyOf(full));
    }

    private static Suggestion score(AssignmentPolicy policy, Opening opening, List<String> asked, Candidate rep,
            BigDecimal best, int teamWins, int teamLosses) {
        double performance = best.signum() == 0 || rep.salesInWindow().signum() <= 0 ? 0
                : rep.salesInWindow().doubleValue() / best.doubleValue();
        WinRateSource source;
        double winRate;
        int sample;
        if (rep.wins() + rep.losses() > 0) {
            source = WinRateSource.REP;
            sample = rep.wins() + rep.losses();
            winRate = (double) rep.wins() / sample;
        } else if (teamWins + teamLosses > 0) {
            source = WinRateSource.TEAM;
            sample = teamWins + teamLosses;
            winRate = (double) teamWins / sample;
        } else {
            source = WinRateSource.NEUTRAL;
            sample = 0;
            winRate = NEUTRAL_WIN_RATE;
        }
        int capacity = policy.capacity();
        double free = (double) Math.max(0, capacity - rep.openLoad()) / capacity;
        boolean regionMatch = rep.region() != null && rep.region().equalsIgnoreCase(opening.region() == null ? ""
                : opening.region());
        Set<String> won = rep.productsWon().stream().map(AssignmentSuggestions::normalise)
                .collect(java.util.stream.Collectors.toSet());
        int matched = (int) asked.stream().filter(won::contains).count();
        double match = (regionMatch ? 0.5 : 0) + (asked.isEmpty() ? 0 : 0.5 * matched / asked.size());
        AssignmentPolicy.Weights w = policy.weights();
        List<Component> components = List.of(new Component("performance", performance, w.performance()),
                new Component("winRate", winRate, w.winRate()), new Component("freeCapacity", free, w.freeCapacity()),
                new Component("match", match, w.match()));
        double score = 0;
        for (Component c : components) {
            score += c.contribution();
        }
        return new Suggestion(rep, score, components, capacity, source, sample, best, regionMatch, matched,
                asked.size());
    }

    /** Products compare trimmed and case-insensitively: "pump-200" is "PUMP-200". */
    public static String normalise(String product) {
        return product.strip().toLowerCase(Locale.ROOT);
    }

    /** Four decimals for display; ranking uses the exact value. */
    public static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
    }
}
