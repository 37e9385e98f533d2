package com.salesaffairs.platform.events;

/** The topic per producing domain (docs/architecture.md, docs/events.md). */
public final class Topics {
    public static final String OPPORTUNITY = "sales.opportunity.events";
    public static final String ORDER = "sales.order.events";
    public static final String AFTERSALES = "sales.aftersales.events";
    public static final String PERFORMANCE = "sales.performance.events";
    public static final String REPORTING = "sales.reporting.events";
    public static final String POLICY = "sales.policy.events";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
