package com.salesaffairs.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A satisfaction survey a customer answered ({@code sales.survey.completed.v1}), counted on the UTC day
 * of {@code answeredAt}. A survey is answered once: written once, never changed.
 */
@Entity
@Table(name = "survey_fact")
public class SurveyFact {
    @Id
    @Column(name = "survey_id")
    private UUID surveyId;
    @Column(name = "customer_id", nullable = false)
    private UUID customerId;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "rep_id")
    private String repId;
    private String team;
    @Column(nullable = false)
    private int score;
    private Integer likelihood;
    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;
    @Column(name = "answered_on", nullable = false)
    private LocalDate answeredOn;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected SurveyFact() {
    }

    /** What was surveyed and whose customer answered. */
    public record Subject(UUID customerId, UUID caseId, UUID orderId, String repId, String team) {
    }

    /**
     * @param score satisfaction 1..5
     * @param likelihood likelihood to recommend 0..10, or null when not given
     */
    public static SurveyFact answered(UUID surveyId, Subject subject, int score, Integer likelihood, Instant answeredAt,
            Instant recordedAt) {
        if (score < 1 || score > 5) {
            throw new InvalidFact("survey " + surveyId + " score " + score + " is not within 1..5");
        }
        if (likelihood != null && (likelihood < 0 || likelihood > 10)) {
            throw new InvalidFact("survey " + surveyId + " likelihoodToRecommend " + likelihood + " is not within 0..10");
        }
        SurveyFact f = new SurveyFact();
        f.surveyId = surveyId;
        f.customerId = subject.customerId();
        f.caseId = subject.caseId();
        f.orderId = subject.orderId();
        f.repId = subject.repId();
        f.team = subject.team();
        f.score = score;
        f.likelihood = likelihood;
        f.answeredAt = answeredAt;
        f.answeredOn = LocalDate.ofInstant(answeredAt, ZoneOffset.UTC);
        f.recordedAt = recordedAt;
        return f;
    }

    public UUID surveyId() {
        return surveyId;
    }

    public UUID customerId() {
        return customerId;
    }

    public UUID caseId() {
        return caseId;
    }

    public UUID orderId() {
        return orderId;
    }

    public String repId() {
        return repId;
    }

    public String team() {
        return team;
    }

    public int score() {
        return score;
    }

    public Integer likelihood() {
        return likelihood;
    }

    public LocalDate answeredOn() {
        return answeredOn;
    }
}
