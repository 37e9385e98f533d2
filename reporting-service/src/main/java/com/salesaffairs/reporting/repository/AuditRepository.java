package com.salesaffairs.reporting.repository;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.salesaffairs.reporting.domain.AccessAuditEntry;

/**
 * The append-only data_access_audit: rows are inserted (never updated or deleted: the database's trigger
 * refuses both) and read back for the data steward.
 */
@ApplicationScoped
public class AuditRepository {

    /** Filters of the audit list; null means any. Days are UTC and both included. */
    public record Filter(String userId, String action, String outcome, String resourceId, String pathPrefix,
            LocalDate from, LocalDate to) {
    }

    private final EntityManager em;

    public AuditRepository(EntityManager em) {
        this.em = em;
    }

    /** In its own transaction: a refused request rolls its own work back, its audit line stays. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void append(AccessAuditEntry e) {
        insert(e);
    }

    /** In the caller's transaction: lines that belong with a change (an export produced) commit with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendWithin(AccessAuditEntry e) {
        insert(e);
    }

    private void insert(AccessAuditEntry e) {
        em.createNativeQuery("""
                INSERT INTO data_access_audit (occurred_at, user_id, username, roles, team, action, method, path, query,
                                               resource_id, status, outcome, reason, row_count)
                VALUES (:at, :user, :username, :roles, :team, :action, :method, :path, :query, :resource, :status,
                        :outcome, :reason, :rows)""")
                .setParameter("at", e.occurredAt())
                .setParameter("user", e.userId())
                .setParameter("username", cut(e.username(), 200))
                .setParameter("roles", cut(e.roles(), 500))
                .setParameter("team", cut(e.team(), 100))
                .setParameter("action", e.action())
                .setParameter("method", e.method())
                .setParameter("path", cut(e.path(), 500))
                .setParameter("query", cut(e.query(), 2000))
                .setParameter("resource", cut(e.resourceId(), 100))
                .setParameter("status", e.status())
                .setParameter("outcome", e.outcome())
                .setParameter("reason", cut(e.reason(), 1000))
                .setParameter("rows", e.rowCount())
                .executeUpdate();
    }

    /** Newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<AccessAuditEntry> page(Filter f, int offset, int size) {
        Query q = bind(em.createNativeQuery("""
                SELECT id, occurred_at, user_id, username, roles, team, action, method, path, query, resource_id, status,
                       outcome, reason, row_count FROM data_access_audit WHERE 1 = 1""" + where(f)
                + " ORDER BY occurred_at DESC, id DESC"), f);
        List<AccessAuditEntry> entries = new ArrayList<>();
        for (Object[] r : (List<Object[]>) q.setFirstResult(offset).setMaxResults(size).getResultList()) {
            entries.add(new AccessAuditEntry(((Number) r[0]).longValue(), CustomerDirectoryRepository.instant(r[1]),
                    (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                    (String) r[8], (String) r[9], (String) r[10], ((Number) r[11]).intValue(), (String) r[12],
                    (String) r[13], r[14] == null ? null : ((Number) r[14]).intValue()));
        }
        return entries;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Filter f) {
        return ((Number) bind(em.createNativeQuery("SELECT COUNT(*) FROM data_access_audit WHERE 1 = 1" + where(f)), f)
                .getSingleResult()).longValue();
    }

    private static String where(Filter f) {
        StringBuilder where = new StringBuilder();
        if (f.userId() != null) {
            where.append(" AND user_id = :user");
        }
        if (f.action() != null) {
            where.append(" AND action = :action");
        }
        if (f.outcome() != null) {
            where.append(" AND outcome = :outcome");
        }
        if (f.resourceId() != null) {
            where.append(" AND resource_id = :resource");
        }
        if (f.pathPrefix() != null) {
            where.append(" AND path LIKE :path ESCAPE '\\'");
        }
        if (f.from() != null) {
            where.append(" AND occurred_at >= :from");
        }
        if (f.to() != null) {
            where.append(" AND occurred_at < :to");
        }
        return where.toString();
    }

    private static Query bind(Query q, Filter f) {
        if (f.userId() != null) {
            q.setParameter("user", f.userId());
        }
        if (f.action() != null) {
            q.setParameter("action", f.action());
        }
        if (f.outcome() != null) {
            q.setParameter("outcome", f.outcome());
        }
        if (f.resourceId() != null) {
            q.setParameter("resource", f.resourceId());
        }
        if (f.pathPrefix() != null) {
            q.setParameter("path", f.pathPrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.from() != null) {
            q.setParameter("from", f.from().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (f.to() != null) {
            q.setParameter("to", f.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return q;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
