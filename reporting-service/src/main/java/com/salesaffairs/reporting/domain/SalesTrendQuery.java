package com.salesaffairs.reporting.domain;

import java.util.Objects;

/**
 * What a sales trend adds up: the window, the period length, an optional split and the currency
 * (facts in another currency are not converted, and so not counted).
 *
 * @param groupBy null for one series
 */
public record SalesTrendQuery(ReportWindow window, Granularity granularity, TrendDimension groupBy, String currency) {

    public SalesTrendQuery {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(currency, "currency");
        if (window.days() > granularity.maxSpanDays()) {
            throw new IllegalArgumentException("a " + granularity.apiName() + " trend covers at most "
                    + granularity.maxSpanDays() + " days, not " + window.days());
        }
    }

    public boolean split() {
        return groupBy != null;
    }
}
