package com.salesaffairs.reporting.domain;

/**
 * A person at a customer as {@code sales.customer.*.v1} carries them (kept in {@code customer_fact.contacts}).
 * Personal data: sensitive per {@code reporting.export} (contactName, contactPhone, contactEmail), masked
 * for roles that do not need it, never logged.
 */
public record CustomerContact(String name, String title, String phone, String email) {
}
