package com.salesaffairs.reporting.domain;

import java.util.Collection;
import java.util.List;

/**
 * What an export can contain: each dataset is one read model, with the fields a request may name
 * (a request names a subset; the CSV has them in the dataset's order after the watermark column).
 */
public enum ExportDataset {
    /** customer_fact, one row per contact (a customer without contacts: one row, contact columns empty). */
    CUSTOMERS(List.of("customerId", "customerName", "registrationId", "segment", "industry", "country", "city", "email",
            "phone", "ownerId", "team", "region", "registeredAt", "contactName", "contactTitle", "contactPhone",
            "contactEmail")),
    /** sales_fact, one row per settled order, with the customer's name when reporting knows the customer. */
    SALES_ORDERS(List.of("orderId", "orderNumber", "settledOn", "customerId", "customerName", "ownerId", "team", "region",
            "channel", "currency", "netAmount", "costAmount"));

    private final List<String> fields;

    ExportDataset(List<String> fields) {
        this.fields = fields;
    }

    public List<String> fields() {
        return fields;
    }

    /** The requested fields in the dataset's order. */
    public List<String> ordered(Collection<String> requested) {
        return fields.stream().filter(requested::contains).toList();
    }
}
