package com.salesaffairs.reporting.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A rebuild as the progress table holds it: state, phase, counts and each topic-partition's position. */
public record ProjectionRebuildProgress(UUID id, String state, String phase, String requestedBy, List<String> channels,
        List<String> tables, long eventsRead, long eventsFailed, Instant startedAt, Instant updatedAt,
        Instant swappedAt, Instant finishedAt, String error, List<Partition> partitions) {

    public record Partition(String channel, String topic, int partition, long position, long endOffset) {
    }
}
