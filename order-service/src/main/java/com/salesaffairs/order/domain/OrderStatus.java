package com.salesaffairs.order.domain;

public enum OrderStatus {
    DRAFT, PENDING_APPROVAL, REJECTED, APPROVED, PARTIALLY_SHIPPED, SHIPPED, SETTLED, CANCELLED
}
