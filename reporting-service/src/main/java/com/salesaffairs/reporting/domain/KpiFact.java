package com.salesaffairs.reporting.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A rep's KPI figures for one month as performance-service scores them: the figures from
 * {@code sales.kpi.updated.v1} (absolute values; the latest {@code updatedAt} per rep and month wins, an
 * older or equal one changes nothing), the score and grade from {@code sales.appraisal.completed.v1}
 * (the latest {@code completedAt} wins). The two are kept apart so either may arrive first: an appraisal
 * of a month without figures yet leaves zero figures dated at the epoch, which any KPI update replaces.
 */
@Entity
@Table(name = "kpi_fact")
@IdClass(KpiFact.Key.class)
public class KpiFact {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    @Id
    @Column(name = "rep_id")
    private String repId;
    @Id
    @Column(name = "period")
    private String period;
    private String team;
    private String region;
    @Column(nullable = false)
    private String currency;
    @Column(name = "sales_amount", nullable = false)
    private BigDecimal salesAmount;
    @Column(name = "cost_amount", nullable = false)
    private BigDecimal costAmount;
    @Column(name = "gross_margin", nullable = false)
    private BigDecimal grossMargin;
    @Column(name = "order_count", nullable = false)
    private int orderCount;
    @Column(name = "refund_count", nullable = false)
    private int refundCount;
    @Column(name = "satisfaction_avg")
    private BigDecimal satisfactionAvg;
    @Column(name = "survey_count", nullable = false)
    private int surveyCount;
    @Column(name = "reports_due", nullable = false)
    private int reportsDue;
    @Column(name = "reports_on_time", nullable = false)
    private int reportsOnTime;
    @Column(name = "opportunities_won", nullable = false)
    private int opportunitiesWon;
    @Column(name = "opportunities_lost", nullable = false)
    private int opportunitiesLost;
    private BigDecimal score;
    private String grade;
    @Column(name = "appraised_at")
    private Instant appraisedAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected KpiFact() {
    }

    /** The primary key: rep and month. */
    public static class Key implements Serializable {
        private String repId;
        private String period;

        protected Key() {
        }

        public Key(String repId, String period) {
            this.repId = repId;
            this.period = period;
        }

        public String repId() {
            return repId;
        }

        public String period() {
            return period;
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

    /** Money figures of the month (sales net of refunds; may be negative). */
    public record Sales(String currency, BigDecimal salesAmount, BigDecimal costAmount, BigDecimal grossMargin,
            int orderCount, int refundCount) {
    }

    /** The other KPIs; {@code satisfactionAvg} null without surveys. */
    public record Conduct(BigDecimal satisfactionAvg, int surveyCount, int reportsDue, int reportsOnTime,
            int opportunitiesWon, int opportunitiesLost) {
        public static final Conduct NONE = new Conduct(null, 0, 0, 0, 0, 0);
    }

    /** The figures of one {@code sales.kpi.updated.v1}, not yet stored. */
    public static KpiFact updated(String repId, String period, String team, String region, Sales sales, Conduct conduct,
            Instant updatedAt, Instant recordedAt) {
        KpiFact f = blank(repId, period, team, region, recordedAt);
        f.currency = Money.currency(sales.currency());
        f.salesAmount = Money.amount("salesAmount", sales.salesAmount());
        f.costAmount = Money.amount("costAmount", sales.costAmount());
        f.grossMargin = Money.amount("grossMargin", sales.grossMargin());
        f.orderCount = count("orderCount", sales.orderCount());
        f.refundCount = count("refundCount", sales.refundCount());
        f.satisfactionAvg = conduct.satisfactionAvg() == null ? null
                : Money.amount("satisfactionAvg", conduct.satisfactionAvg());
        f.surveyCount = count("surveyCount", conduct.surveyCount());
        f.reportsDue = count("reportsDue", conduct.reportsDue());
        f.reportsOnTime = count("reportsOnTime", conduct.reportsOnTime());
        f.opportunitiesWon = count("opportunitiesWon", conduct.opportunitiesWon());
        f.opportunitiesLost = count("opportunitiesLost", conduct.opportunitiesLost());
        f.updatedAt = updatedAt;
        return f;
    }

    /** A month known only from its appraisal: zero figures dated at the epoch, so any KPI update is newer. */
    public static KpiFact appraisedOnly(String repId, String period, String team, String region, Instant recordedAt) {
        KpiFact f = blank(repId, period, team, region, recordedAt);
        f.currency = "CNY";
        f.salesAmount = BigDecimal.ZERO.setScale(2);
        f.costAmount = BigDecimal.ZERO.setScale(2);
        f.grossMargin = BigDecimal.ZERO.setScale(2);
        f.updatedAt = Instant.EPOCH;
        return f;
    }

    private static KpiFact blank(String repId, String period, String team, String region, Instant recordedAt) {
        if (repId == null || repId.isBlank()) {
            throw new InvalidFact("KPI fact without repId");
        }
        if (period == null || !MONTH.matcher(period).matches()) {
            throw new InvalidFact("KPI period '" + period + "' is not YYYY-MM");
        }
        KpiFact f = new KpiFact();
        f.repId = repId;
        f.period = period;
        f.team = team;
        f.region = region;
        f.recordedAt = recordedAt;
        return f;
    }

    private static int count(String field, int value) {
        if (value < 0) {
            throw new InvalidFact(field + " " + value + " is negative");
        }
        return value;
    }

    /** Takes the newer figures (a later {@code updatedAt}); the appraisal stays. True if applied. */
    public boolean supersede(KpiFact newer) {
        if (!newer.updatedAt.isAfter(updatedAt)) {
            return false;
        }
        team = newer.team;
        region = newer.region;
        currency = newer.currency;
        salesAmount = newer.salesAmount;
        costAmount = newer.costAmount;
        grossMargin = newer.grossMargin;
        orderCount = newer.orderCount;
        refundCount = newer.refundCount;
        satisfactionAvg = newer.satisfactionAvg;
        surveyCount = newer.surveyCount;
        reportsDue = newer.reportsDue;
        reportsOnTime = newer.reportsOnTime;
        opportunitiesWon = newer.opportunitiesWon;
        opportunitiesLost = newer.opportunitiesLost;
        updatedAt = newer.updatedAt;
        recordedAt = newer.recordedAt;
        return true;
    }

    /** Sets score and grade unless a later appraisal is already kept; true if applied. */
    public boolean appraised(BigDecimal score, String grade, Instant completedAt, Instant recordedAt) {
        if (appraisedAt != null && !completedAt.isAfter(appraisedAt)) {
            return false;
        }
        if (grade == null || grade.isBlank() || grade.length() > 2) {
            throw new InvalidFact("appraisal grade '" + grade + "' is not a grade of at most two characters");
        }
        this.score = Money.amount("score", score);
        this.grade = grade;
        this.appraisedAt = completedAt;
        this.recordedAt = recordedAt;
        return true;
    }

    public String repId() {
        return repId;
    }

    public String period() {
        return period;
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

    public BigDecimal salesAmount() {
        return salesAmount;
    }

    public BigDecimal costAmount() {
        return costAmount;
    }

    public BigDecimal grossMargin() {
        return grossMargin;
    }

    public int orderCount() {
        return orderCount;
    }

    public int refundCount() {
        return refundCount;
    }

    public BigDecimal satisfactionAvg() {
        return satisfactionAvg;
    }

    public int surveyCount() {
        return surveyCount;
    }

    public int reportsDue() {
        return reportsDue;
    }

    public int reportsOnTime() {
        return reportsOnTime;
    }

    public int opportunitiesWon() {
        return opportunitiesWon;
    }

    public int opportunitiesLost() {
        return opportunitiesLost;
    }

    public BigDecimal score() {
        return score;
    }

    public String grade() {
        return grade;
    }

    public Instant appraisedAt() {
        return appraisedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
