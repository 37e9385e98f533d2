package com.salesaffairs.reporting.repository;

import static com.salesaffairs.reporting.repository.PipelineFactQueries.count;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.salesaffairs.reporting.domain.AftersalesQuality;
import com.salesaffairs.reporting.domain.AftersalesQuality.CaseSla;
import com.salesaffairs.reporting.domain.AftersalesQuality.Satisfaction;
import com.salesaffairs.reporting.domain.ReportWindow;
import com.salesaffairs.reporting.domain.TeamReach;

/** SLA compliance of resolved cases ({@code case_fact}) and survey answers ({@code survey_fact}) in a window. */
@ApplicationScoped
public class AftersalesQualityQueries {
    private final EntityManager em;

    public AftersalesQualityQueries(EntityManager em) {
        this.em = em;
    }

    public AftersalesQuality quality(ReportWindow window, TeamReach reach) {
        return new AftersalesQuality(cases(window, reach), satisfaction(window, reach));
    }

    private CaseSla cases(ReportWindow window, TeamReach reach) {
        Query q = em.createNativeQuery("SELECT COUNT(*), COUNT(c.response_met), COUNT(*) FILTER (WHERE c.response_met),"
                + " COUNT(c.resolution_met), COUNT(*) FILTER (WHERE c.resolution_met), AVG(c.resolution_minutes),"
                + " COUNT(*) FILTER (WHERE c.escalations > 0), COUNT(*) FILTER (WHERE c.reopens > 0)"
                + " FROM case_fact c WHERE c.resolved_at >= :since AND c.resolved_at < :until"
                + reach.sql("c.team", "c.owner_id"))
                .setParameter("since", window.from().atStartOfDay().atOffset(ZoneOffset.UTC))
                .setParameter("until", window.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        Object[] r = ReadModelRows.rows(reach.bind(q)).get(0);
        BigDecimal hours = r[5] == null ? null
                : PipelineFactQueries.decimal(r[5]).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        return CaseSla.of(count(r[0]), count(r[1]), count(r[2]), count(r[3]), count(r[4]), hours, count(r[6]),
                count(r[7]));
    }

    private Satisfaction satisfaction(ReportWindow window, TeamReach reach) {
        String where = " FROM survey_fact s WHERE s.answered_on BETWEEN :from AND :to" + reach.sql("s.team", "s.rep_id");
        Query byScore = em.createNativeQuery("SELECT s.score, COUNT(*)" + where + " GROUP BY s.score")
                .setParameter("from", window.from()).setParameter("to", window.to());
        Map<Integer, Long> scores = new HashMap<>();
        for (Object[] r : ReadModelRows.rows(reach.bind(byScore))) {
            scores.put(((Number) r[0]).intValue(), count(r[1]));
        }
        Query summary = em.createNativeQuery("SELECT AVG(s.score), COUNT(*) FILTER (WHERE s.likelihood >= 9),"
                + " COUNT(*) FILTER (WHERE s.likelihood BETWEEN 7 AND 8), COUNT(*) FILTER (WHERE s.likelihood <= 6)" + where)
                .setParameter("from", window.from()).setParameter("to", window.to());
        Object[] r = ReadModelRows.rows(reach.bind(summary)).get(0);
        BigDecimal average = r[0] == null ? null : PipelineFactQueries.decimal(r[0]).setScale(2, RoundingMode.HALF_UP);
        return Satisfaction.of(scores, average, count(r[1]), count(r[2]), count(r[3]));
    }
}
