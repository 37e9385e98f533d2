package com.salesaffairs.reporting.domain;

import java.util.List;

/** A sales trend as answered: the query it answers, whose facts it counts, and its points. */
public record SalesTrendReport(SalesTrendQuery query, TeamReach reach, List<TrendPoint> points) {
}
