package com.salesaffairs.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.salesaffairs.platform.security.Scope;
import com.salesaffairs.reporting.domain.AftersalesQuality;
import com.salesaffairs.reporting.domain.ReportWindow;
import com.salesaffairs.reporting.domain.TeamReach;
import com.salesaffairs.reporting.repository.AftersalesQualityQueries;

/**
 * Case SLA compliance and customer satisfaction for the after-sales summary, kept apart from the
 * feedback counts so that the summary's two halves can grow independently.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AftersalesQualityService {
    private final AftersalesQualityQueries queries;

    public AftersalesQualityService(AftersalesQualityQueries queries) {
        this.queries = queries;
    }

    public AftersalesQuality quality(ReportWindow window, TeamReach reach) {
        return reach.none() ? AftersalesQuality.none() : queries.quality(window, reach);
    }

    public AftersalesQuality quality(ReportWindow window, Scope caller) {
        return quality(window, TeamReach.of(caller));
    }
}
