package com.salesaffairs.order.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.salesaffairs.order.domain.Order;
import com.salesaffairs.order.domain.OrderLine;
import com.salesaffairs.order.domain.OrderRules;
import com.salesaffairs.order.domain.StockLevel;
import com.salesaffairs.order.domain.StockReservation;
import com.salesaffairs.order.repository.StockRepository;

/** Reservation arithmetic over locked stock rows: stock is promised, shipped or released, never negative. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class StockService {

    /** What a set of lines can get now, per sku. */
    public record Availability(String sku, int requested, int available, int shortBy) {
    }

    private final StockRepository stock;
    private final Clock clock;

    public StockService(StockRepository stock, Clock clock) {
        this.stock = stock;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Availability> availability(Map<String, Integer> wanted) {
        Map<String, Integer> available = stock.available(new ArrayList<>(wanted.keySet()));
        List<Availability> result = new ArrayList<>();
        wanted.forEach((sku, qty) -> {
            int have = available.getOrDefault(sku, 0);
            result.add(new Availability(sku, qty, have, Math.max(0, qty - have)));
        });
        return result;
    }

    public static Map<String, Integer> demand(List<OrderLine> lines) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (OrderLine l : lines) {
            wanted.merge(l.sku(), l.quantity(), Integer::sum);
        }
        return wanted;
    }

    /** Reserves every line from the warehouses holding it, or nothing at all (422 order.stock-available). */
    public List<StockReservation> reserve(Order order) {
        Map<String, Integer> wanted = demand(order.lines());
        List<StockLevel> levels = stock.lockLevels(new ArrayList<>(wanted.keySet()));
        Instant now = clock.instant();
        List<String> shortages = new ArrayList<>();
        wanted.forEach((sku, qty) -> {
            int available = levels.stream().filter(l -> l.sku().equals(sku)).mapToInt(StockLevel::available).sum();
            if (available < qty) {
                shortages.add(sku + " needs " + qty + ", " + available + " available");
            }
        });
        if (!shortages.isEmpty()) {
            throw OrderRules.violated("order.stock-available", "not enough stock: " + String.join("; ", shortages));
        }
        List<StockReservation> made = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            int left = line.quantity();
            for (StockLevel level : levels) {
                if (left == 0) {
                    break;
                }
                if (!level.sku().equals(line.sku())) {
                    continue;
                }
                int taken = level.reserveUpTo(left, now);
                if (taken > 0) {
                    StockReservation r = StockReservation.of(order.id(), line.lineNo(), line.sku(), level.warehouse(), taken, now);
                    stock.persist(r);
                    made.add(r);
                    left -= taken;
                }
            }
        }
        return made;
    }

    /** Takes shipped units off the line's reservations and the warehouses' stock. */
    public void ship(UUID orderId, Map<Integer, Integer> quantities) {
        Instant now = clock.instant();
        List<StockReservation> reservations = stock.activeReservations(orderId);
        Map<StockLevel.Key, StockLevel> levels = locked(reservations.stream()
                .filter(r -> quantities.containsKey(r.lineNo)).toList());
        for (Map.Entry<Integer, Integer> e : quantities.entrySet()) {
            int left = e.getValue();
            for (StockReservation r : reservations) {
                if (left == 0) {
                    break;
                }
                if (r.lineNo != e.getKey() || r.quantity == 0) {
                    continue;
                }
                int take = Math.min(left, r.quantity);
                levels.get(new StockLevel.Key(r.sku, r.warehouse)).ship(take, now);
                r.quantity -= take;
                if (r.quantity == 0) {
                    r.status = StockReservation.Status.CONSUMED;
                }
                left -= take;
            }
            if (left > 0) {
                throw new IllegalStateException("line " + e.getKey() + " of order " + orderId + " was not reserved");
            }
        }
    }

    /** Gives every still-promised unit of the order back to its warehouse. */
    public void release(UUID orderId) {
        Instant now = clock.instant();
        List<StockReservation> reservations = stock.activeReservations(orderId);
        Map<StockLevel.Key, StockLevel> levels = locked(reservations);
        for (StockReservation r : reservations) {
            levels.get(new StockLevel.Key(r.sku, r.warehouse)).release(r.quantity, now);
            r.status = StockReservation.Status.RELEASED;
        }
    }

    /**
     * The stock rows these reservations draw on, locked in (sku, warehouse) order whatever the
     * order of the lines, so two orders shipping or releasing the same skus never deadlock.
     */
    private Map<StockLevel.Key, StockLevel> locked(List<StockReservation> reservations) {
        Set<String> skus = new TreeSet<>();
        reservations.forEach(r -> skus.add(r.sku));
        Map<StockLevel.Key, StockLevel> levels = new HashMap<>();
        for (StockLevel level : stock.lockLevels(skus)) {
            levels.put(new StockLevel.Key(level.sku(), level.warehouse()), level);
        }
        return levels;
    }
}
