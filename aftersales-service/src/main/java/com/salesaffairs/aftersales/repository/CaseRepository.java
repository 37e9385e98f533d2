package com.salesaffairs.aftersales.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.aftersales.domain.CaseStatus;
import com.salesaffairs.aftersales.domain.Department;
import com.salesaffairs.aftersales.domain.ServiceCase;
import com.salesaffairs.aftersales.domain.Severity;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<ServiceCase, UUID> {

    /** What a list may show and how it is narrowed; a null field does not limit. */
    public record Filter(String team, String ownerOrLogger, CaseStatus status, Severity severity, UUID customerId,
            Department department) {
    }

    /** Newest first: the queue a person works from. */
    public PanacheQuery<ServiceCase> matching(Filter f) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (f.team() != null) {
            where.append(" and team = :team");
            params.and("team", f.team());
        }
        if (f.ownerOrLogger() != null) {
            where.append(" and (ownerId = :me or loggedBy = :me)");
            params.and("me", f.ownerOrLogger());
        }
        if (f.status() != null) {
            where.append(" and status = :status");
            params.and("status", f.status());
        }
        if (f.severity() != null) {
            where.append(" and severity = :severity");
            params.and("severity", f.severity());
        }
        if (f.department() != null) {
            where.append(" and department = :department");
            params.and("department", f.department());
        }
        if (f.customerId() != null) {
            where.append(" and customerId = :customer");
            params.and("customer", f.customerId());
        }
        return find(where.toString(), Sort.descending("loggedAt").and("id"), params);
    }

    public String nextCaseNumber(int year) {
        Number n = (Number) getEntityManager().createNativeQuery("SELECT nextval('case_number_seq')").getSingleResult();
        return String.format("CS-%d-%06d", year, n.longValue());
    }
}
