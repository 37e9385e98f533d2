package com.salesaffairs.aftersales.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.aftersales.domain.CaseEntry;
import com.salesaffairs.aftersales.domain.CaseStatus;
import com.salesaffairs.aftersales.domain.Department;
import com.salesaffairs.aftersales.domain.OrderFact;
import com.salesaffairs.aftersales.domain.SlaClock;
import com.salesaffairs.aftersales.domain.Customer;
import com.salesaffairs.aftersales.domain.Feedback;
import com.salesaffairs.aftersales.domain.ServiceCase;
import com.salesaffairs.aftersales.domain.Severity;
import com.salesaffairs.aftersales.domain.SlaDeadlines;
import com.salesaffairs.aftersales.domain.SlaPolicy;
import com.salesaffairs.aftersales.messaging.CaseEvents;
import com.salesaffairs.aftersales.repository.CaseEntryRepository;
import com.salesaffairs.aftersales.repository.CaseRepository;
import com.salesaffairs.aftersales.repository.OrderFactRepository;
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
    private final CaseEntryRepository history;
    private final OrderFactRepository orders;
    private final SurveyService surveys;
    private final Clock clock;

    public CaseService(CaseRepository cases, CustomerRepository customers, PolicyStore policies, CaseEvents events,
            CaseEntryRepository history, OrderFactRepository orders, SurveyService surveys, Clock clock) {
        this.cases = cases;
        this.customers = customers;
        this.policies = policies;
        this.events = events;
        this.history = history;
        this.orders = orders;
        this.surveys = surveys;
        this.clock = clock;
    }

    /** The aftersales.sla version in force now. */
    public SlaPolicy activeSla() {
        PolicyVersion v = policies.require(SLA_POLICY);
        return SlaPolicy.from(v.version, policies.read(v.content));
    }

    /** Opens a case for the feedback and records {@code sales.feedback.logged.v1} in the same transaction. */
    public ServiceCase logFeedback(Feedback feedback, Scope caller) {
        Customer customer = knownCustomer(feedback.customerId(), caller);
        if (feedback.orderId() != null) {
            knownOrderOf(feedback.orderId(), customer);
        }
        Instant now = now();
        SlaDeadlines sla = activeSla().deadlinesFor(feedback.severity(), now);
        String number = cases.nextCaseNumber(now.atZone(ZoneOffset.UTC).getYear());
        ServiceCase serviceCase = ServiceCase.open(number, customer, feedback, caller.userId(), sla, now);
        cases.persistAndFlush(serviceCase);
        history.persist(entryOf(serviceCase, caller));
        events.feedbackLogged(serviceCase);
        LOG.infof("case %s (%s, %s) opened for customer %s by %s under %s v%d", serviceCase.id(), number,
                feedback.severity(), customer.id(), caller.userId(), SLA_POLICY, sla.policyVersion());
        return serviceCase;
    }

    private static CaseEntry entryOf(ServiceCase c, Scope caller) {
        return c.logged(caller.userId());
    }

    /** Millisecond precision: what an event says is exactly what a later read of the case returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The order must be in the replica (from sales.order.* facts) and be the customer's. Both are 422s
     * the caller can retry: a fact may still be on its way from order-service.
     */
    private void knownOrderOf(UUID orderId, Customer customer) {
        OrderFact order = orders.findByIdOptional(orderId).orElseThrow(() -> ApiProblem.ruleViolated(
                "feedback.order-known", "orderId", "order " + orderId + " is not known to aftersales-service (yet):"
                        + " it must have been submitted in order-service; retry once its facts have arrived"));
        if (!order.customerId().equals(customer.id())) {
            throw ApiProblem.ruleViolated("feedback.order-customer", "orderId",
                    "order " + orderId + " is not an order of customer " + customer.id());
        }
    }

    /** Loads a case the caller sees, under its row lock, at the version the caller read (when they say). */
    private ServiceCase forAction(UUID id, Optional<Long> ifMatch, Scope caller) {
        ServiceCase c = visible(id, caller);
        cases.getEntityManager().refresh(c, LockModeType.PESSIMISTIC_WRITE);
        if (ifMatch.isPresent() && ifMatch.get() != c.version()) {
            throw ApiProblem.preconditionFailed("case " + id + " is at version " + c.version() + ", not " + ifMatch.get());
        }
        return c;
    }

    private ServiceCase saved(ServiceCase c, List<CaseEntry> entries) {
        entries.forEach(history::persist);
        cases.flush();
        return c;
    }

    public ServiceCase assign(UUID id, Optional<Long> ifMatch, Department department, String assigneeId, String note,
            Scope caller) {
        ServiceCase c = forAction(id, ifMatch, caller);
        CaseEntry e = c.assign(department, assigneeId, note, caller.userId(), now());
        saved(c, List.of(e));
        events.assigned(c, e);
        LOG.infof("case %s %s to %s by %s", c.caseNumber(), e.action(), department, caller.userId());
        return c;
    }

    public ServiceCase comment(UUID id, Optional<Long> ifMatch, String text, boolean customerContact, Scope caller) {
        ServiceCase c = forAction(id, ifMatch, caller);
        return saved(c, c.comment(text, customerContact, caller.userId(), now(), activeSla().clock()));
    }

    public ServiceCase respond(UUID id, Optional<Long> ifMatch, String message, Scope caller) {
        ServiceCase c = forAction(id, ifMatch, caller);
        return saved(c, c.respond(message, caller.userId(), now(), activeSla().clock()));
    }

    public ServiceCase waitForCustomer(UUID id, Optional<Long> ifMatch, String reason, Scope caller) {
        ServiceCase c = forAction(id, ifMatch, caller);
        return saved(c, List.of(c.waitForCustomer(reason, caller.userId(), now())));
    }

    public ServiceCase resolve(UUID id, Optional<Long> ifMatch, String solution, Scope caller) {
        ServiceCase c = forAction(id, ifMatch, caller);
        SlaClock slaClock = activeSla().clock();
        saved(c, c.resolve(solution, caller.userId(), now(), slaClock));
        events.resolved(c, caller.userId(), slaClock);
        return c;
    }

    public ServiceCase confirm(UUID id, Optional<Long> ifMatch, Scope caller) {
        ServiceCase c = forAction(id, ifMatch, caller);
        CaseEntry e = c.confirm(caller.userId(), now());
        saved(c, List.of(e));
        events.closed(c, e, Boolean.TRUE.equals(c.resolutionMet()));
        surveys.afterCaseClosed(c, caller.userId());
        return c;
    }

    public ServiceCase reopen(UUID id, Optional<Long> ifMatch, String reason, Scope caller) {
        ServiceCase c = forAction(id, ifMatch, caller);
        CaseEntry e = c.reopen(reason, caller.userId(), now(), activeSla().clock());
        saved(c, List.of(e));
        events.reopened(c, e);
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseEntry> history(UUID id, Scope caller, PageParams page) {
        visible(id, caller);
        return history.ofCase(id).page(Page.of(page.number(), page.size())).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long historyCount(UUID id) {
        return history.ofCase(id).count();
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
    public List<ServiceCase> list(Scope caller, CaseStatus status, Severity severity, UUID customerId,
            Department department, PageParams page) {
        return query(caller, status, severity, customerId, department).page(Page.of(page.number(), page.size())).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Scope caller, CaseStatus status, Severity severity, UUID customerId, Department department) {
        return query(caller, status, severity, customerId, department).count();
    }

    private PanacheQuery<ServiceCase> query(Scope caller, CaseStatus status, Severity severity, UUID customerId,
            Department department) {
        CaseRepository.Filter filter;
        if (seesAllCases(caller)) {
            filter = new CaseRepository.Filter(null, null, status, severity, customerId, department);
        } else if (caller.hasRole(Roles.SALES_MANAGER) && caller.team() != null) {
            filter = new CaseRepository.Filter(caller.team(), null, status, severity, customerId, department);
        } else {
            // A rep, or a manager whose token names no team: never "no limit", only their own cases.
            filter = new CaseRepository.Filter(null, caller.userId(), status, severity, customerId, department);
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
