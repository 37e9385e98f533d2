package com.salesaffairs.reporting.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.salesaffairs.platform.security.Scope;
import com.salesaffairs.reporting.domain.Granularity;
import com.salesaffairs.reporting.domain.PipelineReport;
import com.salesaffairs.reporting.domain.ReportWindow;
import com.salesaffairs.reporting.domain.PerformanceTarget;
import com.salesaffairs.reporting.domain.TeamReach;
import com.salesaffairs.reporting.repository.PipelineFactQueries;
import com.salesaffairs.reporting.repository.PipelineFactQueries.ExpectedClose;

/**
 * The pipeline funnel and forecast of a caller's reach. The forecast is held against the target of
 * whoever the reach is: the rep's own target, the team's, or the company's for every team.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PipelineService {
    private final PipelineFactQueries facts;

    public PipelineService(PipelineFactQueries facts) {
        this.facts = facts;
    }

    /** @throws com.salesaffairs.platform.problem.ApiProblem 403 when a rep or manager asks for another team */
    public PipelineReport pipeline(ReportWindow window, String currency, Scope caller, String team) {
        TeamReach reach = TeamReach.of(caller, team);
        List<String> months = window.periods(Granularity.MONTH);
        String level = targetLevel(reach);
        String subject = targetSubject(reach);
        if (reach.none()) {
            return new PipelineReport(window, currency, null, level, subject, PipelineReport.stages(Map.of()),
                    PipelineReport.conversions(Map.of()), new PipelineReport.WinRate(0, 0, zero(), zero(), null),
                    PipelineReport.Forecast.of(0, zero(), zero(), zero(), months, Map.of()));
        }
        var stages = PipelineReport.stages(facts.openByStage(currency, reach));
        var conversions = PipelineReport.conversions(facts.conversions(window, currency, reach));
        var closed = facts.closed(window, currency, reach);
        ExpectedClose expected = facts.expectedToClose(window, currency, reach);
        Map<String, BigDecimal> targets = subject == null ? Map.of()
                : PerformanceTarget.effective(facts.targetMonths(level,
                        "COMPANY".equals(level) ? null : List.of(subject), months, currency))
                        .values().stream().findFirst().orElse(Map.of());
        targets = coveredShare(targets, window);
        return new PipelineReport(window, currency, reach.everyTeam() ? null : reach.team(), level, subject, stages,
                conversions, closed, PipelineReport.Forecast.of(expected.opportunities(), expected.amount(),
                        expected.weightedAmount(), closed.wonAmount(), months, targets));
    }

    /**
     * Each month's target for the part of the month the window covers (days covered / days in the month,
     * cents half-up): half of October forecasts against half of October's target.
     */
    static Map<String, BigDecimal> coveredShare(Map<String, BigDecimal> perMonth, ReportWindow window) {
        Map<String, BigDecimal> covered = new java.util.LinkedHashMap<>();
        perMonth.forEach((month, amount) -> {
            java.time.YearMonth ym = java.time.YearMonth.parse(month);
            java.time.LocalDate first = ym.atDay(1).isBefore(window.from()) ? window.from() : ym.atDay(1);
            java.time.LocalDate last = ym.atEndOfMonth().isAfter(window.to()) ? window.to() : ym.atEndOfMonth();
            long days = java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
            covered.put(month, days >= ym.lengthOfMonth() ? amount
                    : amount.multiply(BigDecimal.valueOf(Math.max(days, 0))).divide(BigDecimal.valueOf(ym.lengthOfMonth()), 2,
                            java.math.RoundingMode.HALF_UP));
        });
        return covered;
    }

    /** REP for a rep's own reach, TEAM for one team, COMPANY for every team. */
    static String targetLevel(TeamReach reach) {
        if (reach.ownerId() != null) {
            return "REP";
        }
        return reach.everyTeam() ? "COMPANY" : "TEAM";
    }

    static String targetSubject(TeamReach reach) {
        if (reach.ownerId() != null) {
            return reach.ownerId();
        }
        return reach.everyTeam() ? "company" : reach.team();
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
