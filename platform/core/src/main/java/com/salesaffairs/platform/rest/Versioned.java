package com.salesaffairs.platform.rest;

/** A representation of a mutable resource: its {@code version} is also its ETag (DESIGN section 3). */
public interface Versioned {
    long version();
}
