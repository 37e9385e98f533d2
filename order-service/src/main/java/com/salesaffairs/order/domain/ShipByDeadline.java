package com.salesaffairs.order.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The ship-by date from the {@code order.fulfilment} policy: N business days (Monday to Friday)
 * after approval, or the requested ship date if that is later. Public holidays are not known yet.
 */
public final class ShipByDeadline {
    private ShipByDeadline() {
    }

    public static LocalDate compute(LocalDate approvedOn, int businessDays, LocalDate requestedShipDate) {
        LocalDate d = approvedOn;
        int added = 0;
        while (added < businessDays) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return requestedShipDate != null && requestedShipDate.isAfter(d) ? requestedShipDate : d;
    }
}
