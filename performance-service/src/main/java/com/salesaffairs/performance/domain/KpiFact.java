package com.salesaffairs.performance.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A rep's running sales figures for one month. Read-only to JPA: the only write is the additive
 * UPSERT in {@code KpiFactRepository}, which two consumers can run at once without losing an update
 * (a read-modify-write through this entity could).
 */
@Entity
@Table(name = "kpi_fact")
@IdClass(KpiFact.Key.class)
@Immutable
public class KpiFact {
    @Id
    @Column(name = "rep_id")
    private String repId;
    @Id
    private String period;
    /** The rep's team and region as last seen on an order fact for this month. */
    private String team;
    private String region;
    @Column(nullable = false)
    private String currency;
    @Column(name = "sales_amount", nullable = false)
    private BigDecimal salesAmount;
    @Column(name = "cost_amount", nullable = false)
    private BigDecimal costAmount;
    @Column(name = "order_count", nullable = false)
    private int orderCount;
    @Column(name = "refund_count", nullable = false)
    private int refundCount;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected KpiFact() {
    }

    public String repId() {
        return repId;
    }

    public KpiPeriod period() {
        return KpiPeriod.parse(period);
    }

    public String team() {
        return team;
    }

    public String region() {
        return region;
    }

    public String currency() {
        return currency;
    }

    public KpiFigures figures() {
        return new KpiFigures(salesAmount, costAmount, orderCount, refundCount);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public static class Key implements Serializable {
        public String repId;
        public String period;

        public Key() {
        }

        public Key(String repId, String period) {
            this.repId = repId;
            this.period = period;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(repId, k.repId) && Objects.equals(period, k.period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(repId, period);
        }
    }
}
