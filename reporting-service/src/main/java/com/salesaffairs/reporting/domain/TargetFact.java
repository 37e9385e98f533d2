package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A revenue target as performance-service last approved it ({@code sales.target.approved.v1}: absolute
 * figures, the highest {@code version} per target wins), with its monthly split in
 * {@code target_month_fact}, which the pipeline forecast compares against.
 */
@Entity
@Table(name = "target_fact")
public class TargetFact {
    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    @Id
    @Column(name = "target_id")
    private UUID targetId;
    @Column(nullable = false)
    private String level;
    @Column(nullable = false)
    private String subject;
    private String team;
    private String region;
    @Column(nullable = false)
    private String period;
    @Column(name = "period_kind", nullable = false)
    private String periodKind;
    @Column(nullable = false)
    private String currency;
    @Column(nullable = false)
    private BigDecimal amount;
    @Column(nullable = false)
    private long version;
    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "target_month_fact", joinColumns = @JoinColumn(name = "target_id"))
    private List<TargetMonth> months = new ArrayList<>();

    protected TargetFact() {
    }

    /** The target levels of the contract. */
    public enum Level {
        COMPANY, REGION, TEAM, REP
    }

    /** The period kinds of the contract. */
    public enum PeriodKind {
        MONTH, QUARTER, YEAR
    }

    /** Whose target it is: {@code subject} is 'company', the region, the team or the rep's user id. */
    public record Holder(Level level, String subject, String team, String region) {
    }

    public static TargetFact approved(UUID targetId, Holder holder, String period, PeriodKind periodKind,
            String currency, BigDecimal amount, List<TargetMonth> split, long version, Instant approvedAt,
            Instant recordedAt) {
        if (split.isEmpty()) {
            throw new InvalidFact("target " + targetId + " without monthlySplit");
        }
        List<TargetMonth> months = new ArrayList<>();
        for (TargetMonth m : split) {
            if (m.month() == null || !MONTH.matcher(m.month()).matches()) {
                throw new InvalidFact("target " + targetId + " monthlySplit month '" + m.month() + "' is not YYYY-MM");
            }
            if (months.stream().anyMatch(known -> known.month().equals(m.month()))) {
                throw new InvalidFact("target " + targetId + " monthlySplit names " + m.month() + " twice");
            }
            BigDecimal share = Money.amount("monthlySplit.amount", m.amount());
            if (share.signum() < 0) {
                throw new InvalidFact("target " + targetId + " monthlySplit amount of " + m.month() + " is negative");
            }
            months.add(new TargetMonth(m.month(), share));
        }
        TargetFact f = new TargetFact();
        f.targetId = targetId;
        f.level = holder.level().name();
        f.subject = holder.subject();
        f.team = holder.team();
        f.region = holder.region();
        f.period = period;
        f.periodKind = periodKind.name();
        f.currency = Money.currency(currency);
        f.amount = Money.amount("amount", amount);
        f.version = version;
        f.approvedAt = approvedAt;
        f.recordedAt = recordedAt;
        f.months = months;
        return f;
    }

    /** Takes the newer revision (a higher version), its split included; true if applied. */
    public boolean supersede(TargetFact newer) {
        if (newer.version <= version) {
            return false;
        }
        level = newer.level;
        subject = newer.subject;
        team = newer.team;
        region = newer.region;
        period = newer.period;
        periodKind = newer.periodKind;
        currency = newer.currency;
        amount = newer.amount;
        version = newer.version;
        approvedAt = newer.approvedAt;
        recordedAt = newer.recordedAt;
        months.clear();
        months.addAll(newer.months);
        return true;
    }

    public UUID targetId() {
        return targetId;
    }

    public Level level() {
        return Level.valueOf(level);
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

    public String period() {
        return period;
    }

    public String currency() {
        return currency;
    }

    public BigDecimal amount() {
        return amount;
    }

    public long version() {
        return version;
    }

    public List<TargetMonth> months() {
        return List.copyOf(months);
    }
}
