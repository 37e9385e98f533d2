package com.salesaffairs.opportunity.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.opportunity.domain.Contact;
import com.salesaffairs.opportunity.domain.Customer;
import com.salesaffairs.opportunity.messaging.CustomerEvents;
import com.salesaffairs.opportunity.repository.ContactRepository;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.security.Scope;

import io.quarkus.panache.common.Page;

/**
 * The people at a customer. Personal data: logs carry ids only. Adding one is a change of the
 * customer (new version, {@code sales.customer.updated.v1} with the contacts) so that reporting's copy,
 * which masks them per {@code reporting.export}, stays complete.
 */
@ApplicationScoped
@Transactional
public class CustomerContacts {
    private static final Logger LOG = Logger.getLogger(CustomerContacts.class);

    private final CustomerService customers;
    private final ContactRepository contacts;
    private final CustomerEvents events;
    private final Clock clock;

    public CustomerContacts(CustomerService customers, ContactRepository contacts, CustomerEvents events, Clock clock) {
        this.customers = customers;
        this.contacts = contacts;
        this.events = events;
        this.clock = clock;
    }

    public Contact add(UUID customerId, String name, String title, String phone, String email, Scope caller) {
        Customer customer = customers.visible(customerId, caller);
        CustomerService.requireChanger(customer, caller);
        Contact contact = Contact.of(customer.id(), name, title, phone, email, caller.userId(), clock.instant());
        contacts.persist(contact);
        customer.contactsChanged(contact.createdAt());
        contacts.flush();
        events.updated(customer);
        LOG.infof("contact %s added to customer %s by %s", contact.id(), customer.id(), caller.userId());
        return contact;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Contact> list(UUID customerId, Scope caller, PageParams page) {
        customers.visible(customerId, caller);
        return contacts.ofCustomer(customerId).page(Page.of(page.number(), page.size())).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(UUID customerId, Scope caller) {
        customers.visible(customerId, caller);
        return contacts.ofCustomer(customerId).count();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Contact one(UUID customerId, UUID contactId, Scope caller) {
        customers.visible(customerId, caller);
        return contacts.findByIdOptional(contactId).filter(c -> c.customerId().equals(customerId))
                .orElseThrow(() -> ApiProblem.notFound("contact", contactId));
    }
}
