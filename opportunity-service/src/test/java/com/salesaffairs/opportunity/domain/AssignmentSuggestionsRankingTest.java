package com.salesaffairs.opportunity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.salesaffairs.opportunity.domain.AssignmentSuggestions.Candidate;
import com.salesaffairs.opportunity.domain.AssignmentSuggestions.Opening;
import com.salesaffairs.opportunity.domain.AssignmentSuggestions.Ranking;
import com.salesaffairs.opportunity.domain.AssignmentSuggestions.Suggestion;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The ranking of reps for an opportunity (policy 3.1: by results and ability, fairly), as pure arithmetic. */
class AssignmentSuggestionsRankingTest {
    private static final AssignmentPolicy POLICY = new AssignmentPolicy(2,
            new AssignmentPolicy.Weights(0.4, 0.3, 0.2, 0.1), 25, 2, Set.of());
    private static final Opening OPENING = new Opening("east", List.of("PUMP-200", "Valves"));

    private static Candidate rep(String name, int load, String sales, int wins, int losses, String... products) {
        return new Candidate("id-" + name, name, "east", load, new BigDecimal(sales), wins, losses, Set.of(products));
    }

    @Test
    void each_component_follows_its_documented_formula() {
        Ranking r = AssignmentSuggestions.rank(POLICY, OPENING, List.of(rep("ann", 5, "3000.00", 3, 1, "pump-200 "),
                rep("ben", 0, "6000.00", 0, 0), new Candidate("id-cy", "cy", "west", 10, new BigDecimal("-50"), 0, 2,
                        Set.of("VALVES", "PUMP-200"))), 1, 3);
        Suggestion ann = r.of("id-ann").orElseThrow();
        assertEquals(0.5, ann.components().get(0).value(), 1e-12, "3000 of the team's best 6000");
        assertEquals(0.75, ann.components().get(1).value(), 1e-12, "3 won of 4 closes");
        assertEquals(20.0 / 25, ann.components().get(2).value(), 1e-12);
        assertEquals(0.5 + 0.5 * 1 / 2, ann.components().get(3).value(), 1e-12, "region, and one of two products won");
        assertEquals(0.4 * 0.5 + 0.3 * 0.75 + 0.2 * 0.8 + 0.1 * 0.75, ann.score(), 1e-12);
        Suggestion ben = r.of("id-ben").orElseThrow();
        assertEquals(AssignmentSuggestions.WinRateSource.TEAM, ben.winRateSource());
        assertEquals(0.25, ben.components().get(1).value(), 1e-12, "no closes of his own: the team's 1 of 4");
        Suggestion cy = r.of("id-cy").orElseThrow();
        assertEquals(0, cy.components().get(0).value(), "negative sales count as none");
        assertEquals(0.0, cy.components().get(1).value(), "two losses of her own outweigh the team's rate");
        assertEquals(0.5, cy.components().get(3).value(), 1e-12, "other region, both products won before");
        assertEquals(new BigDecimal("0.6600"), ann.displayScore());
    }

    @Test
    void without_any_team_sales_or_closes_performance_is_zero_and_the_win_rate_neutral() {
        Ranking r = AssignmentSuggestions.rank(POLICY, new Opening(null, List.of()), List.of(rep("ann", 0, "0", 0, 0)), 0, 0);
        Suggestion ann = r.top().orElseThrow();
        assertEquals(0, ann.components().get(0).value());
        assertEquals(AssignmentSuggestions.NEUTRAL_WIN_RATE, ann.components().get(1).value());
        assertEquals(AssignmentSuggestions.WinRateSource.NEUTRAL, ann.winRateSource());
        assertEquals(0, ann.components().get(3).value(), "no region and no products: no match");
    }

    @Test
    void reps_at_capacity_are_scored_apart_and_never_suggested() {
        Ranking r = AssignmentSuggestions.rank(POLICY, OPENING, List.of(rep("full", 25, "9000.00", 9, 0),
                rep("over", 30, "0", 0, 0), rep("free", 24, "0", 0, 0)), 0, 0);
        assertEquals(List.of("id-free"), r.ranked().stream().map(s -> s.rep().repId()).toList());
        assertEquals(2, r.atCapacity().size());
        assertTrue(r.of("id-full").orElseThrow().atCapacity());
    }

    @Test
    void equal_scores_go_to_the_lower_load_then_the_username() {
        // Equal scores through different components: ann has more sales, ben a lighter load.
        AssignmentPolicy onlyPerformanceAndCapacity = new AssignmentPolicy(3,
                new AssignmentPolicy.Weights(0.5, 0, 0.5, 0), 10, 2, Set.of());
        Ranking r = AssignmentSuggestions.rank(onlyPerformanceAndCapacity, OPENING,
                List.of(rep("cat", 1, "0", 0, 0), rep("bob", 1, "0", 0, 0), rep("ann", 2, "1000", 0, 0),
                        rep("ben", 0, "800", 0, 0)), 0, 0);
        // ann: 0.5 + 0.5 x 0.8 = 0.9; ben: 0.5 x 0.8 + 0.5 = 0.9, lighter: ben first.
        assertEquals(List.of("ben", "ann", "bob", "cat"), r.ranked().stream().map(s -> s.rep().username()).toList());
    }

    @Property
    void more_open_load_never_raises_a_reps_score(@ForAll("candidates") List<Candidate> team,
            @ForAll @IntRange(min = 0, max = 3) int who, @ForAll @IntRange(min = 1, max = 40) int more) {
        Candidate rep = team.get(who % team.size());
        List<Candidate> busier = new ArrayList<>(team);
        busier.set(team.indexOf(rep), new Candidate(rep.repId(), rep.username(), rep.region(), rep.openLoad() + more,
                rep.salesInWindow(), rep.wins(), rep.losses(), rep.productsWon()));
        double before = AssignmentSuggestions.rank(POLICY, OPENING, team, 2, 2).of(rep.repId()).orElseThrow().score();
        double after = AssignmentSuggestions.rank(POLICY, OPENING, busier, 2, 2).of(rep.repId()).orElseThrow().score();
        assertTrue(after <= before, after + " > " + before);
    }

    @Property
    void the_same_inputs_in_any_order_give_the_same_ranking(@ForAll("candidates") List<Candidate> team, @ForAll long seed) {
        List<Candidate> shuffled = new ArrayList<>(team);
        Collections.shuffle(shuffled, new java.util.Random(seed));
        assertEquals(ids(AssignmentSuggestions.rank(POLICY, OPENING, team, 1, 1)),
                ids(AssignmentSuggestions.rank(POLICY, OPENING, shuffled, 1, 1)));
    }

    @Property
    void the_ranking_is_ordered_by_exact_score_and_holds_no_rep_at_capacity(@ForAll("candidates") List<Candidate> team) {
        Ranking r = AssignmentSuggestions.rank(POLICY, OPENING, team, 0, 0);
        for (int i = 1; i < r.ranked().size(); i++) {
            Suggestion higher = r.ranked().get(i - 1);
            Suggestion lower = r.ranked().get(i);
            assertTrue(higher.score() > lower.score() || (higher.score() == lower.score()
                    && higher.rep().openLoad() <= lower.rep().openLoad()));
        }
        assertFalse(r.ranked().stream().anyMatch(Suggestion::atCapacity));
        assertEquals(team.size(), r.ranked().size() + r.atCapacity().size());
        r.ranked().forEach(s -> assertTrue(s.score() >= 0 && s.score() <= 1 + 1e-12, "score " + s.score()));
    }

    private static List<String> ids(Ranking r) {
        return r.ranked().stream().map(s -> s.rep().repId()).toList();
    }

    @Provide
    Arbitrary<List<Candidate>> candidates() {
        Arbitrary<Candidate> one = Combinators.combine(Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(-1000, 100000), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 5), Arbitraries.of("east", "west"),
                Arbitraries.of("PUMP-200", "Valves", "Motors").set().ofMaxSize(3))
                .as((load, sales, wins, losses, region, products) -> new Candidate(null, null, region, load,
                        BigDecimal.valueOf(sales), wins, losses, products));
        return one.list().ofMinSize(1).ofMaxSize(6).map(list -> {
            List<Candidate> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Candidate c = list.get(i);
                // Few distinct names, so ties on username fall through to the id.
                named.add(new Candidate("rep-" + i, "u" + (i % 3), c.region(), c.openLoad(), c.salesInWindow(),
                        c.wins(), c.losses(), c.productsWon()));
            }
            return named;
        });
    }
}
