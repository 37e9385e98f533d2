package com.salesaffairs.performance.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A team's figures for a month: the sum over the reps whose facts for that month carry the team. */
public record TeamKpi(String team, KpiPeriod period, String region, KpiFigures totals, Instant updatedAt,
        List<RepKpi> reps) {

    /** Sums the reps; they are listed best sales first, so a manager reads the ranking at a glance. */
    public static TeamKpi of(String team, KpiPeriod period, List<RepKpi> reps) {
        KpiFigures totals = reps.stream().map(RepKpi::figures).reduce(KpiFigures.ZERO, KpiFigures::plus);
        RepKpi latest = reps.stream().filter(r -> r.updatedAt() != null)
                .max(Comparator.comparing(RepKpi::updatedAt)).orElse(null);
        List<RepKpi> ranked = reps.stream()
                .sorted(Comparator.comparing((RepKpi r) -> r.figures().salesAmount()).reversed()
                        .thenComparing(RepKpi::repId))
                .toList();
        return new TeamKpi(team, period, latest == null ? null : latest.region(), totals,
                latest == null ? null : latest.updatedAt(), ranked);
    }

    public TeamKpi {
        Objects.requireNonNull(totals, "totals");
        reps = List.copyOf(reps);
    }
}
