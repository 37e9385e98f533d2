package com.salesaffairs.reporting.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import com.salesaffairs.reporting.domain.ReportKind;
import com.salesaffairs.reporting.domain.ReportStatus;
import com.salesaffairs.reporting.domain.SalesReport;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SalesReportRepository implements PanacheRepositoryBase<SalesReport, UUID> {

    /**
     * Which reports a list may show: {@code repId} limits to one rep's, {@code team} to one team's (null:
     * no limit); both come from the caller's scope, never from the request alone.
     */
    public record Filter(String repId, String team, ReportKind kind, String period, ReportStatus status) {
    }

    public Optional<SalesReport> forRepAndPeriod(String repId, ReportKind kind, String period) {
        return find("repId = ?1 and kind = ?2 and period = ?3", repId, kind, period).firstResultOptional();
    }

    /** Every report of the period, optionally of one team only. */
    public List<SalesReport> ofPeriod(ReportKind kind, String period, String team) {
        if (team == null) {
            return list("kind = ?1 and period = ?2", kind, period);
        }
        return list("kind = ?1 and period = ?2 and team = ?3", kind, period, team);
    }

    /** Newest first. */
    public List<SalesReport> page(Filter filter, int offset, int size) {
        return query(SalesReport.class, "SELECT r", filter, " ORDER BY r.createdAt DESC, r.id")
                .setFirstResult(offset).setMaxResults(size).getResultList();
    }

    public long count(Filter filter) {
        return query(Long.class, "SELECT COUNT(r)", filter, "").getSingleResult();
    }

    private <T> TypedQuery<T> query(Class<T> type, String select, Filter f, String order) {
        StringBuilder where = new StringBuilder(" FROM SalesReport r WHERE 1 = 1");
        if (f.repId() != null) {
            where.append(" AND r.repId = :rep");
        }
        if (f.team() != null) {
            where.append(" AND r.team = :team");
        }
        if (f.kind() != null) {
            where.append(" AND r.kind = :kind");
        }
        if (f.period() != null) {
            where.append(" AND r.period = :period");
        }
        if (f.status() != null) {
            where.append(" AND r.status = :status");
        }
        TypedQuery<T> q = getEntityManager().createQuery(select + where + order, type);
        if (f.repId() != null) {
            q.setParameter("rep", f.repId());
        }
        if (f.team() != null) {
            q.setParameter("team", f.team());
        }
        if (f.kind() != null) {
            q.setParameter("kind", f.kind());
        }
        if (f.period() != null) {
            q.setParameter("period", f.period());
        }
        if (f.status() != null) {
            q.setParameter("status", f.status());
        }
        return q;
    }
}
