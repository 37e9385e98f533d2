package com.salesaffairs.platform.idempotency;

import java.net.URI;

/** What a create returns: where the new resource lives and its representation. */
public record Created<T>(URI location, T body) {
}
