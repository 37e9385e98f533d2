package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One month of a target's split ({@code target_month_fact}): the amount the target expects in that month. */
@Embeddable
public class TargetMonth {
    @Column(name = "month", nullable = false)
    private String month;
    @Column(nullable = false)
    private BigDecimal amount;

    protected TargetMonth() {
    }

    public TargetMonth(String month, BigDecimal amount) {
        this.month = month;
        this.amount = amount;
    }

    /** {@code YYYY-MM}. */
    public String month() {
        return month;
    }

    public BigDecimal amount() {
        return amount;
    }
}
