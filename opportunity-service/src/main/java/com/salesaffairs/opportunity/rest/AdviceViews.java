package com.salesaffairs.opportunity.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.salesaffairs.opportunity.domain.AssignmentFairness;
import com.salesaffairs.opportunity.domain.AssignmentPolicy;
import com.salesaffairs.opportunity.domain.AssignmentSuggestions;
import com.salesaffairs.opportunity.domain.AssignmentSuggestions.Suggestion;
import com.salesaffairs.opportunity.domain.KnownRep;
import com.salesaffairs.opportunity.domain.WinLoss;
import com.salesaffairs.opportunity.service.AssignmentAdvice;
import com.salesaffairs.opportunity.service.OpportunityAnalytics;

/** What the assignment suggestions and the analyses answer. */
public final class AdviceViews {
    private AdviceViews() {
    }

    @Schema(description = "One component of a score: its value (0 to 1), its weight in opportunity.assignment and"
            + " their product, each to 4 decimals")
    public record ComponentView(String name, BigDecimal value, BigDecimal weight, BigDecimal contribution) {
        static ComponentView of(AssignmentSuggestions.Component c) {
            return new ComponentView(c.name(), AssignmentSuggestions.round(c.value()), BigDecimal.valueOf(c.weight()),
                    AssignmentSuggestions.round(c.contribution()));
        }
    }

    @Schema(description = "The data behind a score: open load and capacity (freeCapacity), the closes the win rate"
            + " rests on and whose they are (REP, TEAM or NEUTRAL 0.5), the sales in the window against the team's"
            + " best (performance), and the region and products matched (match)")
    public record SuggestionData(int openLoad, int capacity, int winRateSampleSize,
            AssignmentSuggestions.WinRateSource winRateSource, int wins, int losses, BigDecimal salesInWindow,
            BigDecimal bestTeamSalesInWindow, boolean regionMatch, int productsMatched, int productsOfInterest) {
    }

    @Schema(description = "A rep with their score (sum of the contributions, 4 decimals; ranked on the exact value)")
    public record SuggestionView(Integer rank, String repId, String username, String region, BigDecimal score,
            List<ComponentView> components, SuggestionData data) {
        static SuggestionView of(Integer rank, Suggestion s) {
            return new SuggestionView(rank, s.rep().repId(), s.rep().username(), s.rep().region(), s.displayScore(),
                    s.components().stream().map(ComponentView::of).toList(),
                    new SuggestionData(s.rep().openLoad(), s.capacity(), s.winRateSampleSize(), s.winRateSource(),
                            s.rep().wins(), s.rep().losses(), s.rep().salesInWindow(), s.bestTeamSales(),
                            s.regionMatch(), s.productsMatched(), s.productsAsked()));
        }
    }

    @Schema(description = "The months whose KPI sales count (both included) and the instant from which closes count"
            + " for the win rate: the current calendar quarter (UTC) and the quarters before it")
    public record WindowView(String fromMonth, String toMonth, Instant closedSince, int quarters) {
    }

    @Schema(description = "The known reps of the opportunity's team ranked for it (the current assignee excluded);"
            + " reps at capacity are scored but not suggested")
    public record SuggestionsView(UUID opportunityId, String team, String policyKey, int policyVersion,
            Instant computedAt, WindowView window, List<SuggestionView> suggestions, List<SuggestionView> atCapacity) {
        static SuggestionsView of(AssignmentAdvice.Advice advice) {
            var ranking = advice.ranking();
            List<SuggestionView> ranked = new ArrayList<>();
            for (int i = 0; i < ranking.ranked().size(); i++) {
                ranked.add(SuggestionView.of(i + 1, ranking.ranked().get(i)));
            }
            return new SuggestionsView(advice.opportunity().id(), advice.opportunity().team(), AssignmentPolicy.KEY,
                    ranking.policy().version(), advice.computedAt(),
                    new WindowView(advice.windowFrom().toString(), advice.windowTo().toString(), advice.windowStart(),
                            ranking.policy().windowQuarters()),
                    ranked, ranking.atCapacity().stream().map(s -> SuggestionView.of(null, s)).toList());
        }
    }

    @Schema(description = "A rep's assignments in the period: count and estimated value (in the view's currency)"
            + " with their shares of the team's (4 decimals), the average score the rep had when assigned, and how"
            + " many of them went to the top suggestion out of those judged (made while a rep could be suggested)")
    public record RepFairnessView(String repId, String username, int assignments, BigDecimal value,
            BigDecimal countShare, BigDecimal valueShare, BigDecimal averageSuggestionScore, int followedTopSuggestion,
            int judged) {
    }

    @Schema(description = "Herfindahl-Hirschman index of the count shares and of the value shares (sum of squared"
            + " shares over the reps listed: 1/k when k reps share equally, 1 when one rep gets all), and the most"
            + " assignments of a listed rep divided by the fewest (null when a listed rep got none)")
    public record ConcentrationView(BigDecimal countHhi, BigDecimal valueHhi, BigDecimal maxMinRatio) {
    }

    @Schema(description = "How a team's assignments in the period were spread over its reps (known reps of the team"
            + " plus anyone assigned in it)")
    public record FairnessView(String team, LocalDate from, LocalDate to, String currency, int assignments,
            BigDecimal value, int followedTopSuggestion, int judged, BigDecimal followedTopRate,
            List<RepFairnessView> reps, ConcentrationView concentration) {
        static FairnessView of(OpportunityAnalytics.Fairness f, OpportunityAnalytics.Period period, String currency) {
            Map<String, String> names = f.knownReps().stream().filter(r -> r.username() != null)
                    .collect(Collectors.toMap(KnownRep::userId, KnownRep::username));
            AssignmentFairness.Report r = f.report();
            return new FairnessView(f.team(), period.from(), period.to(), currency, r.assignments(), r.value(),
                    r.followedTopSuggestion(), r.judged(), r.followedTopRate(),
                    r.reps().stream().map(s -> new RepFairnessView(s.repId(), names.get(s.repId()), s.assignments(),
                            s.value(), s.countShare(), s.valueShare(), s.averageSuggestionScore(),
                            s.followedTopSuggestion(), s.judged())).toList(),
                    new ConcentrationView(r.concentration().countHhi(), r.concentration().valueHhi(),
                            r.concentration().maxMinRatio()));
        }
    }

    @Schema(description = "Closes of a group: won, lost, winRate = won / (won + lost) (4 decimals), the mean whole"
            + " days from capture to close (2 decimals), and the estimated value won and lost in the view's currency;"
            + " key is null for the total and for closes without the grouped attribute")
    public record WinLossFigures(String key, int won, int lost, int closed, BigDecimal winRate,
            BigDecimal averageCycleDays, BigDecimal valueWon, BigDecimal valueLost) {
        static WinLossFigures of(WinLoss.Figures f) {
            return new WinLossFigures(f.key(), f.won(), f.lost(), f.closed(), f.winRate(), f.averageCycleDays(),
                    f.valueWon(), f.valueLost());
        }
    }

    @Schema(description = "A lesson learned as normalised (lower case, whitespace collapsed, no trailing"
            + " punctuation) and how many closes gave it")
    public record LessonView(String lesson, int count) {
    }

    @Schema(description = "Win/loss figures of the closes in the period and filters, in total and per group, with the"
            + " five most frequent lessons learned")
    public record WinLossView(LocalDate from, LocalDate to, String team, String source, String reason,
            String competitor, String groupBy, String currency, WinLossFigures total, List<WinLossFigures> groups,
            List<LessonView> topLessons) {
        static WinLossView of(OpportunityAnalytics.WinLossResult result, OpportunityAnalytics.Period period,
                OpportunityAnalytics.WinLossFilter filter) {
            Function<Enum<?>, String> name = e -> e == null ? null : e.name();
            WinLoss.Analysis a = result.analysis();
            return new WinLossView(period.from(), period.to(), result.team(), name.apply(filter.source()),
                    name.apply(filter.reason()), filter.competitor(), filter.groupBy().name().toLowerCase(),
                    filter.currency(), WinLossFigures.of(a.total()), a.groups().stream().map(WinLossFigures::of).toList(),
                    a.topLessons().stream().map(l -> new LessonView(l.lesson(), l.count())).toList());
        }
    }
}
