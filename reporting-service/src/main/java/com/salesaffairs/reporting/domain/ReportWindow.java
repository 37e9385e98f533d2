package com.salesaffairs.reporting.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The days a report covers, both ends included, as UTC calendar days. */
public record ReportWindow(LocalDate from, LocalDate to) {

    public ReportWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends " + to + " before it starts " + from);
        }
    }

    /** Number of days covered, both ends counted. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /**
     * Every period that has at least one day in the window, in time order. A period cut by the
     * window's edge (a week starting before {@code from}) still appears, with only its days inside.
     */
    public List<String> periods(Granularity granularity) {
        List<String> periods = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            String period = granularity.periodOf(day);
            if (periods.isEmpty() || !periods.get(periods.size() - 1).equals(period)) {
                periods.add(period);
            }
        }
        return periods;
    }
}
