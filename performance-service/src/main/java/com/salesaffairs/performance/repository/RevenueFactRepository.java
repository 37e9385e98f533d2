package com.salesaffairs.performance.repository;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.RevenueFact;

/** {@code revenue_entry}: each settled order and refund, one row per event (the inbox keeps it to one). */
@ApplicationScoped
public class RevenueFactRepository {
    private final EntityManager em;

    public RevenueFactRepository(EntityManager em) {
        this.em = em;
    }

    public void insert(RevenueFact fact, KpiPeriod booked, Instant recordedAt) {
        em.createNativeQuery("""
                INSERT INTO revenue_entry (event_id, kind, order_id, order_number, refund_id, customer_id, rep_id,
                                           team, region, amount, cost_amount, occurred_at, period, booked_period,
                                           recorded_at)
                VALUES (CAST(:event AS uuid), :kind, CAST(:order AS uuid), :number, CAST(:refund AS uuid),
                        CAST(:customer AS uuid), :rep, :team, :region, :amount, :cost, :occurred, :period, :booked,
                        :recorded)""")
                .setParameter("event", fact.eventId().toString())
                .setParameter("kind", fact.kind().name())
                .setParameter("order", fact.orderId().toString())
                .setParameter("number", fact.orderNumber())
                .setParameter("refund", text(fact.refundId()))
                .setParameter("customer", text(fact.customerId()))
                .setParameter("rep", fact.contribution().repId())
                .setParameter("team", fact.contribution().team())
                .setParameter("region", fact.contribution().region())
                .setParameter("amount", fact.amount())
                .setParameter("cost", fact.costAmount())
                .setParameter("occurred", fact.occurredAt())
                .setParameter("period", fact.period().toString())
                .setParameter("booked", booked.toString())
                .setParameter("recorded", recordedAt)
                .executeUpdate();
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
