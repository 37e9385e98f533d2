package com.salesaffairs.reporting.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.reporting.domain.SurveyFact;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** {@code survey_fact}: one row per answered survey. */
@ApplicationScoped
public class SurveyFactRepository implements PanacheRepositoryBase<SurveyFact, UUID> {

    /** Stores the survey unless it is already known; true when it was new. */
    public boolean addIfNew(SurveyFact fact) {
        if (findByIdOptional(fact.surveyId()).isPresent()) {
            return false;
        }
        persist(fact);
        return true;
    }
}
