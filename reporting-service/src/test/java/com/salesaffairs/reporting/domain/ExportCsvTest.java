package com.salesaffairs.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The export file names its request on the first line and on every row, and is safe to open in a spreadsheet. */
class ExportCsvTest {
    private static final UUID ID = UUID.fromString("6f1c2d3e-0000-4000-8000-000000000001");

    @Test
    void the_request_id_is_in_the_first_line_and_in_the_watermark_column_of_every_row() {
        String csv = ExportCsv.write(ID, "Distributor\nLtd", "2026-12-07T10:00:00Z", List.of("orderId", "netAmount"),
                List.of(List.of("o-1", new BigDecimal("10.50")), List.of("o-2", new BigDecimal("-3.00"))));
        String[] lines = csv.split("\r\n");
        assertEquals("# confidential data export " + ID + " for Distributor Ltd, produced 2026-12-07T10:00:00Z; watermark "
                + ID, lines[0]);
        assertEquals("watermark,orderId,netAmount", lines[1]);
        assertEquals(ID + ",o-1,10.50", lines[2]);
        assertEquals(ID + ",o-2,-3.00", lines[3]);
        assertEquals(4, lines.length);
    }

    @Test
    void text_is_quoted_when_needed_and_never_runs_as_a_formula() {
        assertEquals("\"Smith, Jones\"", ExportCsv.cell("Smith, Jones"));
        assertEquals("\"say \"\"hi\"\"\"", ExportCsv.cell("say \"hi\""));
        assertEquals("'=1+2", ExportCsv.cell("=1+2"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", ExportCsv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+86 138", ExportCsv.cell("+86 138"));
        assertEquals("", ExportCsv.cell(null));
    }
}
