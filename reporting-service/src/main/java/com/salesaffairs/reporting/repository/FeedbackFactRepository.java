package com.salesaffairs.reporting.repository;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import com.salesaffairs.reporting.domain.FeedbackFact;
import com.salesaffairs.reporting.domain.ReportWindow;
import com.salesaffairs.reporting.domain.TeamReach;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FeedbackFactRepository implements PanacheRepositoryBase<FeedbackFact, UUID> {

    /** Stores the feedback unless its case is already known; true when it was new. */
    public boolean addIfNew(FeedbackFact fact) {
        if (findByIdOptional(fact.caseId()).isPresent()) {
            return false;
        }
        persist(fact);
        return true;
    }

    public Map<String, Long> countBySeverity(ReportWindow window, TeamReach reach) {
        return countBy("severity", window, reach);
    }

    public Map<String, Long> countByCategory(ReportWindow window, TeamReach reach) {
        return countBy("category", window, reach);
    }

    /** {@code column} is one of ours, never caller input. */
    private Map<String, Long> countBy(String column, ReportWindow window, TeamReach reach) {
        Query q = getEntityManager().createNativeQuery("SELECT " + column + ", COUNT(*) FROM feedback_fact"
                + " WHERE logged_on BETWEEN :from AND :to" + reach.sql("team", "owner_id")
                + " GROUP BY 1 ORDER BY 1")
                .setParameter("from", window.from())
                .setParameter("to", window.to());
        reach.bind(q);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : ReadModelRows.rows(q)) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
