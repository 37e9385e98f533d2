package com.salesaffairs.performance;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.salesaffairs.performance.domain.PeriodClosed;

/** Records every PeriodClosed fired in the test application, for ScorecardResourceTest. */
@ApplicationScoped
public class PeriodClosedProbe {
    static final List<PeriodClosed> SEEN = new CopyOnWriteArrayList<>();

    void on(@Observes PeriodClosed closed) {
        SEEN.add(closed);
    }
}
