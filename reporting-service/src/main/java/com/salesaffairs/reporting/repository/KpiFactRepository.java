package com.salesaffairs.reporting.repository;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.reporting.domain.KpiFact;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** {@code kpi_fact}: per rep and month, the latest KPI figures and the latest appraisal. */
@ApplicationScoped
public class KpiFactRepository implements PanacheRepositoryBase<KpiFact, KpiFact.Key> {

    public KpiFact find(String repId, String period) {
        return findById(new KpiFact.Key(repId, period));
    }

    /** Stores the figures if the month is new or they are newer than the ones kept; true when it changed something. */
    public boolean recordUpdate(KpiFact figures) {
        KpiFact known = find(figures.repId(), figures.period());
        if (known == null) {
            persist(figures);
            return true;
        }
        return known.supersede(figures);
    }

    /** Sets the month's score and grade unless a later appraisal is kept; true when it changed something. */
    public boolean recordAppraisal(String repId, String period, String team, String region, BigDecimal score,
            String grade, Instant completedAt, Instant recordedAt) {
        KpiFact known = find(repId, period);
        if (known == null) {
            known = KpiFact.appraisedOnly(repId, period, team, region, recordedAt);
            known.appraised(score, grade, completedAt, recordedAt);
            persist(known);
            return true;
        }
        return known.appraised(score, grade, completedAt, recordedAt);
    }
}
