package com.salesaffairs.platform.rest;

import java.util.Arrays;
import java.util.UUID;

import com.salesaffairs.platform.problem.ApiProblem;

/**
 * Query and path parameters read as text and parsed here, not by JAX-RS, so a bad value is a 400
 * naming the parameter rather than JAX-RS's bare 404. Absent or blank means "not given" (null).
 */
public final class QueryParameters {
    private QueryParameters() {
    }

    /** The enum constant named by {@code value}, or null when none is given. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The UUID in {@code value}, or null when none is given. */
    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, "must be a UUID");
        }
    }
}
