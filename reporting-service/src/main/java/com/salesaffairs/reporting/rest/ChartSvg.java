package com.salesaffairs.reporting.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * Hand-written SVG charts (issue 15: the trend and market endpoints answer {@code image/svg+xml}):
 * a line chart of series over periods and a bar chart of one value per group, each with axes, tick
 * labels, a zero line, a legend and a title. No charting library: the output is a few hundred lines
 * of plain SVG 1.1 that any browser, mail client or office suite shows, and that tests can parse as
 * XML. Every piece of text (titles, group names from other services' events) is XML-escaped, and
 * characters XML cannot carry are dropped.
 */
final class ChartSvg {
    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    private static final int LEFT = 96;
    private static final int RIGHT = 32;
    private static final int TOP = 64;
    private static final int PLOT_BOTTOM = HEIGHT - 120;
    private static final int MAX_X_LABELS = 12;
    /** Markers only while they do not blur into a line. */
    private static final int MAX_MARKERS = 60;
    private static final int MAX_LEGEND = 24;
    /** Colour-blind-safe palette (Okabe-Ito), cycled when there are more series. */
    private static final String[] PALETTE = { "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
            "#F0E442", "#000000" };

    /** One line of a line chart: its name and one value per category (null draws no point). */
    record Series(String name, List<BigDecimal> values) {
    }

    /** One bar: its category, value and the text shown above it. */
    record Bar(String category, BigDecimal value, String label) {
    }

    private ChartSvg() {
    }

    static String lineChart(String title, String subtitle, String yLabel, List<String> categories, List<Series> series) {
        List<BigDecimal> all = new ArrayList<>();
        series.forEach(s -> s.values().stream().filter(v -> v != null).forEach(all::add));
        Scale y = Scale.of(all);
        StringBuilder svg = open(title, subtitle);
        if (categories.isEmpty() || series.isEmpty()) {
            return noData(svg);
        }
        axes(svg, y, yLabel);
        int n = categories.size();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double step = n == 1 ? 0 : plotWidth / (n - 1);
        IntToDoubleFunction x = i -> n == 1 ? LEFT + plotWidth / 2 : LEFT + i * step;
        xLabels(svg, categories, x);
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String colour = PALETTE[s % PALETTE.length];
            svg.append("<g class=\"series\" data-series=\"").append(escape(line.name())).append("\">\n");
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < n && i < line.values().size(); i++) {
                BigDecimal v = line.values().get(i);
                if (v != null) {
                    points.append(points.isEmpty() ? "" : " ").append(fmt(x.applyAsDouble(i))).append(',')
                            .append(fmt(y.position(v)));
                }
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                    .append(points).append("\"/>\n");
            if (n <= MAX_MARKERS) {
                for (int i = 0; i < n && i < line.values().size(); i++) {
                    BigDecimal v = line.values().get(i);
                    if (v != null) {
                        svg.append("<circle cx=\"").append(fmt(x.applyAsDouble(i))).append("\" cy=\"")
                                .append(fmt(y.position(v))).append("\" r=\"3\" fill=\"").append(colour)
                                .append("\"><title>").append(escape(line.name() + " " + categories.get(i) + ": "
                                        + v.toPlainString()))
                                .append("</title></circle>\n");
                    }
                }
            }
            svg.append("</g>\n");
        }
        legend(svg, series.stream().map(Series::name).toList());
        return close(svg);
    }

    static String barChart(String title, String subtitle, String yLabel, List<Bar> bars) {
        Scale y = Scale.of(bars.stream().map(Bar::value).toList());
        StringBuilder svg = open(title, subtitle);
        if (bars.isEmpty()) {
            return noData(svg);
        }
        axes(svg, y, yLabel);
        double slot = (double) (WIDTH - LEFT - RIGHT) / bars.size();
        double barWidth = Math.max(1, Math.min(80, slot * 0.7));
        IntToDoubleFunction centre = i -> LEFT + slot * i + slot / 2;
        xLabels(svg, bars.stream().map(Bar::category).toList(), centre);
        double zero = y.position(BigDecimal.ZERO);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double top = y.position(bar.value());
            double height = Math.abs(zero - top);
            double yTop = Math.min(zero, top);
            String colour = bar.value().signum() < 0 ? PALETTE[3] : PALETTE[0];
            svg.append("<g class=\"bar\" data-category=\"").append(escape(bar.category())).append("\">")
                    .append("<rect x=\"").append(fmt(centre.applyAsDouble(i) - barWidth / 2)).append("\" y=\"")
                    .append(fmt(yTop)).append("\" width=\"").append(fmt(barWidth)).append("\" height=\"")
                    .append(fmt(height)).append("\" fill=\"").append(colour).append("\"><title>")
                    .append(escape(bar.category() + ": " + bar.value().toPlainString())).append("</title></rect>");
            if (bar.label() != null) {
                double labelY = bar.value().signum() < 0 ? yTop + height + 14 : yTop - 6;
                svg.append("<text x=\"").append(fmt(centre.applyAsDouble(i))).append("\" y=\"").append(fmt(labelY))
                        .append("\" text-anchor=\"middle\" font-size=\"11\">").append(escape(bar.label()))
                        .append("</text>");
            }
            svg.append("</g>\n");
        }
        return close(svg);
    }

    private static StringBuilder open(String title, String subtitle) {
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"chart-title\" font-family=\"sans-serif\">\n")
                .append("<title id=\"chart-title\">").append(escape(title)).append("</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append("<text class=\"title\" x=\"").append(LEFT).append("\" y=\"28\" font-size=\"18\" font-weight=\"bold\">")
                .append(escape(title)).append("</text>\n");
        if (subtitle != null) {
            svg.append("<text class=\"subtitle\" x=\"").append(LEFT).append("\" y=\"48\" font-size=\"12\" fill=\"#555555\">")
                    .append(escape(subtitle)).append("</text>\n");
        }
        return svg;
    }

    private static String noData(StringBuilder svg) {
        svg.append("<text class=\"no-data\" x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                .append("\" text-anchor=\"middle\" font-size=\"16\" fill=\"#555555\">no data in this range</text>\n");
        return close(svg);
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>\n").toString();
    }

    /** The y axis with its ticks, grid lines and label, the x axis on the plot's bottom and a zero line. */
    private static void axes(StringBuilder svg, Scale y, String yLabel) {
        svg.append("<g class=\"y-axis\" font-size=\"11\">\n");
        for (BigDecimal tick : y.ticks()) {
            double at = y.position(tick);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(fmt(at)).append("\" y2=\"").append(fmt(at)).append("\" stroke=\"#e0e0e0\"/>")
                    .append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(fmt(at + 4))
                    .append("\" text-anchor=\"end\">").append(escape(compact(tick))).append("</text>\n");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(PLOT_BOTTOM).append("\" stroke=\"#333333\"/>\n")
                .append("<text x=\"16\" y=\"").append((TOP + PLOT_BOTTOM) / 2).append("\" transform=\"rotate(-90 16 ")
                .append((TOP + PLOT_BOTTOM) / 2).append(")\" text-anchor=\"middle\" font-size=\"12\">")
                .append(escape(yLabel)).append("</text>\n</g>\n");
        svg.append("<line class=\"x-axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(PLOT_BOTTOM).append("\" y2=\"").append(PLOT_BOTTOM)
                .append("\" stroke=\"#333333\"/>\n");
        double zero = y.position(BigDecimal.ZERO);
        svg.append("<line class=\"zero\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y1=\"").append(fmt(zero)).append("\" y2=\"").append(fmt(zero))
                .append("\" stroke=\"#333333\" stroke-dasharray=\"4 2\"/>\n");
    }

    /** Category labels under the x axis; at most {@value #MAX_X_LABELS}, evenly thinned, the last one always shown. */
    private static void xLabels(StringBuilder svg, List<String> categories, IntToDoubleFunction x) {
        int n = categories.size();
        int every = (n + MAX_X_LABELS - 1) / MAX_X_LABELS;
        svg.append("<g class=\"x-labels\" font-size=\"11\" text-anchor=\"middle\">\n");
        for (int i = 0; i < n; i++) {
            boolean regular = i % every == 0;
            boolean lastFarEnough = i == n - 1 && i % every >= Math.max(1, every / 2);
            if (!regular && !lastFarEnough) {
                continue;
            }
            svg.append("<text x=\"").append(fmt(x.applyAsDouble(i))).append("\" y=\"").append(PLOT_BOTTOM + 18)
                    .append("\">").append(escape(shorten(categories.get(i), 18))).append("</text>\n");
        }
        svg.append("</g>\n");
    }

    private static void legend(StringBuilder svg, List<String> names) {
        svg.append("<g class=\"legend\" font-size=\"11\">\n");
        double x = LEFT;
        double y = PLOT_BOTTOM + 44;
        int shown = Math.min(names.size(), MAX_LEGEND);
        for (int i = 0; i < shown; i++) {
            String name = shorten(names.get(i) == null ? "all" : names.get(i), 24);
            double width = 22 + name.length() * 6.5 + 16;
            if (x + width > WIDTH - RIGHT) {
                x = LEFT;
                y += 18;
            }
            svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y - 9))
                    .append("\" width=\"14\" height=\"10\" fill=\"").append(PALETTE[i % PALETTE.length])
                    .append("\"/><text x=\"").append(fmt(x + 20)).append("\" y=\"").append(fmt(y)).append("\">")
                    .append(escape(name)).append("</text>\n");
            x += width;
        }
        if (names.size() > shown) {
            svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(fmt(y + 18)).append("\">and ")
                    .append(names.size() - shown).append(" more</text>\n");
        }
        svg.append("</g>\n");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** 1234567.5 → 1.23M, 12500 → 12.5k, 950.25 → 950.25: tick labels that fit the margin. */
    static String compact(BigDecimal value) {
        BigDecimal abs = value.abs();
        if (abs.compareTo(BigDecimal.valueOf(1_000_000_000)) >= 0) {
            return scaled(value, 1_000_000_000, "G");
        }
        if (abs.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            return scaled(value, 1_000_000, "M");
        }
        if (abs.compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            return scaled(value, 1_000, "k");
        }
        return value.stripTrailingZeros().toPlainString();
    }

    private static String scaled(BigDecimal value, long unit, String suffix) {
        return value.divide(BigDecimal.valueOf(unit), 2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
                + suffix;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text as XML character data or attribute value: markup escaped, characters XML 1.0 forbids dropped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    if (allowed) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * The value axis: from the smallest value (or zero) to the largest (or zero), widened to round
     * ticks of 1, 2 or 5 times a power of ten, about five of them.
     */
    record Scale(BigDecimal min, BigDecimal max, BigDecimal step) {

        static Scale of(List<BigDecimal> values) {
            BigDecimal low = BigDecimal.ZERO;
            BigDecimal high = BigDecimal.ZERO;
            for (BigDecimal v : values) {
                low = low.min(v);
                high = high.max(v);
            }
            if (low.signum() == 0 && high.signum() == 0) {
                high = BigDecimal.ONE;
            }
            BigDecimal step = niceStep(high.subtract(low).divide(BigDecimal.valueOf(5), 10, RoundingMode.HALF_UP));
            BigDecimal min = low.divide(step, 0, RoundingMode.FLOOR).multiply(step);
            BigDecimal max = high.divide(step, 0, RoundingMode.CEILING).multiply(step);
            return new Scale(min, max, step);
        }

        private static BigDecimal niceStep(BigDecimal rough) {
            int exponent = rough.precision() - rough.scale() - 1;
            BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(exponent);
            BigDecimal fraction = rough.divide(power, 10, RoundingMode.HALF_UP);
            BigDecimal nice = fraction.compareTo(BigDecimal.ONE) <= 0 ? BigDecimal.ONE
                    : fraction.compareTo(BigDecimal.valueOf(2)) <= 0 ? BigDecimal.valueOf(2)
                    : fraction.compareTo(BigDecimal.valueOf(5)) <= 0 ? BigDecimal.valueOf(5)
                    : BigDecimal.TEN;
            return nice.multiply(power);
        }

        List<BigDecimal> ticks() {
            List<BigDecimal> ticks = new ArrayList<>();
            for (BigDecimal t = min; t.compareTo(max) <= 0; t = t.add(step)) {
                ticks.add(t);
            }
            return ticks;
        }

        /** The y coordinate of a value: max at the plot's top, min at its bottom. */
        double position(BigDecimal value) {
            double span = max.subtract(min).doubleValue();
            double share = value.subtract(min).doubleValue() / span;
            return PLOT_BOTTOM - share * (PLOT_BOTTOM - TOP);
        }
    }
}
