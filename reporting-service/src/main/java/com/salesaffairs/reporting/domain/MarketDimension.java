package com.salesaffairs.reporting.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a market analysis divides sales by: the order's region or sales channel as settled, or the
 * customer's segment as reporting last heard it (sales.customer.registered/updated).
 */
public enum MarketDimension {
    REGION, CHANNEL, SEGMENT;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MarketDimension> fromApiName(String value) {
        return Arrays.stream(values()).filter(d -> d.apiName().equals(value)).findFirst();
    }
}
