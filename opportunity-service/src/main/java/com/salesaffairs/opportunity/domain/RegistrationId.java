package com.salesaffairs.opportunity.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer's legal registration: for China the 18-character unified social credit code
 * (统一社会信用代码, GB 32100-2015), elsewhere the country's own company number. The shape is
 * checked, not the check character: a typo that keeps the shape is caught by the person, not here.
 */
public final class RegistrationId {
    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final Pattern OTHER = Pattern.compile("[A-Z0-9-]{1,50}");

    private RegistrationId() {
    }

    /** Upper case without surrounding blanks: ids compare case-insensitively. */
    public static String normalise(String id) {
        return id == null ? null : id.trim().toUpperCase(Locale.ROOT);
    }

    /** Why the id does not fit the country, or empty when it does. */
    public static Optional<String> problem(String country, String normalisedId) {
        if (normalisedId == null) {
            return Optional.empty();
        }
        if ("CN".equals(country)) {
            return USCC.matcher(normalisedId).matches() ? Optional.empty()
                    : Optional.of("must be an 18-character unified social credit code for a customer in CN");
        }
        return OTHER.matcher(normalisedId).matches() ? Optional.empty()
                : Optional.of("must be 1 to 50 letters, digits or '-'");
    }
}
