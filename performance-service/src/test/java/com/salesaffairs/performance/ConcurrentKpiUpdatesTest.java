package com.salesaffairs.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.salesaffairs.performance.domain.KpiContribution;
import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.RepKpi;
import com.salesaffairs.performance.service.KpiService;
import com.salesaffairs.platform.security.Scope;
import com.salesaffairs.platform.testing.SalesTestEnvironment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Several consumers (replicas, partitions) adding to the same rep's month at once. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class ConcurrentKpiUpdatesTest {

    @Inject
    KpiService kpis;

    @Test
    void concurrent_orders_of_one_rep_all_count() throws Exception {
        String rep = UUID.randomUUID().toString();
        Instant settledAt = Instant.parse("2032-01-15T10:00:00Z");
        int threads = 6;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Void> worker = () -> {
                    for (int i = 0; i < perThread; i++) {
                        KpiContribution order = KpiContribution.settledOrder(rep, "east-1", "east", "CNY",
                                new BigDecimal("10.01"), new BigDecimal("4.00"), settledAt);
                        QuarkusTransaction.requiringNew().run(() -> kpis.record(order));
                    }
                    return null;
                };
                done.add(pool.submit(worker));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Scope director = new Scope("director", "diana", null, null, Set.of("sales-director"));
        RepKpi kpi = kpis.ofRep(rep, KpiPeriod.parse("2032-01"), director);
        assertEquals(threads * perThread, kpi.figures().orderCount());
        assertEquals(new BigDecimal("600.60"), kpi.figures().salesAmount());
        assertEquals(new BigDecimal("240.00"), kpi.figures().costAmount());
    }
}
