package com.salesaffairs.reporting.domain;

import java.util.Objects;

/**
 * What a market analysis adds up: the window, the dimension, the currency, and the caller's reach.
 * Growth compares the window with the one of equal length just before it.
 */
public record MarketQuery(ReportWindow window, MarketDimension dimension, String currency) {

    public MarketQuery {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(currency, "currency");
        if (window.days() > Granularity.FIVE_YEARS) {
            throw new IllegalArgumentException("a market analysis covers at most " + Granularity.FIVE_YEARS
                    + " days, not " + window.days());
        }
    }

    /** The window of equal length that ends the day before this one starts. */
    public ReportWindow previousWindow() {
        return new ReportWindow(window.from().minusDays(window.days()), window.from().minusDays(1));
    }
}
