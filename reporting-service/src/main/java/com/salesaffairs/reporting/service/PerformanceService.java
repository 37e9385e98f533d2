package com.salesaffairs.reporting.service;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.Scope;
import com.salesaffairs.reporting.domain.PerformanceGrouping;
import com.salesaffairs.reporting.domain.PerformanceKpi;
import com.salesaffairs.reporting.domain.PerformanceReport;
import com.salesaffairs.reporting.domain.PerformanceTarget;
import com.salesaffairs.reporting.domain.TeamReach;
import com.salesaffairs.reporting.repository.PerformanceFactQueries;
import com.salesaffairs.reporting.repository.PipelineFactQueries;

/** Performance of a month by rep or team, in the caller's reach, with target attainment. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PerformanceService {
    /** performance-service's targets are in the company currency only ({@code sales.target.approved.v1}). */
    private static final String TARGET_CURRENCY = "CNY";

    private final PerformanceFactQueries kpis;
    private final PipelineFactQueries targets;

    public PerformanceService(PerformanceFactQueries kpis, PipelineFactQueries targets) {
        this.kpis = kpis;
        this.targets = targets;
    }

    /** @throws com.salesaffairs.platform.problem.ApiProblem 403 when a rep or manager asks for another team */
    public PerformanceReport performance(YearMonth period, PerformanceGrouping groupBy, Scope caller, String team) {
        TeamReach reach = TeamReach.of(caller, team);
        if (reach.ownerId() != null && groupBy == PerformanceGrouping.TEAM) {
            // a team's line would carry only the rep's own figures under the team's name and target
            throw ApiProblem.forbidden("a sales rep reads their own performance only: groupBy=team is for managers and above");
        }
        String shownTeam = reach.everyTeam() ? null : reach.team();
        if (reach.none()) {
            return PerformanceReport.of(period, groupBy, shownTeam, List.of(), Map.of(), Map.of(), null);
        }
        List<PerformanceKpi> rows = kpis.kpis(period, reach);
        List<String> month = List.of(period.toString());
        Map<String, BigDecimal> repTargets = perSubject(targets.targetMonths("REP",
                rows.stream().map(PerformanceKpi::repId).distinct().toList(), month, TARGET_CURRENCY), period);
        List<String> teams = rows.stream().map(PerformanceKpi::team).filter(Objects::nonNull).distinct()
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        if (!reach.everyTeam() && reach.ownerId() == null && reach.team() != null && !teams.contains(reach.team())) {
            teams.add(reach.team());
        }
        Map<String, BigDecimal> teamTargets = perSubject(targets.targetMonths("TEAM", teams, month, TARGET_CURRENCY),
                period);
        BigDecimal overall;
        if (reach.ownerId() != null) {
            overall = repTargets.get(reach.ownerId());
        } else if (!reach.everyTeam()) {
            overall = teamTargets.get(reach.team());
        } else {
            overall = perSubject(targets.targetMonths("COMPANY", null, month, TARGET_CURRENCY), period).values()
                    .stream().findFirst().orElse(null);
        }
        return PerformanceReport.of(period, groupBy, shownTeam, rows, repTargets, teamTargets, overall);
    }

    private static Map<String, BigDecimal> perSubject(List<PerformanceTarget> shares, YearMonth period) {
        Map<String, BigDecimal> amounts = new java.util.HashMap<>();
        PerformanceTarget.effective(shares).forEach((subject, months) -> {
            BigDecimal amount = months.get(period.toString());
            if (amount != null) {
                amounts.put(subject, amount);
            }
        });
        return amounts;
    }
}
