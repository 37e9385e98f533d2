package com.salesaffairs.reporting.domain;

import java.util.Locale;
import java.util.Optional;

/** How the performance report splits its KPI rows: one line per rep, or one per team. */
public enum PerformanceGrouping {
    REP, TEAM;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PerformanceGrouping> fromApiName(String value) {
        for (PerformanceGrouping g : values()) {
            if (g.apiName().equals(value)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
