package com.salesaffairs.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.reporting.domain.FeedbackFact;
import com.salesaffairs.reporting.domain.RefundFact;
import com.salesaffairs.reporting.domain.SalesFact;
import com.salesaffairs.reporting.repository.FeedbackFactRepository;
import com.salesaffairs.reporting.repository.RefundFactRepository;
import com.salesaffairs.reporting.repository.SalesFactRepository;

/**
 * Writes incoming facts into the read models, in the transaction that also records the event in the
 * inbox. A fact already stored under its business id is left alone, whatever ce_id brings it again.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class FactRecorder {
    private static final Logger LOG = Logger.getLogger(FactRecorder.class);

    private final SalesFactRepository sales;
    private final RefundFactRepository refunds;
    private final FeedbackFactRepository feedback;

    public FactRecorder(SalesFactRepository sales, RefundFactRepository refunds, FeedbackFactRepository feedback) {
        this.sales = sales;
        this.refunds = refunds;
        this.feedback = feedback;
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
}
