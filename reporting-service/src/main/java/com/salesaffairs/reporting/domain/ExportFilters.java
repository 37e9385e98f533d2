package com.salesaffairs.reporting.domain;

import java.time.LocalDate;

/**
 * Which rows of the dataset an export takes: days {@code from}..{@code to} (both included; settlement
 * day for orders, registration day for customers), one team, one region; null means no limit. The
 * requester's own reach always applies on top.
 */
public record ExportFilters(LocalDate from, LocalDate to, String team, String region) {
}
