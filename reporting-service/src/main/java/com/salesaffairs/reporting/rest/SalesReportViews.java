package com.salesaffairs.reporting.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.salesaffairs.platform.rest.Versioned;
import com.salesaffairs.reporting.domain.ReportContent;
import com.salesaffairs.reporting.domain.ReportFigures;
import com.salesaffairs.reporting.domain.ReportRollCall;
import com.salesaffairs.reporting.domain.SalesReport;

/** What the sales-report endpoints take and answer. */
public final class SalesReportViews {
    static final int TEXT = 4000;

    private SalesReportViews() {
    }

    @Schema(example = """
            {"kind": "WEEKLY", "period": "2026-W48",
             "summary": "Two key accounts renewed; distributor channel slower than plan",
             "highlights": "Renewal of the Hangzhou water-works contract (CNY 180k)",
             "risks": "Distributor in Suzhou is late with payments",
             "nextSteps": "Visit the Suzhou distributor on Tuesday; quote for the Ningbo tender"}""")
    public record DraftSalesReportRequest(
            @NotBlank @Schema(enumeration = { "WEEKLY", "MONTHLY" }) String kind,
            @NotBlank @Schema(description = "WEEKLY: an ISO week such as 2026-W48; MONTHLY: a month such as 2026-11") String period,
            @NotBlank @Size(max = TEXT) String summary,
            @Size(max = TEXT) String highlights,
            @Size(max = TEXT) String risks,
            @Size(max = TEXT) String nextSteps) {

        ReportContent content() {
            return SalesReportViews.content(summary, highlights, risks, nextSteps);
        }
    }

    @Schema(example = """
            {"summary": "Two key accounts renewed; distributor channel slower than plan",
             "highlights": "Renewal of the Hangzhou water-works contract (CNY 180k)",
             "risks": "Distributor in Suzhou is late with payments; a competitor undercuts us by 8% in Ningbo",
             "nextSteps": "Visit the Suzhou distributor on Tuesday; quote for the Ningbo tender"}""")
    public record ReviseSalesReportRequest(
            @NotBlank @Size(max = TEXT) String summary,
            @Size(max = TEXT) String highlights,
            @Size(max = TEXT) String risks,
            @Size(max = TEXT) String nextSteps) {

        ReportContent content() {
            return SalesReportViews.content(summary, highlights, risks, nextSteps);
        }
    }

    @Schema(example = """
            {"comment": "Good week. Ask finance about the Suzhou distributor's credit before the next delivery."}""")
    public record ReviewSalesReportRequest(@NotNull @NotBlank @Size(max = TEXT) String comment) {
    }

    private static ReportContent content(String summary, String highlights, String risks, String nextSteps) {
        return new ReportContent(summary.trim(), trimmed(highlights), trimmed(risks), trimmed(nextSteps));
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    @Schema(description = "The rep's figures for the period from reporting's read models, fixed at submission."
            + " Days are UTC calendar days; only facts in currency are counted.")
    public record ReportFiguresView(
            @Schema(description = "ISO-4217, the reporting currency") String currency,
            @Schema(description = "orders the rep settled in the period") long orders,
            @Schema(description = "net amount of those orders") BigDecimal settledAmount,
            @Schema(description = "cost of those orders") BigDecimal costAmount,
            @Schema(description = "refunds paid on the rep's orders in the period") long refunds,
            BigDecimal refundAmount,
            @Schema(description = "settledAmount - refundAmount") BigDecimal netSales,
            @Schema(description = "netSales - costAmount") BigDecimal grossMargin,
            @Schema(description = "customer feedback logged for the rep's customers in the period") long feedback) {

        static ReportFiguresView of(ReportFigures f) {
            return f == null ? null : new ReportFiguresView(f.currency(), f.orders(), f.settledAmount(), f.costAmount(),
                    f.refunds(), f.refundAmount(), f.netSales(), f.grossMargin(), f.feedback());
        }
    }

    public record ReportReviewView(String reviewedBy, Instant reviewedAt, String comment) {
    }

    @Schema(description = "A rep's sales report; its version is the ETag")
    public record SalesReportView(
            UUID id,
            @Schema(description = "the rep who wrote it (token sub)") String repId,
            @Schema(nullable = true) String team,
            @Schema(nullable = true) String region,
            @Schema(enumeration = { "WEEKLY", "MONTHLY" }) String kind,
            @Schema(description = "2026-W48 or 2026-11") String period,
            LocalDate periodStart,
            LocalDate periodEnd,
            String summary,
            @Schema(nullable = true) String highlights,
            @Schema(nullable = true) String risks,
            @Schema(nullable = true) String nextSteps,
            @Schema(enumeration = { "DRAFT", "SUBMITTED", "REVIEWED" }) String status,
            @Schema(nullable = true, description = "set at submission, from reporting.schedule") Instant dueAt,
            @Schema(nullable = true) Instant submittedAt,
            @Schema(nullable = true, description = "submittedAt <= dueAt") Boolean onTime,
            @Schema(nullable = true, description = "the reporting.schedule version that set dueAt") Integer scheduleVersion,
            @Schema(nullable = true) ReportFiguresView figures,
            @Schema(nullable = true) ReportReviewView review,
            Instant createdAt,
            Instant updatedAt,
            long version) implements Versioned {

        static SalesReportView of(SalesReport r) {
            var c = r.content();
            var p = r.period();
            return new SalesReportView(r.id(), r.repId(), r.team(), r.region(), r.kind().name(), p.label(), p.first(),
                    p.last(), c.summary(), c.highlights(), c.risks(), c.nextSteps(), r.status().name(), r.dueAt(),
                    r.submittedAt(), r.onTime(), r.scheduleVersion(), ReportFiguresView.of(r.figures()),
                    r.reviewedAt() == null ? null : new ReportReviewView(r.reviewedBy(), r.reviewedAt(), r.reviewComment()),
                    r.createdAt(), r.updatedAt(), r.version());
        }
    }

    public record MissingReportView(String repId,
            @Schema(nullable = true, description = "the rep's draft, when there is one") UUID reportId,
            @Schema(enumeration = { "NONE", "DRAFT" }) String status) {
    }

    public record LateReportView(String repId, UUID reportId, Instant dueAt, Instant submittedAt) {
    }

    public record TeamReportRollView(
            @Schema(nullable = true, description = "null: reps whose facts name no team") String team,
            @Schema(description = "reps expected to report") int reps,
            @Schema(description = "reports submitted by the due time") int onTime,
            List<MissingReportView> missing,
            List<LateReportView> late) {
    }

    @Schema(description = "Missing and late reports of one period, per team")
    public record ReportRollCallView(
            @Schema(enumeration = { "WEEKLY", "MONTHLY" }) String kind,
            String period,
            @Schema(description = "the period's due time under the schedule in force") Instant dueAt,
            @Schema(description = "false: the due time is still to come, and missing means not yet in") boolean pastDue,
            int scheduleVersion,
            List<TeamReportRollView> teams) {

        static ReportRollCallView of(ReportRollCall roll) {
            return new ReportRollCallView(roll.period().kind().name(), roll.period().label(), roll.dueAt(), roll.pastDue(),
                    roll.scheduleVersion(), roll.teams().stream().map(t -> new TeamReportRollView(t.team(), t.reps(), t.onTime(),
                            t.missing().stream().map(m -> new MissingReportView(m.repId(), m.reportId(), m.status())).toList(),
                            t.late().stream().map(l -> new LateReportView(l.repId(), l.reportId(), l.dueAt(), l.submittedAt()))
                                    .toList())).toList());
        }
    }
}
