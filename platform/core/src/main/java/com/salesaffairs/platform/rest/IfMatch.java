package com.salesaffairs.platform.rest;

import java.util.OptionalLong;

import com.salesaffairs.platform.problem.ApiProblem;

/** Reads the version out of an {@code If-Match} header: {@code "3"}, {@code 3} or {@code W/"3"}. */
public final class IfMatch {
    private IfMatch() {
    }

    public static OptionalLong version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String v = header.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("If-Match", "must be the version the ETag gave, e.g. \"3\"");
        }
    }
}
