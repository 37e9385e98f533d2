package com.salesaffairs.aftersales.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.aftersales.domain.CaseStatus;
import com.salesaffairs.aftersales.domain.Customer;
import com.salesaffairs.aftersales.domain.Feedback;
import com.salesaffairs.aftersales.domain.ServiceCase;
import com.salesaffairs.aftersales.domain.Severity;
import com.salesaffairs.aftersales.domain.SlaDeadlines;
import com.salesaffairs.aftersales.domain.SlaPolicy;
import com.salesaffairs.aftersales.messaging.CaseEvents;
import com.salesaffairs.aftersales.repository.CaseRepository;
import com.salesaffairs.aftersales.repository.CustomerRepository;
import com.salesaffairs.platform.policy.PolicyStore;
import com.salesaffairs.platform.policy.PolicyVersion;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;

/** Feedback in, cases out: who may log it, which SLA clock it runs on, who sees the case. */
@ApplicationScoped
@Transactional
public class CaseService {
    public static final String SLA_POLICY = "aftersales.sla";
    private static final Logger LOG = Logger.getLogger(CaseService.class);

    private final CaseRepository cases;
    private final CustomerRepository customers;
    private final PolicyStore policies;
    private final CaseEvents events;
    private final Clock clock;

    public CaseService(CaseRepository cases, CustomerRepository customers, PolicyStore policies, CaseEvents events,
            Clock clock) {
        this.cases = cases;
        this.customers = customers;
        this.policies = policies;
        this.events = events;
        this.clock = clock;
    }

    /** Opens a case for the feedback and records {@code sales.feedback.logged.v1} in the same transaction. */
    public ServiceCase logFeedback(Feedback feedback, Scope caller) {
        Customer customer = knownCustomer(feedback.customerId(), caller);
        // Millisecond precision: what the event says is exactly what a later read of the case returns.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PolicyVersion slaVersion = policies.require(SLA_POLICY);
        SlaDeadlines sla = SlaPolicy.from(slaVersion.version, policies.read(slaVersion.content))
                .deadlinesFor(feedback.severity(), now);
        String number = cases.nextCaseNumber(now.atZone(ZoneOffset.UTC).getYear());
        ServiceCase serviceCase = ServiceCase.open(number, customer, feedback, caller.userId(), sla, now);
        cases.persistAndFlush(serviceCase);
        events.feedbackLogged(serviceCase);
        LOG.infof("case %s (%s, %s) opened for customer %s by %s under %s v%d", serviceCase.id(), number,
                feedback.severity(), customer.id(), caller.userId(), SLA_POLICY, sla.policyVersion());
        return serviceCase;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ServiceCase visible(UUID id, Scope caller) {
        ServiceCase c = cases.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("case", id));
        if (!seesCase(c, caller)) {
            throw ApiProblem.notFound("case", id);
        }
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ServiceCase> list(Scope caller, CaseStatus status, Severity severity, UUID customerId, PageParams page) {
        return query(caller, status, severity, customerId).page(Page.of(page.number(), page.size())).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Scope caller, CaseStatus status, Severity severity, UUID customerId) {
        return query(caller, status, severity, customerId).count();
    }

    private PanacheQuery<ServiceCase> query(Scope caller, CaseStatus status, Severity severity, UUID customerId) {
        CaseRepository.Filter filter;
        if (seesAllCases(caller)) {
            filter = new CaseRepository.Filter(null, null, status, severity, customerId);
        } else if (caller.hasRole(Roles.SALES_MANAGER) && caller.team() != null) {
            filter = new CaseRepository.Filter(caller.team(), null, status, severity, customerId);
        } else {
            // A rep, or a manager whose token names no team: never "no limit", only their own cases.
            filter = new CaseRepository.Filter(null, caller.userId(), status, severity, customerId);
        }
        return cases.matching(filter);
    }

    /** After-sales agents work every customer's cases. */
    private static boolean seesAllCases(Scope caller) {
        return caller.seesAllAs(Roles.AFTERSALES_AGENT);
    }

    /** The rep sees the cases they own and those they logged for a teammate's customer; the manager the team's. */
    private static boolean seesCase(ServiceCase c, Scope caller) {
        return seesAllCases(caller) || caller.managesTeam(c.team())
                || (caller.userId() != null && (caller.userId().equals(c.ownerId()) || caller.userId().equals(c.loggedBy())));
    }

    /**
     * The customer must be in the replica and within the caller's reach: a rep's own or their team's
     * customers, a manager's team, any for an after-sales agent. A customer out of reach gets the same
     * answer as an unknown one, so the answer never reveals that it exists.
     */
    private Customer knownCustomer(UUID customerId, Scope caller) {
        Customer customer = customers.findByIdOptional(customerId).orElse(null);
        if (customer == null || !mayLogFeedbackFor(customer, caller)) {
            throw ApiProblem.ruleViolated("feedback.customer-known", "customer " + customerId
                    + " is not known to aftersales-service (yet): it must be registered in opportunity-service first");
        }
        return customer;
    }

    private static boolean mayLogFeedbackFor(Customer customer, Scope caller) {
        if (caller.seesAllAs(Roles.AFTERSALES_AGENT)) {
            return true;
        }
        if (caller.userId() != null && caller.userId().equals(customer.ownerId())) {
            return true;
        }
        boolean sameTeam = caller.team() != null && caller.team().equals(customer.team());
        return sameTeam && caller.hasAnyRole(Roles.SALES_REP, Roles.SALES_MANAGER);
    }
}
