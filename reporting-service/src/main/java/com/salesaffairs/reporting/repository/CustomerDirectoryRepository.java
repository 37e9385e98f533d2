package com.salesaffairs.reporting.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.reporting.domain.CustomerContact;
import com.salesaffairs.reporting.domain.CustomerDirectoryEntry;
import com.salesaffairs.reporting.domain.ExportFilters;
import com.salesaffairs.reporting.domain.TeamReach;

/**
 * The customer directory and the customer export read customer_fact by native SQL, limited by the
 * reader's {@link TeamReach} (owner_id for a rep, team for a manager) before any filter of the request.
 */
@ApplicationScoped
public class CustomerDirectoryRepository {
    private static final String COLUMNS = "customer_id, name, registration_id, segment, industry, country, city, email,"
            + " phone, CAST(contacts AS TEXT), owner_id, team, region, registered_at, updated_at";
    private static final TypeReference<List<CustomerContact>> CONTACTS = new TypeReference<>() {
    };

    /** The directory's filters: team, segment, a part of the name (case-insensitive); null means any. */
    public record Filter(String team, String segment, String nameContains) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    public CustomerDirectoryRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public List<CustomerDirectoryEntry> page(TeamReach reach, Filter filter, int offset, int size) {
        Query q = em.createNativeQuery("SELECT " + COLUMNS + " FROM customer_fact c WHERE 1 = 1" + where(reach, filter)
                + " ORDER BY name, customer_id");
        return entries(bind(q, reach, filter).setFirstResult(offset).setMaxResults(size));
    }

    public long count(TeamReach reach, Filter filter) {
        Query q = em.createNativeQuery("SELECT COUNT(*) FROM customer_fact c WHERE 1 = 1" + where(reach, filter));
        return ((Number) bind(q, reach, filter).getSingleResult()).longValue();
    }

    /** Every customer in reach registered within the filters' days, team and region, for an export. */
    public List<CustomerDirectoryEntry> forExport(TeamReach reach, ExportFilters filters) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM customer_fact c WHERE 1 = 1")
                .append(reach.sql("c.team", "c.owner_id"));
        if (filters.from() != null) {
            sql.append(" AND CAST(c.registered_at AT TIME ZONE 'UTC' AS DATE) >= :from");
        }
        if (filters.to() != null) {
            sql.append(" AND CAST(c.registered_at AT TIME ZONE 'UTC' AS DATE) <= :to");
        }
        if (filters.team() != null) {
            sql.append(" AND c.team = :team");
        }
        if (filters.region() != null) {
            sql.append(" AND c.region = :region");
        }
        Query q = reach.bind(em.createNativeQuery(sql.append(" ORDER BY name, customer_id").toString()));
        ExportRepository.bindFilters(q, filters);
        return entries(q);
    }

    private static String where(TeamReach reach, Filter f) {
        StringBuilder where = new StringBuilder(reach.sql("c.team", "c.owner_id"));
        if (f.team() != null) {
            where.append(" AND c.team = :team");
        }
        if (f.segment() != null) {
            where.append(" AND c.segment = :segment");
        }
        if (f.nameContains() != null) {
            where.append(" AND LOWER(c.name) LIKE :name ESCAPE '\\'");
        }
        return where.toString();
    }

    private static Query bind(Query q, TeamReach reach, Filter f) {
        reach.bind(q);
        if (f.team() != null) {
            q.setParameter("team", f.team());
        }
        if (f.segment() != null) {
            q.setParameter("segment", f.segment());
        }
        if (f.nameContains() != null) {
            String escaped = f.nameContains().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            q.setParameter("name", "%" + escaped + "%");
        }
        return q;
    }

    @SuppressWarnings("unchecked")
    private List<CustomerDirectoryEntry> entries(Query q) {
        List<CustomerDirectoryEntry> entries = new ArrayList<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            entries.add(new CustomerDirectoryEntry((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (String) r[7], (String) r[8], contacts((String) r[9]), (String) r[10],
                    (String) r[11], (String) r[12], instant(r[13]), instant(r[14]), false));
        }
        return entries;
    }

    private List<CustomerContact> contacts(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return json.readerFor(CONTACTS).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("customer_fact.contacts is not a list of contacts", e);
        }
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }
}
