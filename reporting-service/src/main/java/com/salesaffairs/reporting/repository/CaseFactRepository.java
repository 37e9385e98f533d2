package com.salesaffairs.reporting.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.reporting.domain.CaseChange;
import com.salesaffairs.reporting.domain.CaseFact;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * {@code case_fact} and {@code case_event_fact}: a case's outcome, and the escalations and reopenings
 * seen, each once, by what identifies them.
 */
@ApplicationScoped
public class CaseFactRepository implements PanacheRepositoryBase<CaseFact, UUID> {

    /** Applies one case event; true when it was an escalation or reopening not seen before, or any resolve/close. */
    public boolean record(CaseChange change, Instant recordedAt) {
        CaseFact known = findById(change.caseId());
        if (known == null) {
            known = CaseFact.first(change, recordedAt);
            persist(known);
        }
        known.apply(change, recordedAt);
        boolean fresh = true;
        if (change.occurrence() != null) {
            fresh = getEntityManager().createNativeQuery("INSERT INTO case_event_fact (case_id, kind, detail, occurred_at)"
                    + " VALUES (:id, :kind, :detail, :at) ON CONFLICT DO NOTHING")
                    .setParameter("id", change.caseId())
                    .setParameter("kind", change.kind().name())
                    .setParameter("detail", change.occurrence())
                    .setParameter("at", change.at())
                    .executeUpdate() > 0;
            known.counted(occurrences(change.caseId(), CaseChange.Kind.ESCALATED),
                    occurrences(change.caseId(), CaseChange.Kind.REOPENED));
        }
        return fresh;
    }

    private int occurrences(UUID caseId, CaseChange.Kind kind) {
        return ((Number) getEntityManager().createNativeQuery(
                "SELECT COUNT(*) FROM case_event_fact WHERE case_id = :id AND kind = :kind")
                .setParameter("id", caseId)
                .setParameter("kind", kind.name())
                .getSingleResult()).intValue();
    }
}
