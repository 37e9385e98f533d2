package com.salesaffairs.order.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.order.domain.CustomerAccount;
import com.salesaffairs.order.repository.OrderRepository;
import com.salesaffairs.platform.problem.ApiProblem;

/** Finance's credit terms per customer, and the exposure they are measured against. */
@ApplicationScoped
@Transactional
public class CreditService {
    private static final Logger LOG = Logger.getLogger(CreditService.class);

    public record Credit(CustomerAccount customer, BigDecimal openExposure) {
    }

    private final EntityManager em;
    private final OrderRepository orders;
    private final Clock clock;

    public CreditService(EntityManager em, OrderRepository orders, Clock clock) {
        this.em = em;
        this.orders = orders;
        this.clock = clock;
    }

    public Credit set(UUID customerId, java.util.OptionalLong ifMatch, BigDecimal limit, boolean blocked, String by) {
        CustomerAccount c = em.find(CustomerAccount.class, customerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ApiProblem.notFound("customer", customerId);
        }
        if (ifMatch.isPresent() && ifMatch.getAsLong() != c.version()) {
            throw ApiProblem.preconditionFailed("customer " + customerId + " is at version " + c.version() + ", not "
                    + ifMatch.getAsLong());
        }
        c.setCredit(com.salesaffairs.order.domain.Money.cents(limit), blocked, clock.instant());
        em.flush();
        LOG.infof("credit of customer %s set by %s: limit %s, blocked %s", customerId, by, limit, blocked);
        return new Credit(c, orders.openExposure(customerId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Credit get(UUID customerId) {
        return new Credit(customer(customerId), orders.openExposure(customerId));
    }

    private CustomerAccount customer(UUID id) {
        CustomerAccount c = em.find(CustomerAccount.class, id);
        if (c == null) {
            throw ApiProblem.notFound("customer", id);
        }
        return c;
    }
}
