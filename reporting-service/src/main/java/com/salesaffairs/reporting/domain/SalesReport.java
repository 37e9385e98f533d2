package com.salesaffairs.reporting.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.salesaffairs.platform.problem.ApiProblem;

/**
 * A rep's periodic sales report (policy 5: reps analyse their sales data and compile reports on trends,
 * performance and the market for the decision makers). The rep drafts and revises it, submits it once,
 * when the system's figures for the period and the due time from {@code reporting.schedule} are fixed
 * on it; the team's manager or a director reviews it with a comment. Every move checks the status.
 */
@Entity
@Table(name = "sales_report")
public class SalesReport {
    @Id
    private UUID id;
    @Column(name = "rep_id", nullable = false)
    private String repId;
    private String team;
    private String region;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportKind kind;
    @Column(nullable = false)
    private String period;
    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;
    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;
    @Column(nullable = false)
    private String summary;
    private String highlights;
    private String risks;
    @Column(name = "next_steps")
    private String nextSteps;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReportStatus status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "on_time")
    private Boolean onTime;
    @Column(name = "schedule_version")
    private Integer scheduleVersion;
    @Column(name = "figures_currency")
    private String figuresCurrency;
    private Integer orders;
    @Column(name = "settled_amount")
    private BigDecimal settledAmount;
    @Column(name = "cost_amount")
    private BigDecimal costAmount;
    private Integer refunds;
    @Column(name = "refund_amount")
    private BigDecimal refundAmount;
    private Integer feedback;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "review_comment")
    private String reviewComment;
    @Version
    private long version;

    protected SalesReport() {
    }

    /** The rep's draft for a period; team and region are the rep's when drafting (from the token). */
    public static SalesReport draft(ReportPeriod period, String repId, String team, String region, ReportContent content,
            Instant now) {
        SalesReport r = new SalesReport();
        r.id = UUID.randomUUID();
        r.repId = repId;
        r.team = team;
        r.region = region;
        r.kind = period.kind();
        r.period = period.label();
        r.periodStart = period.first();
        r.periodEnd = period.last();
        r.write(content);
        r.status = ReportStatus.DRAFT;
        r.createdAt = now;
        r.updatedAt = now;
        return r;
    }

    /** Replaces the text of a draft; a submitted report is a record and no longer changes. */
    public void revise(ReportContent content, Instant now) {
        if (status != ReportStatus.DRAFT) {
            throw ApiProblem.conflict("sales report " + id + " is " + status + "; only a DRAFT can be edited");
        }
        write(content);
        updatedAt = now;
    }

    /**
     * Hands the report in: the figures and due time are fixed on it, and whether it came in time
     * ({@code submittedAt <= dueAt}). Once only: a second submission is a conflict.
     */
    public void submit(ReportFigures figures, Instant due, int schedule, Instant now) {
        if (status != ReportStatus.DRAFT) {
            throw ApiProblem.conflict("sales report " + id + " is already " + status + " (submitted " + submittedAt + ")");
        }
        for (String[] part : new String[][] { { "highlights", highlights }, { "risks", risks }, { "nextSteps", nextSteps } }) {
            if (part[1] == null || part[1].isBlank()) {
                throw ApiProblem.ruleViolated("sales-report.complete", part[0],
                        "a submitted report has a summary, highlights, risks and next steps; " + part[0] + " is empty");
            }
        }
        figuresCurrency = figures.currency();
        orders = Math.toIntExact(figures.orders());
        settledAmount = figures.settledAmount();
        costAmount = figures.costAmount();
        refunds = Math.toIntExact(figures.refunds());
        refundAmount = figures.refundAmount();
        feedback = Math.toIntExact(figures.feedback());
        dueAt = due;
        scheduleVersion = schedule;
        submittedAt = now;
        onTime = !now.isAfter(due);
        status = ReportStatus.SUBMITTED;
        updatedAt = now;
    }

    /** The manager's (or a director's) reading of a submitted report; once. */
    public void review(String comment, String by, Instant now) {
        if (status != ReportStatus.SUBMITTED) {
            throw ApiProblem.conflict("sales report " + id + " is " + status + "; only a SUBMITTED report can be reviewed");
        }
        reviewComment = comment;
        reviewedBy = by;
        reviewedAt = now;
        status = ReportStatus.REVIEWED;
        updatedAt = now;
    }

    private void write(ReportContent content) {
        summary = content.summary();
        highlights = content.highlights();
        risks = content.risks();
        nextSteps = content.nextSteps();
    }

    /** The figures fixed at submission, or null for a draft. */
    public ReportFigures figures() {
        if (figuresCurrency == null) {
            return null;
        }
        return new ReportFigures(figuresCurrency, orders, settledAmount, costAmount, refunds, refundAmount, feedback);
    }

    public UUID id() {
        return id;
    }

    public String repId() {
        return repId;
    }

    public String team() {
        return team;
    }

    public String region() {
        return region;
    }

    public ReportKind kind() {
        return kind;
    }

    public ReportPeriod period() {
        return new ReportPeriod(kind, period, periodStart, periodEnd);
    }

    public ReportContent content() {
        return new ReportContent(summary, highlights, risks, nextSteps);
    }

    public ReportStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Boolean onTime() {
        return onTime;
    }

    public Integer scheduleVersion() {
        return scheduleVersion;
    }

    public String reviewedBy() {
        return reviewedBy;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }

    public String reviewComment() {
        return reviewComment;
    }

    public long version() {
        return version;
    }
}
