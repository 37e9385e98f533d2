package com.salesaffairs.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import com.salesaffairs.order.domain.Channel;
import com.salesaffairs.order.domain.PaymentTerms;
import com.salesaffairs.order.service.OrderCommands;

/** What callers may send; anything else in a body is refused as an unknown field. */
public final class OrderRequests {
    private OrderRequests() {
    }

    public record LineRequest(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Positive(message = "must be at least 1") @Max(1_000_000) Integer quantity,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice,
            @DecimalMin("0.00") @DecimalMax(value = "100.00", message = "must be at most 100") @Digits(integer = 3, fraction = 2) BigDecimal discountPct) {
        OrderCommands.LineInput input() {
            return new OrderCommands.LineInput(sku, quantity, unitPrice, discountPct);
        }
    }

    public record OrderRequest(
            @NotNull UUID customerId,
            UUID opportunityId,
            @NotNull Channel channel,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") String currency,
            @NotNull PaymentTerms paymentTerms,
            LocalDate requestedShipDate,
            @NotBlank @Size(max = 500) String shippingAddress,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull LineRequest> lines) {
        OrderCommands.OrderInput input() {
            return new OrderCommands.OrderInput(customerId, opportunityId, channel, currency, paymentTerms,
                    requestedShipDate, shippingAddress.trim(), lines.stream().map(LineRequest::input).toList());
        }
    }

    public record DecisionRequest(@NotNull OrderCommands.Decision decision, @Size(max = 1000) String comment) {
    }

    public record LineQuantityRequest(
            @NotNull @Positive Integer lineNo,
            @NotNull @Positive(message = "must be at least 1") Integer quantity) {
        OrderCommands.LineQuantity input() {
            return new OrderCommands.LineQuantity(lineNo, quantity);
        }
    }

    public record ShipmentRequest(
            @NotBlank @Size(max = 100) String carrier,
            @NotBlank @Size(max = 100) String trackingNumber,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull LineQuantityRequest> lines) {
    }

    public record InvoiceRequest(@Size(max = 200) List<@Valid @NotNull LineQuantityRequest> lines) {
    }

    public enum PaymentMethod {
        BANK_TRANSFER, CARD, CASH, CHEQUE, LETTER_OF_CREDIT
    }

    public record PaymentRequest(
            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull PaymentMethod method,
            @Size(max = 100) String reference,
            Instant receivedAt) {
    }

    public record RefundRequest(
            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotBlank @Size(max = 500) String reason) {
    }

    public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
