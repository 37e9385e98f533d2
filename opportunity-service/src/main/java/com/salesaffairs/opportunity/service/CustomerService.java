package com.salesaffairs.opportunity.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.opportunity.domain.Customer;
import com.salesaffairs.opportunity.domain.CustomerDetails;
import com.salesaffairs.opportunity.domain.RegistrationId;
import com.salesaffairs.opportunity.messaging.CustomerEvents;
import com.salesaffairs.opportunity.repository.CustomerRepository;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

import io.quarkus.panache.common.Page;

@ApplicationScoped
@Transactional
public class CustomerService {
    private static final Logger LOG = Logger.getLogger(CustomerService.class);

    private final CustomerRepository customers;
    private final CustomerEvents events;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, CustomerEvents events, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    public Customer register(CustomerDetails details, Scope caller) {
        if (caller.team() == null) {
            throw ApiProblem.ruleViolated("customer.owner-team", "only a member of a sales team can register a customer");
        }
        if (customers.nameTakenInTeam(details.name(), caller.team(), new UUID(0, 0))) {
            throw ApiProblem.conflict("a customer named '" + details.name().trim() + "' is already registered in team "
                    + caller.team());
        }
        requireRegistrationIdFree(details.country(), Customer.registrationIdAfter(null, details), new UUID(0, 0));
        Customer customer = Customer.register(details, caller.userId(), caller.team(), caller.region(), clock.instant());
        customers.persistAndFlush(customer);
        events.registered(customer);
        LOG.infof("customer %s registered by %s in team %s", customer.id(), caller.userId(), customer.team());
        return customer;
    }

    public Customer update(UUID id, long expectedVersion, CustomerDetails details, Scope caller) {
        Customer customer = visible(id, caller);
        requireChanger(customer, caller);
        if (customer.version() != expectedVersion) {
            throw ApiProblem.preconditionFailed("customer " + id + " is at version " + customer.version() + ", not "
                    + expectedVersion);
        }
        if (customers.nameTakenInTeam(details.name(), customer.team(), customer.id())) {
            throw ApiProblem.conflict("a customer named '" + details.name().trim() + "' is already registered in team "
                    + customer.team());
        }
        requireRegistrationIdFree(details.country(), Customer.registrationIdAfter(customer, details), customer.id());
        customer.update(details, clock.instant());
        customers.flush();
        events.updated(customer);
        return customer;
    }

    /**
     * One customer per legal entity company-wide: the second registration of an id is refused naming
     * the first, so the rep can ask that customer's owner instead of creating a namesake. The unique
     * index backs this against a concurrent registration (then a plain 409).
     */
    private void requireRegistrationIdFree(String country, String registrationId, UUID except) {
        RegistrationId.problem(country, registrationId).ifPresent(p -> {
            throw ApiProblem.invalid("registrationId", p);
        });
        if (registrationId != null) {
            customers.withRegistrationId(registrationId, except).ifPresent(existing -> {
                throw ApiProblem.duplicate("customer.registration-id-unique", "registrationId " + registrationId
                        + " is already registered as customer " + existing.id());
            });
        }
    }

    /** Who may change a customer and its contacts: the owner, their manager, a director or an admin. */
    static void requireChanger(Customer customer, Scope caller) {
        if (!caller.userId().equals(customer.ownerId()) && !caller.managesTeam(customer.team()) && !caller.seesAll()) {
            throw ApiProblem.forbidden("only the owner or their manager may change a customer");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer visible(UUID id, Scope caller) {
        Customer customer = customers.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("customer", id));
        if (!caller.sees(customer.ownerId(), customer.team()) && !seesAllCustomers(caller)) {
            throw ApiProblem.notFound("customer", id);
        }
        return customer;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Customer> list(Scope caller, String name, PageParams page) {
        var query = query(caller, name);
        return query.page(Page.of(page.number(), page.size())).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Scope caller, String name) {
        return query(caller, name).count();
    }

    private io.quarkus.hibernate.orm.panache.PanacheQuery<Customer> query(Scope caller, String name) {
        if (seesAllCustomers(caller)) {
            return customers.visible(null, null, name);
        }
        return customers.visible(caller.teamFilter(), caller.ownerFilter(), name);
    }

    /** Finance, order review and after-sales work with every customer. */
    private static boolean seesAllCustomers(Scope caller) {
        return caller.seesAllAs(Roles.FINANCE, Roles.ORDER_REVIEWER, Roles.AFTERSALES_AGENT, Roles.DATA_STEWARD);
    }
}
