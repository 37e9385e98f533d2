package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

/**
 * An approved revenue target of the company, a region, a team or a rep for a month, quarter or year,
 * with its monthly split (policy 4). There is one row per (level, subject, period): setting it again
 * is a revision that replaces amount and split and counts {@code version} up from 1.
 */
@Entity
@Table(name = "sales_target")
public class Target {
    public static final String CURRENCY = "CNY";

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TargetLevel level;
    @Column(nullable = false)
    private String subject;
    private String team;
    private String region;
    @Enumerated(EnumType.STRING)
    @Column(name = "period_kind", nullable = false)
    private TargetPeriod.Kind periodKind;
    @Column(nullable = false)
    private String period;
    @Column(nullable = false)
    private String currency;
    @Column(nullable = false)
    private BigDecimal amount;
    @Column(name = "set_by", nullable = false)
    private String setBy;
    @Column(name = "proposal_id")
    private UUID proposalId;
    private String rationale;
    @Column(nullable = false)
    private int version;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sales_target_month", joinColumns = @JoinColumn(name = "target_id"))
    @MapKeyColumn(name = "month")
    @Column(name = "amount", nullable = false)
    private Map<String, BigDecimal> months = new HashMap<>();

    protected Target() {
    }

    public static Target first(TargetLevel level, String subject, String team, String region, TargetPeriod period,
            BigDecimal amount, Map<KpiPeriod, BigDecimal> split, String by, UUID proposalId, String rationale,
            Instant now) {
        Target t = new Target();
        t.id = UUID.randomUUID();
        t.level = level;
        t.subject = subject;
        t.periodKind = period.kind();
        t.period = period.toString();
        t.currency = CURRENCY;
        t.createdAt = now;
        t.version = 0;
        t.revise(team, region, amount, split, by, proposalId, rationale, now);
        return t;
    }

    /** Would setting these figures change anything? Setting the same target again is not a new revision. */
    public boolean sameAs(String team, String region, BigDecimal amount, Map<KpiPeriod, BigDecimal> split) {
        return Objects.equals(this.team, team) && Objects.equals(this.region, region)
                && this.amount.compareTo(amount) == 0 && monthlySplit().equals(split);
    }

    /** The next revision: new figures, who set them and why; the version counts up. */
    public void revise(String team, String region, BigDecimal amount, Map<KpiPeriod, BigDecimal> split, String by,
            UUID proposalId, String rationale, Instant now) {
        this.team = team;
        this.region = region;
        this.amount = amount.setScale(2);
        this.setBy = by;
        this.proposalId = proposalId;
        this.rationale = rationale;
        this.updatedAt = now;
        this.version++;
        months.clear();
        split.forEach((m, a) -> months.put(m.toString(), a.setScale(2)));
    }

    /** Month by month, in calendar order. */
    public Map<KpiPeriod, BigDecimal> monthlySplit() {
        Map<KpiPeriod, BigDecimal> split = new LinkedHashMap<>();
        months.keySet().stream().sorted().forEach(m -> split.put(KpiPeriod.parse(m), months.get(m).setScale(2)));
        return split;
    }

    public UUID id() {
        return id;
    }

    public TargetLevel level() {
        return level;
    }

    public String subject() {
        return subject;
    }

    public String team() {
        return team;
    }

    public String region() {
        return region;
    }

    public TargetPeriod period() {
        return TargetPeriod.parse(period);
    }

    public String currency() {
        return currency;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String setBy() {
        return setBy;
    }

    public UUID proposalId() {
        return proposalId;
    }

    public String rationale() {
        return rationale;
    }

    public int version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
