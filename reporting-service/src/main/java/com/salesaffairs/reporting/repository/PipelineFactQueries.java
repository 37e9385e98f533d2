package com.salesaffairs.reporting.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.salesaffairs.reporting.domain.Percent;
import com.salesaffairs.reporting.domain.PipelineReport;
import com.salesaffairs.reporting.domain.PipelineReport.StageLine;
import com.salesaffairs.reporting.domain.PipelineStage;
import com.salesaffairs.reporting.domain.ReportWindow;
import com.salesaffairs.reporting.domain.PerformanceTarget;
import com.salesaffairs.reporting.domain.TeamReach;

/**
 * The pipeline report's aggregations over {@code opportunity_fact}, {@code opportunity_stage_fact} and
 * the targets, in native SQL so that PostgreSQL does the adding up. An opportunity is in reach by its
 * current team and assignee (a reassigned opportunity takes its history to the new rep).
 */
@ApplicationScoped
public class PipelineFactQueries {
    private static final String OPEN = "('QUALIFICATION', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION')";
    /** Funnel position of a stage column; LOST (and anything else) is NULL, never "further". */
    private static final String RANK = "CASE %s WHEN 'QUALIFICATION' THEN 1 WHEN 'NEEDS_ANALYSIS' THEN 2"
            + " WHEN 'PROPOSAL' THEN 3 WHEN 'NEGOTIATION' THEN 4 WHEN 'WON' THEN 5 END";

    private final EntityManager em;

    public PipelineFactQueries(EntityManager em) {
        this.em = em;
    }

    /** Open opportunities per stage as the read model stands now. */
    public Map<PipelineStage, StageLine> openByStage(String currency, TeamReach reach) {
        Query q = em.createNativeQuery("SELECT o.stage, COUNT(*), COALESCE(SUM(o.estimated_amount), 0),"
                + " COALESCE(SUM(o.estimated_amount * o.probability), 0) FROM opportunity_fact o"
                + " WHERE o.stage IN " + OPEN + " AND o.currency = :currency" + reach.sql("o.team", "o.assignee_id")
                + " GROUP BY o.stage")
                .setParameter("currency", currency);
        Map<PipelineStage, StageLine> lines = new EnumMap<>(PipelineStage.class);
        for (Object[] row : ReadModelRows.rows(reach.bind(q))) {
            PipelineStage stage = PipelineStage.valueOf((String) row[0]);
            lines.put(stage, new StageLine(stage, count(row[1]), money(row[2]), PipelineReport.weighted(decimal(row[3]))));
        }
        return lines;
    }

    /**
     * Per open stage: opportunities that first reached it within the window, and how many of those
     * have since reached a later stage (stage facts, or the opportunity's current stage, e.g. WON).
     */
    public Map<PipelineStage, long[]> conversions(ReportWindow window, String currency, TeamReach reach) {
        Query q = em.createNativeQuery("SELECT r.stage, COUNT(*), COUNT(*) FILTER (WHERE r.top > r.rank) FROM ("
                + " SELECT f.stage, f.entered_at, " + RANK.formatted("f.stage") + " AS rank,"
                + " GREATEST(MAX(" + RANK.formatted("f.stage") + ") OVER (PARTITION BY f.opportunity_id), "
                + RANK.formatted("o.stage") + ") AS top"
                + " FROM opportunity_stage_fact f JOIN opportunity_fact o ON o.opportunity_id = f.opportunity_id"
                + " WHERE o.currency = :currency" + reach.sql("o.team", "o.assignee_id")
                // only opportunities with an arrival in the window, found by the entered_at index; all their
                // stage rows stay in, so the furthest stage is still the furthest ever reached
                + " AND f.opportunity_id IN (SELECT w.opportunity_id FROM opportunity_stage_fact w"
                + " WHERE w.entered_at >= :since AND w.entered_at < :until)"
                + ") r WHERE r.rank <= 4 AND r.entered_at >= :since AND r.entered_at < :until GROUP BY r.stage")
                .setParameter("currency", currency);
        bindWindow(q, window);
        Map<PipelineStage, long[]> counts = new EnumMap<>(PipelineStage.class);
        for (Object[] row : ReadModelRows.rows(reach.bind(q))) {
            counts.put(PipelineStage.valueOf((String) row[0]), new long[] { count(row[1]), count(row[2]) });
        }
        return counts;
    }

    /** Won and lost opportunities closed in the window: {won, lost} counts and amounts. */
    public PipelineReport.WinRate closed(ReportWindow window, String currency, TeamReach reach) {
        Query q = em.createNativeQuery("SELECT"
                + " COUNT(*) FILTER (WHERE o.stage = 'WON'), COUNT(*) FILTER (WHERE o.stage = 'LOST'),"
                + " COALESCE(SUM(o.estimated_amount) FILTER (WHERE o.stage = 'WON'), 0),"
                + " COALESCE(SUM(o.estimated_amount) FILTER (WHERE o.stage = 'LOST'), 0)"
                + " FROM opportunity_fact o WHERE o.stage IN ('WON', 'LOST') AND o.closed_at >= :since"
                + " AND o.closed_at < :until AND o.currency = :currency" + reach.sql("o.team", "o.assignee_id"))
                .setParameter("currency", currency);
        bindWindow(q, window);
        Object[] row = ReadModelRows.rows(reach.bind(q)).get(0);
        long won = count(row[0]);
        long lost = count(row[1]);
        return new PipelineReport.WinRate(won, lost, money(row[2]), money(row[3]),
                Percent.of(won, won + lost));
    }

    /** Open opportunities expected to close within the window: count, amount, raw amount x probability. */
    public ExpectedClose expectedToClose(ReportWindow window, String currency, TeamReach reach) {
        Query q = em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(o.estimated_amount), 0),"
                + " COALESCE(SUM(o.estimated_amount * o.probability), 0) FROM opportunity_fact o"
                + " WHERE o.stage IN " + OPEN + " AND o.expected_close_date BETWEEN :fromDay AND :toDay"
                + " AND o.currency = :currency" + reach.sql("o.team", "o.assignee_id"))
                .setParameter("currency", currency)
                .setParameter("fromDay", window.from())
                .setParameter("toDay", window.to());
        Object[] row = ReadModelRows.rows(reach.bind(q)).get(0);
        return new ExpectedClose(count(row[0]), money(row[1]), PipelineReport.weighted(decimal(row[2])));
    }

    /** Open opportunities expected to close in a window; {@code weightedAmount} = sum of amount x probability / 100. */
    public record ExpectedClose(long opportunities, BigDecimal amount, BigDecimal weightedAmount) {
    }

    /**
     * Every monthly share of the approved targets of {@code level} in {@code months}, optionally for
     * the given subjects only (null: every subject of the level).
     */
    public List<PerformanceTarget> targetMonths(String level, List<String> subjects, List<String> months, String currency) {
        if (months.isEmpty() || (subjects != null && subjects.isEmpty())) {
            return List.of();
        }
        Query q = em.createNativeQuery("SELECT t.subject, m.month, t.period_kind, t.approved_at, m.amount"
                + " FROM target_fact t JOIN target_month_fact m ON m.target_id = t.target_id"
                + " WHERE t.level = :level AND t.currency = :currency AND m.month IN (:months)"
                + (subjects == null ? "" : " AND t.subject IN (:subjects)"))
                .setParameter("level", level)
                .setParameter("currency", currency)
                .setParameter("months", months);
        if (subjects != null) {
            q.setParameter("subjects", subjects);
        }
        List<PerformanceTarget> shares = new ArrayList<>();
        for (Object[] row : ReadModelRows.rows(q)) {
            shares.add(new PerformanceTarget((String) row[0], (String) row[1], (String) row[2], instant(row[3]), money(row[4])));
        }
        return shares;
    }

    private static void bindWindow(Query q, ReportWindow window) {
        q.setParameter("since", window.from().atStartOfDay().atOffset(ZoneOffset.UTC))
                .setParameter("until", window.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    static long count(Object column) {
        return ((Number) column).longValue();
    }

    static BigDecimal decimal(Object column) {
        return column instanceof BigDecimal d ? d : new BigDecimal(column.toString());
    }

    static BigDecimal money(Object column) {
        return decimal(column).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    static Instant instant(Object column) {
        if (column instanceof Instant i) {
            return i;
        }
        if (column instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (column instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (column instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalStateException("not a timestamp column: " + column);
    }
}
