package com.salesaffairs.reporting.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a sales trend may be split by; {@code REP} is the fact's owner (the rep's user id). */
public enum TrendDimension {
    CHANNEL, REGION, TEAM, REP, CATEGORY;

    /** The group of facts that do not carry the dimension (a fact without a team, a line without a category). */
    public static final String UNKNOWN = "UNKNOWN";
    /** The group of a refund whose order reporting does not know by category (not settled here, or without lines). */
    public static final String UNALLOCATED = "UNALLOCATED";

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TrendDimension> fromApiName(String value) {
        return Arrays.stream(values()).filter(d -> d.apiName().equals(value)).findFirst();
    }
}
