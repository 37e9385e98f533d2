package com.salesaffairs.order.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.salesaffairs.order.domain.Channel;
import com.salesaffairs.order.domain.PaymentTerms;

/** The inputs of the order use cases, already validated for shape at the REST boundary. */
public final class OrderCommands {
    private OrderCommands() {
    }

    public record LineInput(String sku, int quantity, BigDecimal unitPrice, BigDecimal discountPct) {
    }

    public record OrderInput(UUID customerId, UUID opportunityId, Channel channel, String currency,
            PaymentTerms paymentTerms, LocalDate requestedShipDate, String shippingAddress, List<LineInput> lines) {
    }

    public enum Decision {
        APPROVE, REJECT
    }

    public record LineQuantity(int lineNo, int quantity) {
    }

    public record ShipmentInput(String carrier, String trackingNumber, List<LineQuantity> lines) {
    }

    public record PaymentInput(BigDecimal amount, String method, String reference, Instant receivedAt) {
    }
}
