package com.salesaffairs.reporting.domain;

import java.util.List;

/** A sales trend as answered: the query it answers and its points. */
public record SalesTrendReport(SalesTrendQuery query, List<TrendPoint> points) {
}
