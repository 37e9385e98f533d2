package com.salesaffairs.platform.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=0&size=20}; size at most 200 (docs/rest-conventions.md). The parameters are read as text
 * and validated here: a query parameter that fails conversion to a number is, by the JAX-RS
 * specification, a 404 without a word, where a caller who wrote {@code size=abc} needs a 400
 * naming {@code size}.
 */
public class PageParams {
    @QueryParam("page")
    @DefaultValue("0")
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number from 0")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = 100_000, message = "must be at most 100000; narrow the filters instead")
    String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number from 1 to 200")
    @Min(value = 1, message = "must be between 1 and 200")
    @Max(value = 200, message = "must be between 1 and 200")
    String size;

    public PageParams() {
        this(0, 20);
    }

    public PageParams(int page, int size) {
        this.page = Integer.toString(page);
        this.size = Integer.toString(size);
    }

    /** The page number, from 0; read only after validation. */
    public int number() {
        return Integer.parseInt(page);
    }

    public int size() {
        return Integer.parseInt(size);
    }

    public int offset() {
        return number() * size();
    }
}
