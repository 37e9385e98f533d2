package com.salesaffairs.reporting.domain;

/**
 * How the customer directory hides contact data from roles that do not need it (reporting.export
 * maskedFields): enough is left to tell two entries apart and to recognise one you already know (the
 * first letter of each name part, the last four digits, the mail domain), nothing to call or mail.
 */
public final class ContactMasking {
    static final String STARS = "***";

    private ContactMasking() {
    }

    /** "Li Wei" → "L*** W***"; "王伟" → "王***". */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        StringBuilder masked = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            masked.appendCodePoint(part.codePointAt(0)).append(STARS);
        }
        return masked.toString();
    }

    /** "+86 138 0013 8000" → "***8000"; fewer than 7 digits → "***". */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.length() < 7 ? STARS : STARS + digits.substring(digits.length() - 4);
    }

    /** "li.wei@example.com" → "l***@example.com". */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return STARS;
        }
        return email.substring(0, 1) + STARS + email.substring(at);
    }

    /** "91330100MA27XY1234" → "***1234"; short ids → "***". */
    public static String registrationId(String id) {
        if (id == null || id.isBlank()) {
            return id;
        }
        String trimmed = id.trim();
        return trimmed.length() < 8 ? STARS : STARS + trimmed.substring(trimmed.length() - 4);
    }
}
