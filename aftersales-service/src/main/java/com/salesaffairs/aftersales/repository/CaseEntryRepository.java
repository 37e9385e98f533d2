package com.salesaffairs.aftersales.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.aftersales.domain.CaseEntry;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** A case's history, oldest first. */
@ApplicationScoped
public class CaseEntryRepository implements PanacheRepositoryBase<CaseEntry, Long> {

    public PanacheQuery<CaseEntry> ofCase(UUID caseId) {
        return find("caseId", Sort.ascending("id"), caseId);
    }
}
