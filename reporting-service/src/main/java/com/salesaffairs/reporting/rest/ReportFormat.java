package com.salesaffairs.reporting.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;

/**
 * The forms a chartable report answers in (issue 15: "an SVG chart for people who would rather look
 * than read; CSV for spreadsheets"), chosen by {@code Accept}. JSON wins ties, so a client that lists
 * every type it knows (as generated clients do) still gets the document it was generated for.
 */
enum ReportFormat {
    JSON(MediaType.APPLICATION_JSON_TYPE),
    CSV(new MediaType("text", "csv")),
    SVG(new MediaType("image", "svg+xml"));

    static final String CSV_TYPE = "text/csv";
    static final String SVG_TYPE = "image/svg+xml";

    private final MediaType type;

    ReportFormat(MediaType type) {
        this.type = type;
    }

    MediaType type() {
        return type;
    }

    /**
     * The form the caller prefers: for each form, the quality of the most specific range that matches
     * it ({@code text/csv} over {@code text/*} over {@code *}{@code /*}); the highest wins, JSON on ties
     * and when nothing is asked for.
     */
    static ReportFormat preferred(List<MediaType> acceptable) {
        ReportFormat chosen = JSON;
        double best = -1;
        for (ReportFormat format : values()) {
            double q = quality(format.type, acceptable);
            if (q > best) {
                best = q;
                chosen = format;
            }
        }
        return best <= 0 ? JSON : chosen;
    }

    private static double quality(MediaType type, List<MediaType> acceptable) {
        if (acceptable == null || acceptable.isEmpty()) {
            return type == MediaType.APPLICATION_JSON_TYPE ? 1 : 0;
        }
        int bestSpecificity = -1;
        double q = 0;
        for (MediaType range : acceptable) {
            if (!range.isCompatible(type)) {
                continue;
            }
            int specificity = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                q = qualityOf(range.getParameters());
            }
        }
        return q;
    }

    private static double qualityOf(Map<String, String> parameters) {
        String q = parameters.get("q");
        if (q == null) {
            return 1;
        }
        try {
            return Double.parseDouble(q.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
