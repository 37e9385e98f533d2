package com.salesaffairs.platform.rest;

/** A representation of a mutable resource: its {@code version} is also its ETag (docs/rest-conventions.md). */
public interface Versioned {
    long version();
}
