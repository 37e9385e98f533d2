package com.salesaffairs.aftersales.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A survey campaign period: {@code everyMonths} calendar months in a time zone, aligned to multiples of
 * {@code everyMonths} months counted from January (for a divisor of 12, every year starts a period:
 * everyMonths 3 gives the calendar quarters). Its label is the key that lets a scheduled campaign run
 * once per period: {@code 2026-Q4} (3 months), {@code 2026-12} (1), {@code 2026-H2} (6), {@code 2026}
 * (12), otherwise the ISO 8601 interval of its first month and length, e.g. {@code 2026-11/P5M}.
 */
public record CampaignPeriod(String label, Instant start, Instant end) {

    public static CampaignPeriod containing(Instant at, int everyMonths, ZoneId zone) {
        if (everyMonths < 1) {
            throw new IllegalArgumentException("everyMonths must be at least 1: " + everyMonths);
        }
        YearMonth month = YearMonth.from(at.atZone(zone));
        long index = month.getYear() * 12L + month.getMonthValue() - 1;
        long first = Math.floorDiv(index, everyMonths) * everyMonths;
        YearMonth from = YearMonth.of((int) Math.floorDiv(first, 12), (int) Math.floorMod(first, 12) + 1);
        YearMonth to = from.plusMonths(everyMonths);
        return new CampaignPeriod(label(from, everyMonths), from.atDay(1).atStartOfDay(zone).toInstant(),
                to.atDay(1).atStartOfDay(zone).toInstant());
    }

    private static String label(YearMonth from, int everyMonths) {
        int year = from.getYear();
        int n = (from.getMonthValue() - 1) / everyMonths + 1;
        return switch (everyMonths) {
            case 1 -> from.toString();
            case 3 -> year + "-Q" + n;
            case 6 -> year + "-H" + n;
            case 12 -> Integer.toString(year);
            default -> from + "/P" + everyMonths + "M";
        };
    }
}
