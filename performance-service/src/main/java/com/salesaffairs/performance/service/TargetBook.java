package com.salesaffairs.performance.service;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.TargetConsistency.MonthTarget;
import com.salesaffairs.performance.domain.TargetLevel;
import com.salesaffairs.performance.repository.TargetRepository;

/**
 * The approved revenue target of a subject for one month, from the monthly splits of its targets.
 * Where a subject has targets of several lengths covering the month, the most specific decides
 * (a month's own target, else its quarter's split, else its year's), so nothing is counted twice.
 * The choice is made by {@link TargetRepository#monthTargets(List, TargetLevel, String)}, the same
 * query the consistency view reads.
 */
@ApplicationScoped
public class TargetBook {
    private final TargetRepository targets;

    public TargetBook(TargetRepository targets) {
        this.targets = targets;
    }

    public Optional<BigDecimal> monthly(TargetLevel level, String subject, KpiPeriod month) {
        return targets.monthTargets(List.of(month), level, subject).stream().findFirst().map(MonthTarget::amount);
    }

    public Optional<BigDecimal> ofRep(String repId, KpiPeriod month) {
        return monthly(TargetLevel.REP, repId, month);
    }

    /** Every rep's target of the month, by rep id, in one query (scorecards of a team, a leaderboard, a close). */
    public Map<String, BigDecimal> ofReps(KpiPeriod month) {
        Map<String, BigDecimal> byRep = new HashMap<>();
        for (MonthTarget t : targets.monthTargets(List.of(month))) {
            if (t.level() == TargetLevel.REP) {
                byRep.put(t.subject(), t.amount());
            }
        }
        return byRep;
    }

    public Optional<BigDecimal> ofTeam(String team, KpiPeriod month) {
        return monthly(TargetLevel.TEAM, team, month);
    }
}
