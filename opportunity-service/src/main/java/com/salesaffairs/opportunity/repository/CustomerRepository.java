package com.salesaffairs.opportunity.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.opportunity.domain.Customer;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** Customers within the caller's reach: null filters mean no limit on that dimension. */
    public PanacheQuery<Customer> visible(String teamFilter, String ownerFilter, String nameLike) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (teamFilter != null) {
            where.append(" and team = :team");
            params.and("team", teamFilter);
        }
        if (ownerFilter != null) {
            where.append(" and ownerId = :owner");
            params.and("owner", ownerFilter);
        }
        if (nameLike != null && !nameLike.isBlank()) {
            where.append(" and lower(name) like :name");
            params.and("name", "%" + nameLike.toLowerCase() + "%");
        }
        return find(where.toString(), Sort.by("name").and("id"), params);
    }

    /** The customer registered under this (normalised) registration id, other than {@code except}. */
    public java.util.Optional<Customer> withRegistrationId(String registrationId, UUID except) {
        return find("upper(registrationId) = :rid and id <> :id", Parameters.with("rid", registrationId).and("id", except))
                .firstResultOptional();
    }

    public boolean nameTakenInTeam(String name, String team, UUID except) {
        return count("lower(name) = :name and team = :team and id <> :id",
                Parameters.with("name", name.trim().toLowerCase()).and("team", team).and("id", except)) > 0;
    }
}
