package com.salesaffairs.reporting.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.security.Scope;
import com.salesaffairs.reporting.domain.CustomerDirectoryEntry;
import com.salesaffairs.reporting.domain.ExportPolicy;
import com.salesaffairs.reporting.domain.TeamReach;
import com.salesaffairs.reporting.repository.CustomerDirectoryRepository;

/**
 * The customer directory (issue 15, capability 5): every read scoped like the reports (a rep their own
 * customers, a manager their team's, directors, executives, admins and the data steward all), contact
 * data masked per the {@code reporting.export} version in force for those who do not work with the customer.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerDirectoryService {
    private final CustomerDirectoryRepository customers;
    private final DataExportService exports;
    private final AccessAuditNote note;

    public CustomerDirectoryService(CustomerDirectoryRepository customers, DataExportService exports, AccessAuditNote note) {
        this.customers = customers;
        this.exports = exports;
        this.note = note;
    }

    public PageResponse<CustomerDirectoryEntry> page(Scope caller, CustomerDirectoryRepository.Filter filter, PageParams page) {
        TeamReach reach = TeamReach.of(caller, filter.team());
        if (reach.none()) {
            note.rows(0);
            return PageResponse.of(List.of(), page, 0);
        }
        ExportPolicy policy = exports.activePolicy();
        List<CustomerDirectoryEntry> entries = customers.page(reach, filter, page.offset(), page.size()).stream()
                .map(c -> c.forCaller(caller, policy)).toList();
        note.rows(entries.size());
        return PageResponse.of(entries, page, customers.count(reach, filter));
    }
}
