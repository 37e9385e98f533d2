package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Do the targets below add up to the target above? For one period: each team's target against the
 * sum of its reps' targets, each region's against the sum of its teams', the company's against the sum
 * of all teams' (and of the regions'). A subject's target for the period is the sum of its monthly
 * figures over the period's months, each month taken from its most specific target (as
 * {@code TargetBook}), so a year target and a quarter target of the same team are never added up.
 * A shortfall is what the lower level lacks (never negative); null where the upper level has no target.
 */
public record TargetConsistency(String period, String periodKind, String currency, CompanyLine company,
        List<RegionLine> regions, List<TeamLine> teams) {

    /** One month of one subject's most specific target. */
    public record MonthTarget(TargetLevel level, String subject, String team, String region, String month,
            BigDecimal amount) {
    }

    public record RepLine(String repId, BigDecimal target) {
    }

    public record TeamLine(String team, String region, BigDecimal teamTarget, BigDecimal repTargetSum,
            BigDecimal shortfall, int repCount, List<RepLine> reps) {
    }

    public record RegionLine(String region, BigDecimal regionTarget, BigDecimal teamTargetSum, BigDecimal shortfall) {
    }

    public record CompanyLine(BigDecimal companyTarget, BigDecimal teamTargetSum, BigDecimal regionTargetSum,
            BigDecimal shortfall) {
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /**
     * The view over the given month targets. {@code onlyTeam} limits it to one team (a manager's view:
     * no regions, no company); null is the whole company.
     */
    public static TargetConsistency of(TargetPeriod period, List<MonthTarget> months, String onlyTeam) {
        Map<String, BigDecimal> teamTarget = new TreeMap<>();
        Map<String, String> teamRegion = new TreeMap<>();
        Map<String, Map<String, BigDecimal>> repTargets = new TreeMap<>();
        Map<String, BigDecimal> regionTarget = new TreeMap<>();
        BigDecimal companyTarget = null;
        for (MonthTarget m : months) {
            switch (m.level()) {
                case COMPANY -> companyTarget = add(companyTarget, m.amount());
                case REGION -> regionTarget.merge(m.subject(), m.amount(), BigDecimal::add);
                case TEAM -> {
                    teamTarget.merge(m.subject(), m.amount(), BigDecimal::add);
                    if (m.region() != null) {
                        teamRegion.put(m.subject(), m.region());
                    }
                }
                case REP -> {
                    if (m.team() != null) {
                        repTargets.computeIfAbsent(m.team(), t -> new TreeMap<>()).merge(m.subject(), m.amount(),
                                BigDecimal::add);
                        if (m.region() != null) {
                            teamRegion.putIfAbsent(m.team(), m.region());
                        }
                    }
                }
            }
        }
        TreeSet<String> teamNames = new TreeSet<>(teamTarget.keySet());
        teamNames.addAll(repTargets.keySet());
        List<TeamLine> teams = new ArrayList<>();
        for (String team : teamNames) {
            if (onlyTeam != null && !onlyTeam.equals(team)) {
                continue;
            }
            Map<String, BigDecimal> reps = repTargets.getOrDefault(team, Map.of());
            BigDecimal repSum = reps.values().stream().reduce(ZERO, BigDecimal::add);
            BigDecimal target = teamTarget.get(team);
            teams.add(new TeamLine(team, teamRegion.get(team), target, repSum, shortfall(target, repSum), reps.size(),
                    reps.entrySet().stream().map(r -> new RepLine(r.getKey(), r.getValue())).toList()));
        }
        if (onlyTeam != null) {
            return new TargetConsistency(period.toString(), period.kind().name(), Target.CURRENCY, null, List.of(),
                    teams);
        }
        TreeSet<String> regionNames = new TreeSet<>(regionTarget.keySet());
        teamTarget.keySet().stream().map(teamRegion::get).filter(Objects::nonNull).forEach(regionNames::add);
        List<RegionLine> regions = new ArrayList<>();
        for (String region : regionNames) {
            BigDecimal teamSum = teamTarget.entrySet().stream()
                    .filter(t -> region.equals(teamRegion.get(t.getKey())))
                    .map(Map.Entry::getValue).reduce(ZERO, BigDecimal::add);
            BigDecimal target = regionTarget.get(region);
            regions.add(new RegionLine(region, target, teamSum, shortfall(target, teamSum)));
        }
        BigDecimal allTeams = teamTarget.values().stream().reduce(ZERO, BigDecimal::add);
        BigDecimal allRegions = regionTarget.values().stream().reduce(ZERO, BigDecimal::add);
        return new TargetConsistency(period.toString(), period.kind().name(), Target.CURRENCY,
                new CompanyLine(companyTarget, allTeams, allRegions, shortfall(companyTarget, allTeams)), regions,
                teams);
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal amount) {
        return sum == null ? amount : sum.add(amount);
    }

    private static BigDecimal shortfall(BigDecimal target, BigDecimal sum) {
        if (target == null) {
            return null;
        }
        return target.compareTo(sum) > 0 ? target.subtract(sum) : ZERO;
    }
}
