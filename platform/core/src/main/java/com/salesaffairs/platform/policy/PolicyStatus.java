package com.salesaffairs.platform.policy;

public enum PolicyStatus {
    DRAFT, APPROVED, ACTIVE, RETIRED, REJECTED
}
