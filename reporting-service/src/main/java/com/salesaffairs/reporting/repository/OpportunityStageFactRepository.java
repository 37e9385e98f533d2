package com.salesaffairs.reporting.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.salesaffairs.reporting.domain.OpportunityStage;
import com.salesaffairs.reporting.domain.OpportunityStageFact;

/**
 * {@code opportunity_stage_fact}: when each opportunity was first seen in each stage. One statement per
 * event: insert, or move the arrival back when this event shows the stage earlier (then its team and
 * assignee are the ones of that earlier moment).
 */
@ApplicationScoped
public class OpportunityStageFactRepository {
    private final EntityManager em;

    public OpportunityStageFactRepository(EntityManager em) {
        this.em = em;
    }

    /** True when the stage was new for the opportunity or its first arrival moved earlier. */
    public boolean reached(OpportunityStageFact fact) {
        int changed = em.createNativeQuery("INSERT INTO opportunity_stage_fact"
                + " (opportunity_id, stage, entered_at, team, assignee_id) VALUES (:id, :stage, :at, :team, :assignee)"
                + " ON CONFLICT (opportunity_id, stage) DO UPDATE SET entered_at = EXCLUDED.entered_at,"
                + " team = EXCLUDED.team, assignee_id = EXCLUDED.assignee_id"
                + " WHERE opportunity_stage_fact.entered_at > EXCLUDED.entered_at")
                .setParameter("id", fact.opportunityId())
                .setParameter("stage", fact.stage().name())
                .setParameter("at", fact.enteredAt())
                .setParameter("team", fact.team())
                .setParameter("assignee", fact.assigneeId())
                .executeUpdate();
        return changed > 0;
    }

    /** The stages an opportunity reached, in order of first arrival. */
    public List<OpportunityStageFact> stagesOf(UUID opportunityId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT stage, entered_at, team, assignee_id"
                + " FROM opportunity_stage_fact WHERE opportunity_id = :id ORDER BY entered_at, stage")
                .setParameter("id", opportunityId)
                .getResultList();
        return rows.stream().map(r -> new OpportunityStageFact(opportunityId, OpportunityStage.valueOf((String) r[0]),
                instant(r[1]), (String) r[2], (String) r[3])).toList();
    }

    /** A TIMESTAMPTZ column comes back as Instant, OffsetDateTime or Timestamp depending on the Hibernate version. */
    static Instant instant(Object column) {
        if (column instanceof Instant at) {
            return at;
        }
        if (column instanceof OffsetDateTime at) {
            return at.toInstant();
        }
        if (column instanceof Timestamp at) {
            return at.toInstant();
        }
        throw new IllegalStateException("not a timestamp column: " + column);
    }
}
