package com.salesaffairs.platform.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** {@code ?page=0&size=20}; size at most 200 (DESIGN section 3). */
public class PageParams {
    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Max(value = 100_000, message = "must be at most 100000; narrow the filters instead")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and 200")
    @Max(value = 200, message = "must be between 1 and 200")
    public int size;

    public int offset() {
        return page * size;
    }
}
