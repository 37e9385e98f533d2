package com.salesaffairs.platform.security;

/** Realm roles of docs/security.md. */
public final class Roles {
    public static final String SALES_REP = "sales-rep";
    public static final String SALES_MANAGER = "sales-manager";
    public static final String SALES_DIRECTOR = "sales-director";
    public static final String ORDER_REVIEWER = "order-reviewer";
    public static final String FINANCE = "finance";
    public static final String WAREHOUSE = "warehouse";
    public static final String AFTERSALES_AGENT = "aftersales-agent";
    public static final String DATA_STEWARD = "data-steward";
    public static final String EXECUTIVE = "executive";
    public static final String POLICY_ADMIN = "policy-admin";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
