package com.salesaffairs.reporting.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.salesaffairs.reporting.domain.PipelineReport;

/** The pipeline report as the API answers it. */
public final class PipelineViews {
    private static final String STAGES = "QUALIFICATION, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION";

    private PipelineViews() {
    }

    @Schema(name = "PipelineReport", description = "Open pipeline by stage (as it stands now), stage conversion and win rate of the window, weighted forecast of the window against target")
    public record PipelineView(
            LocalDate from,
            LocalDate to,
            @Schema(description = "ISO-4217; only opportunities in this currency are counted", example = "CNY") String currency,
            @Schema(description = "the one team counted (a manager's team, the team a director asked for, a rep's team); null for every team", nullable = true) String team,
            @Schema(description = "open opportunities in every open stage, now", example = "12") long openOpportunities,
            @Schema(description = "sum of their estimated amounts") BigDecimal openAmount,
            @Schema(description = "sum of the stages' weighted amounts") BigDecimal openWeightedAmount,
            @Schema(description = "every open stage in funnel order, zero when empty") List<PipelineStageView> stages,
            @Schema(description = "one per open stage, in funnel order") List<PipelineConversionView> conversions,
            PipelineWinRateView winRate,
            PipelineForecastView forecast) {

        static PipelineView of(PipelineReport r) {
            return new PipelineView(r.window().from(), r.window().to(), r.currency(), r.team(), r.openOpportunities(),
                    r.openAmount(), r.openWeightedAmount(), r.stages().stream().map(PipelineStageView::of).toList(),
                    r.conversions().stream().map(PipelineConversionView::of).toList(), PipelineWinRateView.of(r.winRate()),
                    PipelineForecastView.of(r));
        }
    }

    @Schema(name = "PipelineStage", description = "Open opportunities in one stage")
    public record PipelineStageView(
            @Schema(enumeration = { "QUALIFICATION", "NEEDS_ANALYSIS", "PROPOSAL", "NEGOTIATION" }) String stage,
            long opportunities,
            @Schema(description = "sum of estimatedAmount") BigDecimal amount,
            @Schema(description = "sum of estimatedAmount x probability / 100, rounded to cents half-up once per stage") BigDecimal weightedAmount) {

        static PipelineStageView of(PipelineReport.StageLine l) {
            return new PipelineStageView(l.stage().name(), l.opportunities(), l.amount(), l.weightedAmount());
        }
    }

    @Schema(name = "PipelineConversion", description = "Of the opportunities that first reached fromStage in the window, how many have reached a later stage since")
    public record PipelineConversionView(
            @Schema(description = "one of " + STAGES) String fromStage,
            @Schema(description = "the next stage: NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION or WON") String toStage,
            @Schema(description = "opportunities that first entered fromStage within the window") long reached,
            @Schema(description = "of those, reached toStage or any later stage (skipping counts; LOST does not)") long advanced,
            @Schema(description = "advanced / reached x 100, two decimals half-up; null when none reached", nullable = true) BigDecimal rate) {

        static PipelineConversionView of(PipelineReport.Conversion c) {
            return new PipelineConversionView(c.from().name(), c.to().name(), c.reached(), c.advanced(), c.rate());
        }
    }

    @Schema(name = "PipelineWinRate", description = "Opportunities closed (won or lost) in the window")
    public record PipelineWinRateView(long won, long lost, BigDecimal wonAmount, BigDecimal lostAmount,
            @Schema(description = "won / (won + lost) x 100, two decimals half-up; null when none closed", nullable = true) BigDecimal rate) {

        static PipelineWinRateView of(PipelineReport.WinRate w) {
            return new PipelineWinRateView(w.won(), w.lost(), w.wonAmount(), w.lostAmount(), w.rate());
        }
    }

    @Schema(name = "PipelineForecast", description = "Won in the window plus open opportunities expected to close in it (weighted by probability), against the target of the window's months")
    public record PipelineForecastView(
            @Schema(description = "open opportunities with expectedCloseDate in the window") long opportunities,
            BigDecimal amount,
            BigDecimal weightedAmount,
            @Schema(description = "estimated amounts of opportunities won in the window") BigDecimal wonAmount,
            @Schema(description = "wonAmount + weightedAmount") BigDecimal forecastAmount,
            @Schema(description = "whose target: REP (a rep's own), TEAM, COMPANY (every team)", enumeration = { "REP", "TEAM", "COMPANY" }) String targetLevel,
            @Schema(description = "company, the team, or the rep's user id", nullable = true) String targetSubject,
            @Schema(description = "every month with a day in the window, YYYY-MM; each counts with its whole monthly target") List<String> months,
            @Schema(description = "sum of the months' approved targets (the finest period's split per month); null when none", nullable = true) BigDecimal target,
            @Schema(description = "months of the window without an approved target") List<String> monthsWithoutTarget,
            @Schema(description = "target - forecastAmount; negative when the forecast is above target", nullable = true) BigDecimal gap,
            @Schema(description = "forecastAmount / target x 100, two decimals half-up", nullable = true) BigDecimal coverage) {

        static PipelineForecastView of(PipelineReport r) {
            PipelineReport.Forecast f = r.forecast();
            return new PipelineForecastView(f.opportunities(), f.amount(), f.weightedAmount(), f.wonAmount(),
                    f.forecastAmount(), r.targetLevel(), r.targetSubject(), f.months(), f.target(),
                    f.monthsWithoutTarget(), f.gap(), f.coverage());
        }
    }
}
