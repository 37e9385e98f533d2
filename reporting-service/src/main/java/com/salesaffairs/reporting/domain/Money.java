package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** The money rules facts must meet: two decimals at most, an ISO-4217 currency code. */
public final class Money {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Money() {
    }

    /** The amount at scale 2; more decimals than cents would be a producer's rounding bug, not ours to hide. */
    public static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            throw new InvalidFact("fact without " + field);
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidFact(field + " " + value.toPlainString() + " has more than two decimals");
        }
        return value.setScale(2);
    }

    public static String currency(String value) {
        if (value == null || !CURRENCY.matcher(value).matches()) {
            throw new InvalidFact("currency '" + value + "' is not an ISO-4217 code");
        }
        return value;
    }

    public static boolean isCurrency(String value) {
        return value != null && CURRENCY.matcher(value).matches();
    }
}
