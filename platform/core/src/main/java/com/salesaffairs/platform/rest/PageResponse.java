package com.salesaffairs.platform.rest;

import java.util.List;

/** A page of a list: {@code {"items": [...], "page": 0, "size": 20, "total": 57}}. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {
    public static <T> PageResponse<T> of(List<T> items, PageParams params, long total) {
        return new PageResponse<>(items, params.number(), params.size(), total);
    }
}
