package com.salesaffairs.reporting.domain;

import java.util.List;
import java.util.UUID;

/**
 * The CSV of a produced export (RFC 4180, UTF-8, CRLF). Watermarked with the request id twice: a
 * leading comment line, which a spreadsheet shows as the first row, and a {@code watermark} column on
 * every row, which survives cutting the sheet apart, so a copy found outside leads back to its request.
 * Text that a spreadsheet would run as a formula (= + - @ at the start) is prefixed with an apostrophe.
 */
public final class ExportCsv {
    public static final String WATERMARK_COLUMN = "watermark";

    private ExportCsv() {
    }

    /** The file: the comment line, the header, then each row (values: text, numbers, dates; null is empty). */
    public static String write(UUID exportId, String recipient, String producedAt, List<String> fields,
            List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder();
        csv.append("# confidential data export ").append(exportId).append(" for ").append(oneLine(recipient))
                .append(", produced ").append(producedAt).append("; watermark ").append(exportId).append("\r\n");
        csv.append(WATERMARK_COLUMN);
        for (String field : fields) {
            csv.append(',').append(field);
        }
        csv.append("\r\n");
        for (List<Object> row : rows) {
            csv.append(exportId);
            for (Object value : row) {
                csv.append(',').append(cell(value));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n]+", " ");
    }
}
