package com.salesaffairs.aftersales.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.aftersales.domain.Survey;
import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;

/** Survey answers for performance's satisfaction KPI; never the comment text (personal data). */
@ApplicationScoped
public class SurveyEvents {
    public static final String SURVEY_COMPLETED = "sales.survey.completed.v1";

    public record SurveyCompleted(UUID surveyId, UUID customerId, UUID caseId, UUID orderId, String repId, String team,
            int score, int likelihoodToRecommend, Instant answeredAt) {
    }

    private final Outbox outbox;

    public SurveyEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void completed(Survey s) {
        outbox.record(Topics.AFTERSALES, "survey", s.id().toString(), SURVEY_COMPLETED, new SurveyCompleted(s.id(),
                s.customerId(), s.caseId(), s.orderId(), s.repId(), s.team(), s.score(), s.likelihood(), s.answeredAt()));
    }
}
