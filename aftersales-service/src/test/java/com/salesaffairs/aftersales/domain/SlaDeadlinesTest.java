package com.salesaffairs.aftersales.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Deadline arithmetic in business time on the aftersales.sla v2 calendar (Asia/Shanghai, Mon-Fri 09:00-18:00). */
class SlaDeadlinesTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final BusinessCalendar CALENDAR = new BusinessCalendar(SHANGHAI,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0),
            Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-03"),
                    LocalDate.parse("2026-10-04"), LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-06"),
                    LocalDate.parse("2026-10-07"), LocalDate.parse("2026-06-19")),
            Set.of(LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10")));
    static final SlaClock CLOCK = new SlaClock(CALENDAR);

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static Instant plusHours(String start, int hours) {
        return CALENDAR.plus(at(start), Duration.ofHours(hours));
    }

    @Example
    void friday_17_00_plus_4_hours_is_monday_12_00() {
        assertEquals(at("2026-11-30T12:00"), plusHours("2026-11-27T17:00", 4));
    }

    @Example
    void a_deadline_may_fall_on_the_closing_minute_itself() {
        assertEquals(at("2026-11-27T18:00"), plusHours("2026-11-27T17:00", 1));
    }

    @Example
    void a_start_before_opening_counts_from_the_opening() {
        assertEquals(at("2026-12-02T10:00"), plusHours("2026-12-02T07:44", 1));
    }

    @Example
    void a_start_after_closing_counts_from_the_next_working_morning() {
        assertEquals(at("2026-12-03T13:00"), plusHours("2026-12-02T19:30", 4));
    }

    @Example
    void a_start_on_a_sunday_counts_from_monday_morning() {
        assertEquals(at("2026-11-30T17:00"), plusHours("2026-11-29T11:00", 8));
    }

    @Example
    void the_national_day_holidays_are_skipped() {
        // Wednesday 30 September 17:00: one hour that day, then 1-7 October are holidays; Thursday 8 October.
        assertEquals(at("2026-10-08T12:00"), plusHours("2026-09-30T17:00", 4));
    }

    @Example
    void a_holiday_on_a_weekday_is_skipped() {
        // Thursday 18 June 17:00; Friday 19 June (Dragon Boat) is a holiday: Monday 22 June.
        assertEquals(at("2026-06-22T12:00"), plusHours("2026-06-18T17:00", 4));
    }

    @Example
    void a_make_up_saturday_is_counted() {
        // Friday 9 October 17:00: Saturday 10 October is a declared working day (调休).
        assertEquals(at("2026-10-10T12:00"), plusHours("2026-10-09T17:00", 4));
        assertTrue(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-10")));
        assertFalse(CALENDAR.isWorkingDay(LocalDate.parse("2026-10-17")));
    }

    @Example
    void a_make_up_sunday_is_counted() {
        assertEquals(at("2026-09-20T13:00"), plusHours("2026-09-18T18:00", 4));
    }

    @Example
    void twenty_seven_hours_are_three_working_days() {
        assertEquals(at("2026-12-04T18:00"), plusHours("2026-12-02T09:00", 27));
    }

    @Example
    void business_time_between_two_instants_skips_nights_weekends_and_holidays() {
        assertEquals(Duration.ofHours(4), CALENDAR.between(at("2026-11-27T17:00"), at("2026-11-30T12:00")));
        assertEquals(Duration.ZERO, CALENDAR.between(at("2026-10-01T10:00"), at("2026-10-07T17:00")));
        assertEquals(Duration.ZERO, CALENDAR.between(at("2026-11-30T12:00"), at("2026-11-27T17:00")));
    }

    @Example
    void a_pause_moves_the_deadline_by_the_business_time_waited() {
        Instant due = at("2026-12-03T15:00");
        // Waited from Tuesday 16:00 to Wednesday 10:00: 2h Tuesday + 1h Wednesday = 3 business hours.
        assertEquals(at("2026-12-03T18:00"), CLOCK.resumed(due, at("2026-12-01T16:00"), at("2026-12-02T10:00")));
        // A wait over a weekend night only costs nothing.
        assertEquals(due, CLOCK.resumed(due, at("2026-11-28T10:00"), at("2026-11-29T20:00")));
    }

    @Example
    void half_an_hour_from_friday_17_45_is_monday_09_15() {
        assertEquals(at("2026-11-30T09:15"), CLOCK.deadline(at("2026-11-27T17:45"), new BigDecimal("0.5")));
    }

    @Example
    void two_hundredths_of_an_hour_inside_working_time_are_72_seconds() {
        Instant start = at("2026-12-02T10:00");
        assertEquals(start.plusSeconds(72), CLOCK.deadline(start, new BigDecimal("0.02")));
        assertEquals(Duration.ofSeconds(72), SlaClock.budget(new BigDecimal("0.02")));
        // The warning point is exact to the millisecond: 80% of 72 s = 57.6 s.
        assertEquals(start.plusMillis(57_600), CLOCK.warnAt(start, new BigDecimal("0.02"), 80));
    }

    @Example
    void a_sub_hour_budget_straddling_the_closing_time_continues_the_next_working_morning() {
        // 0.02 h = 72 s from 17:59:30: 30 s Friday, 42 s Monday.
        assertEquals(at("2026-11-30T09:00:42"), CLOCK.deadline(at("2026-11-27T17:59:30"), new BigDecimal("0.02")));
    }

    @Example
    void whole_and_decimal_budgets_of_the_same_length_agree() {
        Instant start = at("2026-11-27T15:00");
        assertEquals(CLOCK.deadline(start, 8), CLOCK.deadline(start, new BigDecimal("8.00")));
        assertEquals(CLOCK.warnAt(start, 8, 80), CLOCK.warnAt(start, new BigDecimal("8"), 80));
        assertEquals(CLOCK.deadline(start, 1).minus(Duration.ofMinutes(30)), CLOCK.deadline(start, new BigDecimal("0.5")));
    }

    @Example
    void the_warning_point_is_the_share_of_the_budget_in_business_time() {
        // 80% of 8h = 6h24m from Friday 15:00: 3h Friday, 3h24m Monday.
        assertEquals(at("2026-11-30T12:24"), CLOCK.warnAt(at("2026-11-27T15:00"), 8, 80));
    }

    @Example
    void time_taken_and_overdue_are_counted_in_business_minutes() {
        assertEquals(240, CLOCK.taken(at("2026-11-27T17:00"), at("2026-11-30T12:00"), 0));
        assertEquals(180, CLOCK.taken(at("2026-11-27T17:00"), at("2026-11-30T12:00"), 60));
        assertEquals(90, CLOCK.overdueMinutes(at("2026-11-30T17:00"), at("2026-12-01T09:30")));
        assertEquals(0, CLOCK.overdueMinutes(at("2026-11-30T17:00"), at("2026-11-30T16:00")));
    }

    @Provide
    Arbitrary<Instant> instants() {
        // Any minute in 2026 (holidays and make-up days included).
        return Arbitraries.longs().between(0, 365L * 24 * 60)
                .map(m -> at("2026-01-01T00:00").plus(Duration.ofMinutes(m)));
    }

    @Property
    void adding_more_hours_never_gives_an_earlier_deadline(@ForAll("instants") Instant start,
            @ForAll @IntRange(min = 0, max = 200) int a, @ForAll @IntRange(min = 0, max = 200) int b) {
        int low = Math.min(a, b);
        int high = Math.max(a, b);
        assertFalse(CALENDAR.plus(start, Duration.ofHours(high)).isBefore(CALENDAR.plus(start, Duration.ofHours(low))));
    }

    @Property
    void a_later_start_never_gives_an_earlier_deadline(@ForAll("instants") Instant a, @ForAll("instants") Instant b,
            @ForAll @IntRange(min = 1, max = 100) int hours) {
        Instant early = a.isBefore(b) ? a : b;
        Instant late = a.isBefore(b) ? b : a;
        assertFalse(CLOCK.deadline(late, hours).isBefore(CLOCK.deadline(early, hours)));
    }

    @Property
    void a_deadline_always_falls_inside_working_time(@ForAll("instants") Instant start,
            @ForAll @IntRange(min = 1, max = 200) int hours) {
        Instant due = CLOCK.deadline(start, hours);
        assertTrue(CALENDAR.isWorkingTime(due), due.atZone(SHANGHAI).toString());
    }

    @Property
    void the_business_time_to_a_deadline_is_exactly_its_budget(@ForAll("instants") Instant start,
            @ForAll @IntRange(min = 1, max = 200) int hours) {
        assertEquals(Duration.ofHours(hours), CALENDAR.between(start, CLOCK.deadline(start, hours)));
    }

    @Property
    void a_pause_of_length_zero_changes_nothing(@ForAll("instants") Instant start, @ForAll("instants") Instant pause,
            @ForAll @IntRange(min = 1, max = 200) int hours) {
        Instant due = CLOCK.deadline(start, hours);
        assertEquals(due, CLOCK.resumed(due, pause, pause));
        assertEquals(Duration.ZERO, CLOCK.pausedFor(pause, pause));
    }

    @Property
    void a_pause_never_brings_a_deadline_forward(@ForAll("instants") Instant start, @ForAll("instants") Instant a,
            @ForAll("instants") Instant b, @ForAll @IntRange(min = 1, max = 200) int hours) {
        Instant due = CLOCK.deadline(start, hours);
        Instant from = a.isBefore(b) ? a : b;
        Instant to = a.isBefore(b) ? b : a;
        Instant moved = CLOCK.resumed(due, from, to);
        assertFalse(moved.isBefore(due));
        assertEquals(CALENDAR.between(from, to), CALENDAR.between(due, moved));
    }
}
