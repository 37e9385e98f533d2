package com.salesaffairs.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.salesaffairs.reporting.rest.ChartSvg.Bar;
import com.salesaffairs.reporting.rest.ChartSvg.Series;
import com.salesaffairs.reporting.rest.ReportViews.MarketRowView;
import com.salesaffairs.reporting.rest.ReportViews.MarketView;
import com.salesaffairs.reporting.rest.ReportViews.SalesTrendView;
import com.salesaffairs.reporting.rest.ReportViews.TrendPointView;

/** The SVG charts are well-formed XML with axes, labels and escaped text; CSV is RFC 4180 and defused; Accept picks the form. */
public class ChartTest {
    private static final String NASTY = "<script>alert('x')</script> & \"co\"\u0001";

    /** Parses an SVG answer as XML, failing the test when it is not well-formed. */
    public static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    private static List<Element> elements(Document svg, String name) {
        NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    private static List<String> texts(Document svg) {
        return elements(svg, "text").stream().map(Element::getTextContent).toList();
    }

    private static List<BigDecimal> values(String... values) {
        return List.of(values).stream().map(BigDecimal::new).toList();
    }

    @Test
    void a_line_chart_has_one_line_per_series_axes_tick_labels_and_a_legend() {
        String svg = ChartSvg.lineChart("Net sales per month by team", "2026-01-01 to 2026-03-31", "net sales (CNY)",
                List.of("2026-01", "2026-02", "2026-03"),
                List.of(new Series("east-1", values("1000.00", "1500.50", "0.00")),
                        new Series("west-1", values("-200.00", "300.00", "1234.00"))));
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("960", root.getAttribute("width"));
        List<Element> lines = elements(doc, "polyline");
        assertEquals(2, lines.size());
        assertEquals(3, lines.get(0).getAttribute("points").split(" ").length);
        assertEquals(6, elements(doc, "circle").size());
        List<String> texts = texts(doc);
        assertTrue(texts.containsAll(List.of("Net sales per month by team", "2026-01", "2026-02", "2026-03", "east-1",
                "west-1", "net sales (CNY)", "0", "-500", "2000")), texts.toString());
        assertTrue(svg.contains("class=\"zero\""), "a zero line where refunds go below it");
    }

    @Test
    void every_text_is_escaped_and_characters_xml_cannot_carry_are_dropped() {
        String line = ChartSvg.lineChart(NASTY, NASTY, NASTY, List.of(NASTY), List.of(new Series(NASTY, values("1.00"))));
        String bar = ChartSvg.barChart(NASTY, NASTY, NASTY, List.of(new Bar(NASTY, BigDecimal.TEN, NASTY)));
        for (String svg : List.of(line, bar)) {
            assertFalse(svg.contains("<script"), svg);
            assertTrue(svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;co&quot;"), svg);
            Document doc = parse(svg);
            assertTrue(texts(doc).contains("<script>alert('x')</script> & \"co\""), texts(doc).toString());
            assertEquals(0, elements(doc, "script").size());
        }
    }

    @Test
    void a_bar_chart_draws_positive_bars_up_and_negative_bars_down_from_zero() {
        String svg = ChartSvg.barChart("Revenue by region", null, "revenue (CNY)", List.of(
                new Bar("east", new BigDecimal("900.00"), "900 (75%)"), new Bar("west", new BigDecimal("-100.00"), "-100")));
        Document doc = parse(svg);
        List<Element> rects = elements(doc, "rect").stream().filter(r -> r.getParentNode() instanceof Element g
                && "bar".equals(g.getAttribute("class"))).toList();
        assertEquals(2, rects.size());
        double zero = Double.parseDouble(elements(doc, "line").stream().filter(l -> "zero".equals(l.getAttribute("class")))
                .findFirst().orElseThrow().getAttribute("y1"));
        Element east = rects.get(0);
        Element west = rects.get(1);
        assertEquals(zero, Double.parseDouble(east.getAttribute("y")) + Double.parseDouble(east.getAttribute("height")), 0.11);
        assertEquals(zero, Double.parseDouble(west.getAttribute("y")), 0.11);
        assertTrue(Double.parseDouble(east.getAttribute("height")) > 8 * Double.parseDouble(west.getAttribute("height")));
        assertTrue(texts(doc).containsAll(List.of("east", "west", "900 (75%)", "-100")), texts(doc).toString());
    }

    @Test
    void an_empty_report_is_a_chart_that_says_so() {
        for (String svg : List.of(ChartSvg.lineChart("t", null, "y", List.of(), List.of()),
                ChartSvg.barChart("t", null, "y", List.of()))) {
            assertTrue(texts(parse(svg)).contains("no data in this range"));
        }
    }

    @Test
    void ticks_are_round_and_cover_every_value() {
        ChartSvg.Scale scale = ChartSvg.Scale.of(values("1234.00", "-80.00"));
        assertEquals(List.of("-500", "0", "500", "1000", "1500"),
                scale.ticks().stream().map(t -> t.stripTrailingZeros().toPlainString()).toList());
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"),
                ChartSvg.Scale.of(List.of()).ticks().stream().map(t -> t.stripTrailingZeros().toPlainString()).toList());
        assertEquals("12.5k", ChartSvg.compact(new BigDecimal("12500")));
        assertEquals("1.23M", ChartSvg.compact(new BigDecimal("1234567.50")));
        assertEquals("950.25", ChartSvg.compact(new BigDecimal("950.25")));
    }

    @Test
    void a_long_trend_labels_at_most_a_dozen_periods() {
        List<String> days = new ArrayList<>();
        List<BigDecimal> zeros = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2020-01-01"); d.getYear() == 2020; d = d.plusDays(1)) {
            days.add(d.toString());
            zeros.add(BigDecimal.ONE);
        }
        Document doc = parse(ChartSvg.lineChart("t", null, "y", days, List.of(new Series("all", zeros))));
        long labels = elements(doc, "text").stream().filter(t -> t.getTextContent().startsWith("2020-")).count();
        assertTrue(labels >= 10 && labels <= 13, "labels: " + labels);
        assertEquals(0, elements(doc, "circle").size(), "no markers on 366 points");
    }

    @Test
    void the_trend_csv_has_a_header_crlf_lines_quotes_and_defuses_formulas() {
        SalesTrendView trend = new SalesTrendView("month", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-28"),
                "CNY", "team", null, null, List.of(
                        new TrendPointView("2026-01", "=HYPERLINK(\"x\")", new BigDecimal("10.50"), new BigDecimal("5.00"),
                                new BigDecimal("5.50"), 1),
                        new TrendPointView("2026-02", "east, north", new BigDecimal("-3.00"), BigDecimal.ZERO.setScale(2),
                                new BigDecimal("-3.00"), 0)));
        assertEquals("period,group,netAmount,costAmount,grossMargin,orders\r\n"
                + "2026-01,\"'=HYPERLINK(\"\"x\"\")\",10.50,5.00,5.50,1\r\n"
                + "2026-02,\"east, north\",-3.00,0.00,-3.00,0\r\n", ReportCsv.trend(trend));
    }

    @Test
    void the_market_csv_ends_with_the_total_and_leaves_unknown_percentages_empty() {
        MarketRowView east = new MarketRowView("east", new BigDecimal("900.00"), new BigDecimal("600.00"),
                new BigDecimal("300.00"), new BigDecimal("33.33"), new BigDecimal("100.00"), 2, BigDecimal.ZERO.setScale(2), null);
        MarketView market = new MarketView("region", LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"),
                LocalDate.parse("2026-01-29"), LocalDate.parse("2026-02-28"), "CNY", null, null, east, List.of(east));
        assertEquals("region,revenue,cost,margin,marginPercent,sharePercent,orders,previousRevenue,growthPercent\r\n"
                + "east,900.00,600.00,300.00,33.33,100.00,2,0.00,\r\n"
                + "TOTAL,900.00,600.00,300.00,33.33,100.00,2,0.00,\r\n", ReportCsv.market(market));
        assertTrue(texts(parse(ReportCharts.market(market))).contains("east"));
    }

    @Test
    void accept_picks_the_form_and_json_wins_ties_and_wildcards() {
        assertEquals(ReportFormat.JSON, ReportFormat.preferred(List.of()));
        assertEquals(ReportFormat.JSON, ReportFormat.preferred(List.of(MediaType.WILDCARD_TYPE)));
        assertEquals(ReportFormat.CSV, ReportFormat.preferred(List.of(MediaType.valueOf("text/csv"))));
        assertEquals(ReportFormat.SVG, ReportFormat.preferred(List.of(MediaType.valueOf("image/svg+xml"))));
        assertEquals(ReportFormat.SVG, ReportFormat.preferred(List.of(MediaType.valueOf("image/*"))));
        assertEquals(ReportFormat.JSON, ReportFormat.preferred(List.of(MediaType.valueOf("image/svg+xml"),
                MediaType.valueOf("text/csv"), MediaType.APPLICATION_JSON_TYPE)));
        assertEquals(ReportFormat.CSV, ReportFormat.preferred(List.of(MediaType.valueOf("application/json;q=0.5"),
                MediaType.valueOf("text/csv"))));
        // The most specific range decides: */* at 1 but image/svg+xml refused, text/csv preferred.
        assertEquals(ReportFormat.CSV, ReportFormat.preferred(List.of(MediaType.valueOf("*/*;q=0.1"),
                MediaType.valueOf("text/csv;q=0.9"), MediaType.valueOf("application/json;q=0"))));
    }
}
