package com.salesaffairs.reporting.service;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.reporting.domain.CaseChange;
import com.salesaffairs.reporting.domain.CustomerFact;
import com.salesaffairs.reporting.domain.FeedbackFact;
import com.salesaffairs.reporting.domain.KpiFact;
import com.salesaffairs.reporting.domain.OpportunityFact;
import com.salesaffairs.reporting.domain.OpportunityStageFact;
import com.salesaffairs.reporting.domain.RefundFact;
import com.salesaffairs.reporting.domain.SalesFact;
import com.salesaffairs.reporting.domain.SurveyFact;
import com.salesaffairs.reporting.domain.TargetFact;
import com.salesaffairs.reporting.repository.CaseFactRepository;
import com.salesaffairs.reporting.repository.CustomerFactRepository;
import com.salesaffairs.reporting.repository.FeedbackFactRepository;
import com.salesaffairs.reporting.repository.KpiFactRepository;
import com.salesaffairs.reporting.repository.OpportunityFactRepository;
import com.salesaffairs.reporting.repository.OpportunityStageFactRepository;
import com.salesaffairs.reporting.repository.RefundFactRepository;
import com.salesaffairs.reporting.repository.SalesFactRepository;
import com.salesaffairs.reporting.repository.SurveyFactRepository;
import com.salesaffairs.reporting.repository.TargetFactRepository;

/**
 * Writes incoming facts into the read models, in the transaction that also records the event in the
 * inbox. A fact already stored under its business id is left alone, whatever ce_id brings it again;
 * a fact that changes over time (customer, opportunity, case, target, KPI month) keeps the newest
 * state its producer published, whatever order the copies arrive in. Logs carry ids only (customer
 * and contact details are personal data).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FactRecorder {
    private static final Logger LOG = Logger.getLogger(FactRecorder.class);

    private final SalesFactRepository sales;
    private final RefundFactRepository refunds;
    private final FeedbackFactRepository feedback;
    private final CustomerFactRepository customers;
    private final OpportunityFactRepository opportunities;
    private final OpportunityStageFactRepository stages;
    private final CaseFactRepository cases;
    private final SurveyFactRepository surveys;
    private final TargetFactRepository targets;
    private final KpiFactRepository kpis;

    public FactRecorder(SalesFactRepository sales, RefundFactRepository refunds, FeedbackFactRepository feedback,
            CustomerFactRepository customers, OpportunityFactRepository opportunities,
            OpportunityStageFactRepository stages, CaseFactRepository cases, SurveyFactRepository surveys,
            TargetFactRepository targets, KpiFactRepository kpis) {
        this.sales = sales;
        this.refunds = refunds;
        this.feedback = feedback;
        this.customers = customers;
        this.opportunities = opportunities;
        this.stages = stages;
        this.cases = cases;
        this.surveys = surveys;
        this.targets = targets;
        this.kpis = kpis;
    }

    public void settled(SalesFact fact) {
        if (sales.addIfNew(fact)) {
            LOG.infof("settled order %s recorded for %s (team %s)", fact.orderId(), fact.settledOn(), fact.team());
        } else {
            LOG.infof("settled order %s already recorded; copy ignored", fact.orderId());
        }
    }

    public void refunded(RefundFact fact) {
        if (refunds.addIfNew(fact)) {
            LOG.infof("refund %s of order %s recorded for %s", fact.refundId(), fact.orderId(), fact.refundedOn());
        } else {
            LOG.infof("refund %s already recorded; copy ignored", fact.refundId());
        }
    }

    public void feedbackLogged(FeedbackFact fact) {
        if (feedback.addIfNew(fact)) {
            LOG.infof("feedback of case %s recorded for %s", fact.caseId(), fact.loggedOn());
        } else {
            LOG.infof("feedback of case %s already recorded; copy ignored", fact.caseId());
        }
    }

    public void customer(CustomerFact copy) {
        if (customers.record(copy)) {
            LOG.infof("customer %s recorded at version %d", copy.customerId(), copy.version());
        } else {
            LOG.infof("customer %s version %d is not newer than the one kept; ignored", copy.customerId(), copy.version());
        }
    }

    /** The opportunity's newest state, and the stage it shows (a late copy still tells when a stage was reached). */
    public void opportunity(OpportunityFact copy, OpportunityStageFact stage) {
        if (opportunities.record(copy)) {
            LOG.infof("opportunity %s recorded at version %d (%s)", copy.opportunityId(), copy.version(), copy.stage());
        } else {
            LOG.infof("opportunity %s version %d is not newer than the one kept; state unchanged", copy.opportunityId(),
                    copy.version());
        }
        if (stages.reached(stage)) {
            LOG.infof("opportunity %s seen in %s at %s", stage.opportunityId(), stage.stage(), stage.enteredAt());
        }
    }

    public void caseChanged(CaseChange change, Instant recordedAt) {
        if (cases.record(change, recordedAt)) {
            LOG.infof("case %s %s at %s recorded", change.caseId(), change.kind(), change.at());
        } else {
            LOG.infof("case %s %s at %s already counted; copy ignored", change.caseId(), change.kind(), change.at());
        }
    }

    public void surveyAnswered(SurveyFact fact) {
        if (surveys.addIfNew(fact)) {
            LOG.infof("survey %s recorded for %s", fact.surveyId(), fact.answeredOn());
        } else {
            LOG.infof("survey %s already recorded; copy ignored", fact.surveyId());
        }
    }

    public void targetApproved(TargetFact revision) {
        if (targets.record(revision)) {
            LOG.infof("target %s recorded at version %d", revision.targetId(), revision.version());
        } else {
            LOG.infof("target %s version %d is not newer than the one kept; ignored", revision.targetId(),
                    revision.version());
        }
    }

    public void kpiUpdated(KpiFact figures) {
        if (kpis.recordUpdate(figures)) {
            LOG.infof("KPI of %s for %s recorded as of %s", figures.repId(), figures.period(), figures.updatedAt());
        } else {
            LOG.infof("KPI of %s for %s as of %s is not newer than the one kept; ignored", figures.repId(),
                    figures.period(), figures.updatedAt());
        }
    }

    public void appraisalCompleted(KpiFact.Key month, String team, String region, BigDecimal score, String grade,
            Instant completedAt, Instant recordedAt) {
        if (kpis.recordAppraisal(month.repId(), month.period(), team, region, score, grade, completedAt,
                recordedAt)) {
            LOG.infof("appraisal of %s for %s recorded", month.repId(), month.period());
        } else {
            LOG.infof("appraisal of %s for %s is not newer than the one kept; ignored", month.repId(), month.period());
        }
    }
}
