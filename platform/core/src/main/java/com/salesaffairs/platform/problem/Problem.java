package com.salesaffairs.platform.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document. {@code rule} names the business rule a 422 broke. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, String rule,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://problems.sales-affairs.example/";

    public static URI typeFor(String slug) {
        return URI.create(TYPE_BASE + slug);
    }
}
